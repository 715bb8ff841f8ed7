import type { EntryRow } from "../../queries/admin/entries.ts";
import { formatDateTime } from "../../domain/time/format.ts";
import { Empty } from "../components/empty.tsx";
import { TableHead } from "../components/table.tsx";

export interface StartListRelay {
  id: number;
  name: string;
  startsAt: number;
  firingPoints: number;
  eventTitle: string;
  entries: EntryRow[];
}

/**
 * Start lists as printed for the range: one relay per printed page, every firing point in order, free
 * points left blank so late changes can be written in.
 */
export function StartLists({ relays, zone, title }: { relays: StartListRelay[]; zone: string; title: string }) {
  if (relays.length === 0) return <Empty>There is no relay to list.</Empty>;
  return (
    <>
      <p class="no-print">
        <button type="button" data-print>
          Print
        </button>
      </p>
      {relays.map((r) => {
        const byPoint = new Map(r.entries.filter((e) => e.firingPoint !== null).map((e) => [e.firingPoint!, e]));
        const unplaced = r.entries.filter((e) => e.firingPoint === null);
        const points = Array.from({ length: Math.max(r.firingPoints, ...byPoint.keys()) }, (_, i) => i + 1);
        return (
          <section class="start-list" data-testid="start-list" aria-labelledby={`start-list-${r.id}`}>
            <p class="print-only eyebrow">{title}</p>
            <h2 id={`start-list-${r.id}`}>
              {r.eventTitle} · {r.name}
            </h2>
            <p class="meta">
              {formatDateTime(r.startsAt, zone)} · {r.entries.length} of {r.firingPoints} firing points taken
            </p>
            <table class="start-list-table">
              <TableHead columns={[{ label: "FP", num: true }, "Name", "Club", { label: "Notes", hidden: true }]} />
              <tbody>
                {points.map((point) => {
                  const e = byPoint.get(point);
                  return (
                    <tr data-testid="start-list-row">
                      <td class="num">{point}</td>
                      <td>{e?.name ?? ""}</td>
                      <td>{e?.club ?? ""}</td>
                      <td>{e?.status === "held" ? "unpaid" : ""}</td>
                    </tr>
                  );
                })}
                {unplaced.map((e) => (
                  <tr data-testid="start-list-row">
                    <td class="num">—</td>
                    <td>{e.name}</td>
                    <td>{e.club}</td>
                    <td>{e.status === "held" ? "unpaid" : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
