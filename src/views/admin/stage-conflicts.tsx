import { formatFourDecimals, formatTime, HIT_COUNTERS, hitFactor, type StageHits } from "../../domain/practical/score.ts";
import type { PowerFactor } from "../../domain/practical/rulebook.ts";
import type { Errors } from "../../lib/forms.ts";
import type { StageConflictRow } from "../../queries/admin/stage-conflicts.ts";
import { Csrf, fieldsOf, FormProblem, Input } from "../components/fields.tsx";
import { DateTime } from "../components/time.tsx";

export interface StageConflictsProps {
  base: string;
  zone: string;
  conflicts: (StageConflictRow & { name: string })[];
  /** Errors and typed values keyed by form, `stage-conflict-<opId>`. */
  errors: Record<string, Errors>;
  values: Record<string, Record<string, string>>;
}

const HIT_FIELDS = HIT_COUNTERS;

/** A conflict form's last part, shots' and stages' alike: the reason for the audit and the button. */
export function ResolveActions({ reason }: { reason: ReturnType<ReturnType<typeof fieldsOf>> }) {
  return (
    <>
      <Input {...reason} label="Reason" maxlength={500} />
      <div class="form-actions">
        <button type="submit">Resolve</button>
      </div>
    </>
  );
}

function ScoreRow({ label, hits, pf, by }: { label: string; hits: StageHits; pf: PowerFactor; by: string | null }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {HIT_FIELDS.map(([k]) => (
        <td class="num">{hits[k]}</td>
      ))}
      <td class="num" data-testid="time">{formatTime(hits.timeHundredths)}</td>
      <td class="num" data-testid="hit-factor">{formatFourDecimals(hitFactor(hits, pf))}</td>
      <td data-testid="entered-by">{by ?? "a device"}</td>
    </tr>
  );
}

/**
 * Practical matches' stage conflicts beside the shot conflicts: the competitor, the stage, both scores with
 * their hit factors and who sent them; the organiser keeps one or enters the right score, with a reason.
 */
export function StageConflicts(p: StageConflictsProps) {
  if (p.conflicts.length === 0) return null;
  return (
    <>
      <h3 id="stage-conflicts">Stage scores</h3>
      <ul class="conflicts">
        {p.conflicts.map((c) => {
          const form = `stage-conflict-${c.opId}`;
          const errors = p.errors[form] ?? {};
          const values = p.values[form] ?? {};
          const field = fieldsOf(form, values, errors);
          return (
            <li class="card conflict" data-testid="stage-conflict">
              <h3>
                {c.name} · {c.eventTitle} · {c.stageLabel}
              </h3>
              <p class="meta">
                Recorded <DateTime epoch={c.recordedAt} zone={p.zone} style="day" /> · {c.powerFactor}
              </p>
              <div class="table-scroll">
                <table class="results">
                  <caption class="visually-hidden">Both scores of {c.stageLabel}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Score</th>
                      {HIT_FIELDS.map(([, label]) => (
                        <th scope="col" class="num">{label}</th>
                      ))}
                      <th scope="col" class="num">Time</th>
                      <th scope="col" class="num">Hit factor</th>
                      <th scope="col">Entered by</th>
                    </tr>
                  </thead>
                  <tbody>
                    <ScoreRow label="Standing" hits={c.standing} pf={c.powerFactor} by={c.standingBy} />
                    <ScoreRow label="Later" hits={c.incoming} pf={c.powerFactor} by={c.incomingBy} />
                  </tbody>
                </table>
              </div>
              {errors.form && <FormProblem id={`${form}-problem`}>{errors.form}</FormProblem>}
              <form method="post" action={`${p.base}/stage-conflicts/${encodeURIComponent(c.opId)}`} class="form">
                <Csrf />
                <fieldset class={errors.keep ? "has-error" : undefined}>
                  <legend>Which score counts?</legend>
                  <label class="choice">
                    <input type="radio" name="keep" value="standing" checked={values.keep === "standing"} /> Keep the standing score
                  </label>
                  <label class="choice">
                    <input type="radio" name="keep" value="incoming" checked={values.keep === "incoming"} /> Take the later score
                  </label>
                  <label class="choice">
                    <input type="radio" name="keep" value="correction" checked={values.keep === "correction"} /> Neither: enter the right score
                    below
                  </label>
                  {errors.keep && <p class="field-error">{errors.keep}</p>}
                </fieldset>
                <fieldset>
                  <legend>The right score (only when neither counts)</legend>
                  <div class="field-row">
                    {HIT_FIELDS.map(([k, label]) => (
                      <Input {...field(k)} label={label} inputmode="numeric" required={false} />
                    ))}
                    <Input {...field("time")} label="Time (s)" inputmode="decimal" required={false} />
                  </div>
                </fieldset>
                <ResolveActions reason={field("reason")} />
              </form>
            </li>
          );
        })}
      </ul>
    </>
  );
}
