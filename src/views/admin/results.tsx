import { disciplineName } from "../../domain/practical/discipline-name.ts";
import { discipline, formatShot } from "../../domain/scoring/index.ts";
import { EnrolQr } from "./enrol-qr.tsx";
import { ResolveActions } from "./stage-conflicts.tsx";
import type { Errors } from "../../lib/forms.ts";
import type { ConflictView } from "../../object/contract/index.ts";
import type { Child } from "hono/jsx";
import { Empty } from "../components/empty.tsx";
import { Csrf, fieldsOf, FormProblem, Input, PostButton, Saved } from "../components/fields.tsx";
import { DateTime } from "../components/time.tsx";

export interface ResultsEvent {
  id: number;
  title: string;
  discipline: string;
  resultsStatus: "unofficial" | "official";
  shots: number | null;
  /** Competitors whose cards are incomplete, most missing first. */
  missing: { entryId: string; name: string; fired: number; missing: number }[];
  /** "13 of 1,020 shots are entered: …"; "" when nothing is missing. */
  missingSummary: string;
}

export interface ResultsPageProps {
  slug: string;
  zone: string;
  events: ResultsEvent[];
  conflicts: (ConflictView & { name: string })[];
  /** Practical matches' stage conflicts (views/admin/stage-conflicts.tsx), listed after the shots'. */
  stageConflicts?: { count: number; list: Child };
  competitors: { id: string; name: string; eventId: number }[];
  tokens: { id: number; name: string; createdAt: number; revokedAt: number | null; by: string | null }[];
  /** Errors keyed by form: `event-<id>`, `conflict-<opId>`, `correction`, `token`. */
  errors: Record<string, Errors>;
  values: Record<string, Record<string, string>>;
  notice?: string;
  /** A token just made: shown this once. */
  newToken?: { name: string; token: string; enrolUrl: string };
  /** The event whose "mark official" waits for a confirmation (shots are missing). */
  confirmOfficial?: number | undefined;
}

/** Before results go official with shots missing: who and how many, and a deliberate second button. */
function MissingShotsWarning({ e, action, back }: { e: ResultsEvent; action: string; back: string }) {
  const shown = e.missing.slice(0, 50);
  return (
    <div class="missing-shots" role="alert" data-testid="missing-shots">
      <h4>Shots are missing</h4>
      <p>{e.missingSummary}</p>
      <ul>
        {shown.map((m) => (
          <li data-testid="missing-shots-row">
            {m.name}: {m.missing} missing ({m.fired} entered)
          </li>
        ))}
        {e.missing.length > shown.length && <li>and {e.missing.length - shown.length} more</li>}
      </ul>
      <p>Once official, the results are frozen: the missing shots could then only be added as corrections.</p>
      <form method="post" action={action} class="form-actions">
        <Csrf />
        <input type="hidden" name="official" value="1" />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit" class="danger">
          Mark official anyway
        </button>
        <a href={back}>Keep them unofficial</a>
      </form>
    </div>
  );
}

function show(disciplineId: string, v: { value: number; innerTen: boolean }): string {
  const d = discipline(disciplineId);
  return d ? formatShot(d, v.value, v.innerTen) : String(v.value);
}

