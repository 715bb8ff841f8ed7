import type { EntryFilter, EntryRow } from "../../queries/admin/entries.ts";
import { STATUS_FILTERS } from "../../queries/admin/entries.ts";
import type { EntryStatus } from "../../object/contract/index.ts";
import { Empty } from "../components/empty.tsx";
import { TableHead } from "../components/table.tsx";
import { DateTime } from "../components/time.tsx";
import { FilterButton, FilterSelect, matchCount } from "./filters.tsx";

export interface RelayRef {
  id: number;
  name: string;
  startsAt: number;
}

export interface EventRef {
  id: number;
  title: string;
  relays: RelayRef[];
}

const STATUS_LABEL: Record<EntryStatus, string> = {
  confirmed: "Confirmed",
  held: "Awaiting payment",
  waitlisted: "Waitlisted",
  withdrawn: "Withdrawn",
  removed: "Removed",
  expired: "Hold lapsed",
};

const FILTER_LABEL: Record<(typeof STATUS_FILTERS)[number], string> = {
  active: "Active (with a place or waiting)",
  all: "All",
  ...STATUS_LABEL,
};

export function StatusBadge({ entry }: { entry: Pick<EntryRow, "status" | "waitlistPosition"> }) {
  const kind = entry.status === "confirmed" ? "confirmed" : entry.status === "held" ? "held" : entry.status === "waitlisted" ? "waitlisted" : "closed";
  const label = entry.status === "waitlisted" && entry.waitlistPosition !== null ? `Waitlist #${entry.waitlistPosition}` : STATUS_LABEL[entry.status];
  return <span class={`badge ${kind}`}>{label}</span>;
}

function query(f: EntryFilter, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.eventId !== null) p.set("event", String(f.eventId));
  if (f.relayId !== null) p.set("relay", String(f.relayId));
  if (f.status !== "active") p.set("status", f.status);
  if (f.q.trim() !== "") p.set("q", f.q.trim());
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export interface EntriesPageProps {
  slug: string;
  zone: string;
  events: EventRef[];
  filter: EntryFilter;
  rows: EntryRow[];
  total: number;
}

/** Event tabs, the filters (search as you type with htmx; a plain GET form without it) and the table. */
export function EntriesView(p: EntriesPageProps) {
  const base = `/admin/t/${p.slug}/entries`;
  const event = p.events.find((e) => e.id === p.filter.eventId);
  if (!event) return <Empty>No events yet: add an event and its relays first.</Empty>;
  const followChange = { "hx-get": base, "hx-trigger": "change", "hx-target": "#entries-results", "hx-include": "closest form" };
  return (
    <>
      <nav class="tabs" aria-label="Events">
        <ul>
          {p.events.map((e) => (
            <li>
              <a href={`${base}?event=${e.id}`} aria-current={e.id === event.id ? "page" : undefined}>
                {e.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="entries-actions">
        <a class="button small" href={`/admin/t/${p.slug}/entries/new?event=${event.id}`}>
          Add walk-up entry
        </a>{" "}
        <a class="button small secondary" href={`/admin/t/${p.slug}/entries.csv${query(p.filter)}`} data-testid="csv-link">
          Download CSV
        </a>{" "}
        <a class="button small secondary" href={`/admin/t/${p.slug}/start-list?event=${event.id}`}>
          Start lists
        </a>
      </p>
      <form class="filters" method="get" action={base} role="search" aria-label="Filter entries">
        <input type="hidden" name="event" value={String(event.id)} />
        <div class="field">
          <label for="entries-q">Search name or club</label>
          <input
            id="entries-q"
            type="search"
            name="q"
            value={p.filter.q}
            autocomplete="off"
            hx-get={base}
            hx-trigger="input changed delay:300ms, search"
            hx-target="#entries-results"
            hx-include="closest form"
            hx-indicator="#entries-busy"
          />
        </div>
        <FilterSelect
          id="entries-relay"
          name="relay"
          label="Relay"
          any="All relays"
          options={event.relays.map((r) => ({ value: String(r.id), label: r.name }))}
          selected={p.filter.relayId === null ? "" : String(p.filter.relayId)}
          htmx={followChange}
        />
        <FilterSelect
          id="entries-status"
          name="status"
          label="Status"
          options={STATUS_FILTERS.map((s) => ({ value: s, label: FILTER_LABEL[s] }))}
          selected={p.filter.status}
          htmx={followChange}
        />
        <FilterButton>
          <span id="entries-busy" class="htmx-indicator" aria-hidden="true">
            Searching…
          </span>
        </FilterButton>
      </form>
      <EntriesResults {...p} />
    </>
  );
}

/** The part the search replaces: a count and the table. */
export function EntriesResults(p: EntriesPageProps) {
  const relays = new Map(p.events.flatMap((e) => e.relays).map((r) => [r.id, r]));
  return (
    <div id="entries-results" aria-live="polite">
      <p class="meta" data-testid="entries-count">
        {matchCount(p.rows.length, p.total, "entries")}
      </p>
      {p.rows.length === 0 ? (
        <Empty>{p.total === 0 ? "No entries in this event yet." : "No entry matches these filters."}</Empty>
      ) : (
        <div class="table-scroll">
          <table class="entries-table">
            <TableHead columns={["Name", "Club", "Relay", { label: "FP", num: true }, "Status", "Checked in"]} />
            <tbody>
              {p.rows.map((e) => {
                const relay = e.relayId === null ? null : relays.get(e.relayId);
                return (
                  <tr data-testid="entry-row" data-entry={e.id}>
                    <th scope="row">
                      <a href={`/admin/t/${p.slug}/entries/${e.id}`}>{e.name}</a>
                      {e.walkUp && <span class="tag">walk-up</span>}
                    </th>
                    <td>{e.club}</td>
                    <td>{relay ? relay.name : e.status === "waitlisted" ? "Any relay" : "—"}</td>
                    <td class="num">{e.firingPoint !== null && (e.status === "confirmed" || e.status === "held") ? e.firingPoint : ""}</td>
                    <td>
                      <StatusBadge entry={e} />
                    </td>
                    <td>{e.checkedInAt !== null ? <DateTime epoch={e.checkedInAt} zone={p.zone} style="time" /> : ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
