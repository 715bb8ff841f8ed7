import { describeTargets, formatFourDecimals, formatTime, hitFactor, HIT_COUNTERS, rawPoints, requiredHits, stageMaxPoints } from "../../domain/practical/index.ts";
import type { PowerFactor, StageHits, StageSpec } from "../../domain/practical/index.ts";
import { Csrf } from "../components/fields.tsx";
import { Empty } from "../components/empty.tsx";

export const STAGE_SHEET_SCRIPT = "/scripts/stage-sheet.js";

export interface SheetCompetitor {
  entryId: string;
  name: string;
  division: string;
  powerFactor: PowerFactor;
  dq: boolean;
  /** The score on the picked stage, if any. */
  score: { hits: StageHits; confirmed: boolean } | null;
}

/** What was typed (kept when refused) and the operation id the form sends. */
export interface SheetForm {
  opId: string;
  values: Record<"a" | "c" | "d" | "miss" | "noShoot" | "procedural" | "time", string>;
  error?: string;
}

export interface StageSheetModel {
  slug: string;
  event: { id: number; title: string };
  stages: StageSpec[];
  squads: { id: number; name: string }[];
  stage: StageSpec | null;
  squad: { id: number; name: string } | null;
  competitors: SheetCompetitor[];
  picked: SheetCompetitor | null;
  form: SheetForm | null;
  official: boolean;
  notice?: { tone: "success" | "error" | "info"; text: string };
}

export const sheetPath = (slug: string, eventId: number, q: { stage?: number; squad?: number; entry?: string } = {}) => {
  const params = new URLSearchParams();
  if (q.stage) params.set("stage", String(q.stage));
  if (q.squad) params.set("squad", String(q.squad));
  if (q.entry) params.set("entry", q.entry);
  const query = params.toString();
  return `/score/t/${slug}/practical/${eventId}${query ? `?${query}` : ""}`;
};

/** The sheet's counters, in the rulebook's order. */
const COUNTERS = HIT_COUNTERS.map(([name, label]) => ({ name, label }));

