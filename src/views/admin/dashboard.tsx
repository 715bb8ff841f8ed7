import { disciplineName } from "../../domain/practical/discipline-name.ts";
import type { Dashboard } from "../../queries/admin/dashboard.ts";
import { Empty } from "../components/empty.tsx";
import { Csrf, FormProblem } from "../components/fields.tsx";
import { TableHead } from "../components/table.tsx";
import { DateTime } from "../components/time.tsx";
import { SetAsideNotice } from "./set-aside.tsx";

const dash = (n: number | null) => (n === null ? "—" : String(n));

export function Figure({ label, value, note, testid }: { label: string; value: string; note?: string; testid: string }) {
  return (
    <div class="figure" data-testid={testid}>
      <dt>{label}</dt>
      <dd>
        <span class="figure-value">{value}</span>
        {note && <span class="figure-note">{note}</span>}
      </dd>
    </div>
  );
}

function Progress({ done, of, label }: { done: number; of: number; label: string }) {
  return (
    <progress max={Math.max(of, 1)} value={done} aria-label={label}>
      {done} of {of}
    </progress>
  );
}

export interface PublishPanelProps {
  slug: string;
  revision: number;
  status: "draft" | "published";
  problems: string[];
  canEdit: boolean;
}

/** A draft shows what publishing needs; a published tournament can go back to draft. */
export function PublishPanel(p: PublishPanelProps) {
  if (!p.canEdit) return null;
  const action = `/admin/t/${p.slug}/publish`;
  if (p.status === "published") {
    return (
      <form method="post" action={action} class="publish-panel" data-confirm="Hide this tournament from the public again?">
        <Csrf />
        <input type="hidden" name="revision" value={String(p.revision)} />
        <input type="hidden" name="publish" value="0" />
        <p class="meta">
          Published: everyone sees it at <a href={`/t/${p.slug}`}>/t/{p.slug}</a>.{" "}
          <button type="submit" class="link">
            Return to draft
          </button>
        </p>
      </form>
    );
  }
  return (
    <div class="publish-panel card">
      <h2>Draft</h2>
      <p>Only staff see this tournament. Publish it when its events and relays are ready: it then appears on the home page.</p>
      {p.problems.length > 0 && (
        <ul class="problems" data-testid="publish-problems">
          {p.problems.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      )}
      <form method="post" action={action}>
        <Csrf />
        <input type="hidden" name="revision" value={String(p.revision)} />
        <input type="hidden" name="publish" value="1" />
        <button type="submit" disabled={p.problems.length > 0}>
          Publish tournament
        </button>
      </form>
    </div>
  );
}

export function DashboardView(props: { slug: string; zone: string; data: Dashboard; problem?: string; notice?: string }) {
  const { data } = props;
  const base = `/admin/t/${props.slug}`;
  const { totals } = data;
  return (
    <>
      {props.problem && <FormProblem id="dashboard-problem">{props.problem}</FormProblem>}
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      {data.setAside && <SetAsideNotice rows={data.setAside} zone={props.zone} />}
      <dl class="figures">
        <Figure testid="figure-entries" label="Places taken" value={String(totals.confirmed + totals.held)} note={totals.held > 0 ? `${totals.held} awaiting payment` : undefined} />
        <Figure testid="figure-left" label="Places left" value={String(totals.placesLeft)} />
        <Figure testid="figure-waitlist" label="On waitlists" value={String(totals.waitlisted)} />
        <Figure testid="figure-checkin" label="Checked in" value={`${totals.checkedIn} / ${totals.expected}`} />
        <Figure testid="figure-shots" label="Shots entered" value={dash(data.shots)} />
        <Figure testid="figure-conflicts" label="Open conflicts" value={dash(data.openConflicts)} />
      </dl>
      {data.openConflicts !== null && data.openConflicts > 0 && (
        <p class="notice error">
          {data.openConflicts} scoring {data.openConflicts === 1 ? "conflict waits" : "conflicts wait"} for a decision.{" "}
          <a href={`${base}/results#conflicts`}>Resolve them</a>
        </p>
      )}
      {data.events.length === 0 ? (
        <Empty>
          No events yet. <a href={`${base}/events`}>Add the first event and its relays</a>.
        </Empty>
      ) : (
        data.events.map((e) => (
          <section class="dashboard-event" aria-labelledby={`event-${e.id}`} data-testid="dashboard-event">
            <h2 id={`event-${e.id}`}>
              {e.title} <span class="discipline">{disciplineName(e.discipline)}</span>{" "}
              <span class={`badge ${e.resultsStatus === "official" ? "confirmed" : "held"}`}>
                {e.resultsStatus === "official" ? "Results official" : "Results unofficial"}
              </span>
            </h2>
            <p class="meta">
              Waitlist: {e.waitlisted} · Shots: {dash(e.shots)} · Open conflicts: {dash(e.openConflicts)} ·{" "}
              <a href={`${base}/entries?event=${e.id}`}>Entries</a>
            </p>
            {e.relays.length === 0 ? (
              <Empty>No relays in this event yet.</Empty>
            ) : (
              <div class="table-scroll">
                <table class="dashboard-relays">
                  <TableHead
                    columns={[
                      "Relay",
                      "Starts",
                      { label: "Taken", num: true },
                      { label: "Left", num: true },
                      { label: "Waiting", num: true },
                      "Checked in",
                      { label: "Links", hidden: true },
                    ]}
                  />
                  <tbody>
                    {e.relays.map((r) => (
                      <tr data-testid="dashboard-relay">
                        <th scope="row">{r.name}</th>
                        <td>
                          <DateTime epoch={r.startsAt} zone={props.zone} style="day" />
                        </td>
                        <td class="num">
                          {r.confirmed + r.held} / {r.firingPoints}
                        </td>
                        <td class="num">{r.placesLeft}</td>
                        <td class="num">{r.waitlisted}</td>
                        <td>
                          <Progress done={r.checkedIn} of={r.expected} label={`${r.name} checked in`} /> {r.checkedIn} / {r.expected}
                        </td>
                        <td>
                          <a href={`${base}/start-list?relay=${r.id}`}>Start list</a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ))
      )}
    </>
  );
}
