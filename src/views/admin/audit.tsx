import { type AuditNames, type Phrase } from "./audit/phrase.ts";
import { ACTION_LABELS, auditSentence } from "./audit/words.ts";
import { Empty } from "../components/empty.tsx";
import { TableHead } from "../components/table.tsx";
import { DateTime } from "../components/time.tsx";
import { FilterButton, FilterSelect } from "./filters.tsx";

export interface AuditProps {
  slug: string;
  zone: string;
  currency: string;
  filter: { action: string | null; actorId: number | null; page: number };
  rows: { id: number; at: number; action: string; subject: string; detail: string; actorId: number | null; actor: string | null }[];
  more: boolean;
  actions: string[];
  actors: { id: number; name: string }[];
  names: Omit<AuditNames, "slug" | "zone" | "currency">;
}

function Sentence({ phrase }: { phrase: Phrase }) {
  return (
    <>
      {phrase.map((part) => (typeof part === "string" ? part : <a href={part.href}>{part.text}</a>))}
    </>
  );
}

function pageLink(p: AuditProps, page: number): string {
  const q = new URLSearchParams();
  if (p.filter.action) q.set("action", p.filter.action);
  if (p.filter.actorId !== null) q.set("actor", String(p.filter.actorId));
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return `/admin/t/${p.slug}/audit${s ? `?${s}` : ""}`;
}

/** Who did what and when; read-only, newest first. */
export function AuditView(p: AuditProps) {
  const names: AuditNames = { ...p.names, slug: p.slug, zone: p.zone, currency: p.currency };
  return (
    <>
      <form class="filters" method="get" action={`/admin/t/${p.slug}/audit`} aria-label="Filter the audit log">
        <FilterSelect
          id="audit-action"
          name="action"
          label="Action"
          any="All actions"
          options={p.actions.map((a) => ({ value: a, label: ACTION_LABELS[a] ?? a }))}
          selected={p.filter.action ?? ""}
        />
        <FilterSelect
          id="audit-actor"
          name="actor"
          label="By"
          any="Anyone"
          options={p.actors.map((a) => ({ value: String(a.id), label: a.name }))}
          selected={p.filter.actorId === null ? "" : String(p.filter.actorId)}
        />
        <FilterButton />
      </form>
      {p.rows.length === 0 ? (
        <Empty>{p.filter.action || p.filter.actorId !== null ? "Nothing matches these filters." : "Nothing has happened yet."}</Empty>
      ) : (
        <div class="table-scroll">
          <table class="audit-table">
            <TableHead columns={["When", "What happened"]} />
            <tbody>
              {p.rows.map((r) => (
                <tr data-testid="audit-row" data-action={r.action}>
                  <td class="audit-when">
                    <DateTime epoch={r.at} zone={p.zone} style="day" />
                  </td>
                  <td class="audit-sentence">
                    <Sentence phrase={auditSentence(r, names)} />.
                    <span class="audit-action">{ACTION_LABELS[r.action] ?? r.action}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label="Pages">
        {p.filter.page > 1 && <a href={pageLink(p, p.filter.page - 1)}>← Newer</a>}
        {p.more && <a href={pageLink(p, p.filter.page + 1)}>Older →</a>}
      </nav>
    </>
  );
}
