import { detailPairs } from "../../admin/audit.ts";
import { Empty } from "../components/empty.tsx";
import { DateTime } from "../components/time.tsx";

export interface AuditProps {
  slug: string;
  zone: string;
  filter: { action: string | null; actorId: number | null; page: number };
  rows: { id: number; at: number; action: string; subject: string; detail: string; actorId: number | null; actor: string | null }[];
  more: boolean;
  actions: string[];
  actors: { id: number; name: string }[];
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
  return (
    <>
      <form class="filters" method="get" action={`/admin/t/${p.slug}/audit`} aria-label="Filter the audit log">
        <div class="field">
          <label for="audit-action">Action</label>
          <select id="audit-action" name="action">
            <option value="">All actions</option>
            {p.actions.map((a) => (
              <option value={a} selected={a === p.filter.action}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-actor">By</label>
          <select id="audit-actor" name="actor">
            <option value="">Anyone</option>
            {p.actors.map((a) => (
              <option value={String(a.id)} selected={a.id === p.filter.actorId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div class="filters-go">
          <button type="submit" class="secondary small">
            Filter
          </button>
        </div>
      </form>
      {p.rows.length === 0 ? (
        <Empty>{p.filter.action || p.filter.actorId !== null ? "Nothing matches these filters." : "Nothing has happened yet."}</Empty>
      ) : (
        <div class="table-scroll">
          <table class="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Subject</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr data-testid="audit-row">
                  <td>
                    <DateTime epoch={r.at} zone={p.zone} style="day" />
                  </td>
                  <td>{r.actor ?? (r.actorId === null ? "Tenring" : `User ${r.actorId}`)}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>{r.subject}</td>
                  <td>
                    <dl class="audit-detail">
                      {detailPairs(r.detail).map(([k, v]) => (
                        <>
                          <dt>{k}</dt>
                          <dd>{v}</dd>
                        </>
                      ))}
                    </dl>
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