function Picker({ m }: { m: StageSheetModel }) {
  return (
    <nav class="sheet-picker" aria-label="Stage and squad">
      <ul class="chip-list" aria-label="Stages">
        {m.stages.map((s) => (
          <li>
            <a class={m.stage?.id === s.id ? "chip current" : "chip"} aria-current={m.stage?.id === s.id ? "page" : undefined} href={sheetPath(m.slug, m.event.id, { stage: s.id, squad: m.squad?.id })}>
              Stage {s.number}
            </a>
          </li>
        ))}
      </ul>
      {m.stage && (
        <ul class="chip-list" aria-label="Squads">
          {m.squads.map((q) => (
            <li>
              <a class={m.squad?.id === q.id ? "chip current" : "chip"} aria-current={m.squad?.id === q.id ? "page" : undefined} href={sheetPath(m.slug, m.event.id, { stage: m.stage?.id, squad: q.id })}>
                {q.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

function scoreLine(c: SheetCompetitor): string {
  if (c.dq) return "DQ";
  if (!c.score) return "not scored";
  const hf = formatFourDecimals(hitFactor(c.score.hits, c.powerFactor));
  return `HF ${hf}${c.score.confirmed ? " · confirmed" : ""}`;
}

/** The tap counters, time and the competitor's confirmation, for one competitor on one stage. */
function Sheet({ m, stage, c, form }: { m: StageSheetModel; stage: StageSpec; c: SheetCompetitor; form: SheetForm }) {
  const action = `/score/t/${m.slug}/practical/${m.event.id}/scores`;
  return (
    <form class="stage-sheet" method="post" action={action} data-required={String(requiredHits(stage))} data-power-factor={c.powerFactor} data-testid="stage-sheet">
      <Csrf />
      <input type="hidden" name="opId" value={form.opId} />
      <input type="hidden" name="entry" value={c.entryId} />
      <input type="hidden" name="stage" value={String(stage.id)} />
      <input type="hidden" name="squad" value={String(m.squad?.id ?? "")} />
      {c.score && (
        <p class="notice info">
          Scored: {describeHits(c.score.hits)}. Saving a different score keeps the first and flags a conflict for the organiser.
        </p>
      )}
      <h2 class="sheet-who">
        {c.name} <span class="meta">{c.division} · {c.powerFactor}</span>
      </h2>
      {form.error && (
        <p class="notice error" role="alert" data-testid="sheet-error">
          {form.error}
        </p>
      )}
      <div class="counters">
        {COUNTERS.map((k) => (
          <div class={`counter counter-${k.name}`}>
            <label for={`count-${k.name}`}>{k.label}</label>
            <button type="button" class="secondary dec" data-step="-1" data-for={`count-${k.name}`} aria-label={`One ${k.label} less`}>
              −
            </button>
            <input id={`count-${k.name}`} name={k.name} type="number" inputmode="numeric" min="0" max="999" value={form.values[k.name]} required />
            <button type="button" class="secondary inc" data-step="1" data-for={`count-${k.name}`} aria-label={`One ${k.label} more`}>
              +
            </button>
          </div>
        ))}
      </div>
      <label class="sheet-time">
        Time (s)
        <input name="time" type="text" inputmode="decimal" pattern="[0-9]{1,4}([.,][0-9]{1,2})?" placeholder="0.00" value={form.values.time} required autocomplete="off" />
      </label>
      <p class="running" aria-live="polite" data-testid="running">
        <span class="running-hits">Hits: – of {requiredHits(stage)}</span> · <span class="running-points">Points: –</span> ·{" "}
        <span class="running-hf">HF –</span>
      </p>
      <div class="form-actions confirm-actions">
        <button type="submit" name="confirmed" value="1" data-testid="confirm">
          Competitor confirms: save
        </button>
        <button type="submit" name="confirmed" value="0" class="secondary">
          Save without confirmation
        </button>
      </div>
    </form>
  );
}

function describeHits(h: StageHits): string {
  return `${h.a} A, ${h.c} C, ${h.d} D, ${h.miss} M, ${h.noShoot} NS, ${h.procedural} P in ${formatTime(h.timeHundredths)} s`;
}

/** The squad's scores on the stage, for the review before the squad moves on. */
function Review({ m, stage }: { m: StageSheetModel; stage: StageSpec }) {
  return (
    <table class="sheet-review" data-testid="sheet-review">
      <caption>Squad review: stage {stage.number}</caption>
      <thead>
        <tr>
          <th scope="col">Competitor</th>
          <th scope="col" class="num">Hits</th>
          <th scope="col" class="num">Points</th>
          <th scope="col" class="num">Time</th>
          <th scope="col" class="num">HF</th>
          <th scope="col">Confirmed</th>
        </tr>
      </thead>
      <tbody>
        {m.competitors.map((c) => (
          <tr>
            <th scope="row">
              <a href={sheetPath(m.slug, m.event.id, { stage: stage.id, squad: m.squad?.id, entry: c.entryId })}>{c.name}</a>
            </th>
            <td class="num">{c.score ? `${c.score.hits.a}/${c.score.hits.c}/${c.score.hits.d}/${c.score.hits.miss}` : ""}</td>
            <td class="num">{c.score ? Math.max(0, rawPoints(c.score.hits, c.powerFactor)) : ""}</td>
            <td class="num">{c.score ? formatTime(c.score.hits.timeHundredths) : ""}</td>
            <td class="num">{c.dq ? "DQ" : c.score ? formatFourDecimals(hitFactor(c.score.hits, c.powerFactor)) : "–"}</td>
            <td>{c.score?.confirmed ? "Yes" : c.score ? "No" : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StageSheetPage({ m }: { m: StageSheetModel }) {
  const { stage } = m;
  return (
    <>
      <header class="page-head">
        <p class="eyebrow">
          <a href={`/score/t/${m.slug}`}>Scoring</a>
        </p>
        <h1>{m.event.title}: stage score sheet</h1>
        {stage ? (
          <p class="lead">
            Stage {stage.number}: {stage.name} · {describeTargets(stage)} · max {stageMaxPoints(stage)}
          </p>
        ) : (
          <p class="lead">Pick the stage, then the squad, then the competitor at the line.</p>
        )}
      </header>
      {m.official && <p class="notice warning">The results are official: only an organiser's correction can change them.</p>}
      {m.notice && (
        <p class={`notice ${m.notice.tone}`} role="status" data-testid="sheet-notice">
          {m.notice.text}
        </p>
      )}
      {m.stages.length === 0 ? <Empty>This match has no stages yet.</Empty> : <Picker m={m} />}
      {stage && m.squad && (
        <>
          <p class="meta">
            <a href={`/score/app#/t/${encodeURIComponent(m.slug)}/squads/${m.squad.id}/s/${stage.id}`} data-testid="score-offline">
              Keep this squad on this device to score with no connection
            </a>
          </p>
          {m.competitors.length === 0 ? (
            <Empty>No confirmed competitor in this squad.</Empty>
          ) : (
            <ul class="sheet-competitors" aria-label="Competitors">
              {m.competitors.map((c) => (
                <li>
                  <a class={m.picked?.entryId === c.entryId ? "chip current" : "chip"} href={sheetPath(m.slug, m.event.id, { stage: stage.id, squad: m.squad?.id, entry: c.entryId })}>
                    <span class="name">{c.name}</span> <span class="meta">{scoreLine(c)}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
          {m.picked && m.form && !m.picked.dq && <Sheet m={m} stage={stage} c={m.picked} form={m.form} />}
          {m.competitors.length > 0 && <Review m={m} stage={stage} />}
        </>
      )}
    </>
  );
}