export function ResultsControl(p: ResultsPageProps) {
  const base = `/admin/t/${p.slug}/results`;
  const byEvent = new Map(p.events.map((e) => [e.id, e]));
  const err = (form: string) => p.errors[form] ?? {};
  const val = (form: string) => p.values[form] ?? {};
  const correction = fieldsOf("correction", val("correction"), err("correction"));
  const token = fieldsOf("token", val("token"), err("token"));
  return (
    <>
      {p.notice && <Saved>{p.notice}</Saved>}
      <section aria-labelledby="status-title">
        <h2 id="status-title">Results per event</h2>
        <p class="meta">
          While shooting, results are unofficial. Once you mark them official they are frozen: only a correction with a reason (below) changes a
          shot, and it is audited.
        </p>
        {p.events.length === 0 ? (
          <Empty>No events yet.</Empty>
        ) : (
          <ul class="results-events">
            {p.events.map((e) => {
              const official = e.resultsStatus === "official";
              const form = `event-${e.id}`;
              const field = fieldsOf(form, val(form), err(form));
              return (
                <li class="card" data-testid="results-event">
                  <h3>
                    {e.title}{" "}
                    <span class={`badge ${official ? "confirmed" : "held"}`} data-testid="results-status">
                      {official ? "Official" : "Unofficial"}
                    </span>
                  </h3>
                  <p class="meta">
                    {disciplineName(e.discipline)} · {e.shots === null ? "—" : e.shots} shots entered ·{" "}
                    <a href={`/t/${p.slug}/results/${e.id}`}>Public results</a>
                  </p>
                  {err(form).form && <p class="field-error">{err(form).form}</p>}
                  {!official && p.confirmOfficial === e.id && <MissingShotsWarning e={e} action={`${base}/events/${e.id}/status`} back={base} />}
                  {!official && p.confirmOfficial !== e.id && e.missingSummary !== "" && (
                    <p class="meta" data-testid="missing-summary">
                      {e.missingSummary}
                    </p>
                  )}
                  <form method="post" action={`${base}/events/${e.id}/status`} class="form" hidden={!official && p.confirmOfficial === e.id}>
                    <Csrf />
                    <input type="hidden" name="official" value={official ? "0" : "1"} />
                    {official && (
                      <Input {...field("reason")} label="Why reopen them?" maxlength={500} hint="Reopened results take ordinary shots again." />
                    )}
                    <div class="form-actions">
                      <button type="submit" class={official ? "secondary" : ""}>
                        {official ? "Back to unofficial" : "Mark results official"}
                      </button>
                    </div>
                  </form>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="conflicts">
        <h2 id="conflicts">Scoring conflicts</h2>
        <p class="meta">A slot got two different values (two devices, or a resend). The first stands until you decide.</p>
        {p.conflicts.length === 0 && (p.stageConflicts?.count ?? 0) === 0 && <Empty>No open conflicts.</Empty>}
        {p.conflicts.length > 0 && (
          <ul class="conflicts">
            {p.conflicts.map((c) => {
              const event = byEvent.get(c.eventId);
              const form = `conflict-${c.opId}`;
              const field = fieldsOf(form, val(form), err(form));
              const d = event?.discipline ?? "";
              return (
                <li class="card conflict" data-testid="conflict">
                  <h3>
                    {c.name} · {event?.title ?? `Event ${c.eventId}`} · shot {c.shotNo}
                  </h3>
                  <p class="meta">
                    Recorded <DateTime epoch={c.recordedAt} zone={p.zone} style="day" />
                    {c.incoming.deviceId && ` from device ${c.incoming.deviceId}`}
                  </p>
                  {err(form).form && <FormProblem id={`${form}-problem`}>{err(form).form}</FormProblem>}
                  <form method="post" action={`${base}/conflicts/${encodeURIComponent(c.opId)}`} class="form">
                    <Csrf />
                    <fieldset class={err(form).keep ? "has-error" : undefined}>
                      <legend>Which value counts?</legend>
                      <label class="choice">
                        <input type="radio" name="keep" value="standing" checked={val(form).keep === "standing"} /> Keep{" "}
                        <strong>{show(d, c.standing)}</strong> (the value that stands)
                      </label>
                      <label class="choice">
                        <input type="radio" name="keep" value="incoming" checked={val(form).keep === "incoming"} /> Take{" "}
                        <strong>{show(d, c.incoming)}</strong> (the later value)
                      </label>
                      {err(form).keep && <p class="field-error">{err(form).keep}</p>}
                    </fieldset>
                    <ResolveActions reason={field("reason")} />
                  </form>
                </li>
              );
            })}
          </ul>
        )}
        {p.stageConflicts?.list}
      </section>

      <section aria-labelledby="correction-title">
        <h2 id="correction-title">Correct a shot</h2>
        {err("correction").form && <FormProblem id="correction-problem">{err("correction").form}</FormProblem>}
        {p.competitors.length === 0 ? (
          <Empty>No confirmed competitors yet.</Empty>
        ) : (
          <form method="post" action={`${base}/corrections`} class="form admin-form" novalidate>
            <Csrf />
            <div class={err("correction").entryId ? "field has-error" : "field"}>
              <label for="correction-entryId">Competitor</label>
              <select id="correction-entryId" name="entryId" required aria-invalid={err("correction").entryId ? "true" : undefined}>
                <option value="">Choose the competitor</option>
                {p.events.map((e) => (
                  <optgroup label={e.title}>
                    {p.competitors
                      .filter((c) => c.eventId === e.id)
                      .map((c) => (
                        <option value={c.id} selected={val("correction").entryId === c.id}>
                          {c.name}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
              {err("correction").entryId && <p class="field-error">{err("correction").entryId}</p>}
            </div>
            <div class="field-row">
              <Input {...correction("shotNo")} label="Shot number" type="number" min="1" inputmode="numeric" />
              <Input {...correction("value")} label="Correct value" hint="As written: 10.4, 9, 10*, X, hit, miss." />
            </div>
            <Input {...correction("reason")} label="Reason" maxlength={500} />
            <div class="form-actions">
              <button type="submit">Correct shot</button>
            </div>
          </form>
        )}
      </section>

      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">Scoring tokens for electronic targets</h2>
        <p class="meta">
          A token lets a device send shots for this tournament only, to <code>POST /api/v1/tournaments/{p.slug}/shots</code> with{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
        {p.newToken && (
          <div class="token-created" role="status" data-testid="new-token">
            <p>
              Token <strong>{p.newToken.name}</strong> created. Copy it now: it is shown only this once.
            </p>
            <code class="token-value">{p.newToken.token}</code>
            <EnrolQr url={p.newToken.enrolUrl} />
          </div>
        )}
        {p.tokens.length === 0 ? (
          <Empty>No scoring tokens yet.</Empty>
        ) : (
          <ul class="tokens">
            {p.tokens.map((t) => (
              <li data-testid="scoring-token">
                <strong>{t.name}</strong>{" "}
                <span class="meta">
                  by {t.by ?? "a former organiser"}, <DateTime epoch={t.createdAt} zone={p.zone} style="day" />
                </span>{" "}
                {t.revokedAt !== null ? (
                  <span class="badge closed">Revoked</span>
                ) : (
                  <PostButton action={`${base}/tokens/${t.id}/revoke`} confirm={`Revoke ${t.name}? Devices using it stop at once.`}>
                    Revoke
                  </PostButton>
                )}
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={`${base}/tokens`} class="form admin-form" novalidate>
          <Csrf />
          <Input {...token("name")} label="Device name" maxlength={80} />
          <div class="form-actions">
            <button type="submit" class="secondary">
              Create token
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
