import { type CardTotals, type Discipline, formatAverage, formatShot, formatTotal, seriesCount, seriesOf, stageOfSeries, stageSpans } from "../../domain/scoring/index.ts";
import { ShotForm, type ShotFormState, UndoForm, type UndoState } from "./shot-form.tsx";

export type { ShotFormState, UndoState };

/** What the last request did, said once above the form. */
export interface CardNotice {
  kind: "saved" | "duplicate" | "undone" | "error";
  text: string;
}

export interface ScorecardModel {
  slug: string;
  entryId: string;
  name: string;
  club: string;
  firingPoint: number | null;
  d: Discipline;
  totals: CardTotals;
  /** "1", "=2"; "" while unranked. */
  rankLabel: string;
  /** Only confirmed entries are scored; anything else shows why instead of a form. */
  status: string;
  /** The event's results are official: no form and no undo, corrections are the organiser's. */
  official: boolean;
  /** null once every shot of the match is entered. */
  form: ShotFormState | null;
  undo: UndoState | null;
  notice: CardNotice | null;
}

export const SCORECARD_ID = "scorecard";
export const fpScoreId = (entryId: string) => `fp-score-${entryId}`;

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** "612.3 · 60 shots": a competitor's progress in the firing-point list. */
export function progressText(d: Discipline, totals: Pick<CardTotals, "total" | "shotsFired">): string {
  if (totals.shotsFired === 0) return "no shots yet";
  const noun = totals.shotsFired === 1 ? d.shotNoun : `${d.shotNoun}s`;
  return `${formatTotal(d, totals.total)} · ${totals.shotsFired} ${noun}`;
}

/** The series the form is on (or the last one once the match is complete), shot by shot. */
function SeriesSlots({ model }: { model: ScorecardModel }) {
  const { d, totals, form } = model;
  const lastNo = totals.lastShotNo ?? 1;
  const series = seriesOf(d, form ? form.shotNo : lastNo);
  const first = (series - 1) * d.seriesLength + 1;
  const last = Math.min(d.shots, series * d.seriesLength);
  const noun = capital(d.seriesNoun);
  const slots = [];
  for (let shotNo = first; shotNo <= last; shotNo++) {
    const slot = totals.slots[shotNo - 1] ?? null;
    const classes = ["slot", slot ? "filled" : "open", form?.shotNo === shotNo ? "next" : ""].filter(Boolean).join(" ");
    slots.push(
      <li class={classes} data-shot={String(shotNo)}>
        <span class="slot-no">{shotNo}</span>
        <span class="slot-value">{slot ? formatShot(d, slot.value, slot.innerTen) : "·"}</span>
      </li>,
    );
  }
  const s = totals.series[series - 1];
  const stage = stageOfSeries(d, series);
  return (
    <section class="series-slots" aria-labelledby="series-slots-heading">
      <h3 id="series-slots-heading">
        <span>
          {stage && (
            <span class="stage-name" data-testid="card-stage">
              {stage.name} ·{" "}
            </span>
          )}
          {noun} {series}
        </span>{" "}
        <span class="series-total" data-testid="series-total">
          {s && s.shotsFired > 0 ? formatTotal(d, s.total) : "–"}
        </span>
      </h3>
      <ol class="slots">{slots}</ol>
    </section>
  );
}

/** Every series total in one strip; the one being shot is marked. */
function SeriesStrip({ model }: { model: ScorecardModel }) {
  const { d, totals, form } = model;
  const current = seriesOf(d, form ? form.shotNo : (totals.lastShotNo ?? 1));
  const short = d.seriesNoun === "round" ? "R" : "S";
  return (
    <table class="series-strip">
      <caption class="visually-hidden">{capital(d.seriesNoun)} totals</caption>
      <thead>
        {stageSpans(d).length > 0 && (
          <tr class="stages">
            {stageSpans(d).map((st) => (
              <th scope="colgroup" colSpan={st.lastSeries - st.firstSeries + 1} class="stage">
                {st.name}
              </th>
            ))}
          </tr>
        )}
        <tr>
          {totals.series.slice(0, seriesCount(d)).map((s) => (
            <th scope="col" class="num" aria-current={s.series === current ? "true" : undefined}>
              {short}
              {s.series}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {totals.series.map((s) => (
            <td class="num" aria-current={s.series === current ? "true" : undefined}>
              {s.shotsFired === 0 ? "–" : formatTotal(d, s.total)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function Notice({ notice }: { notice: CardNotice | null }) {
  if (!notice) return <p id="scorecard-status" class="card-notice" role="status"></p>;
  if (notice.kind === "error") {
    return (
      <p id="scorecard-status" class="card-notice error" role="alert">
        {notice.text}
      </p>
    );
  }
  return (
    <p id="scorecard-status" class={`card-notice ${notice.kind}`} role="status">
      {notice.text}
    </p>
  );
}

/**
 * One competitor's card on the range officer's page: totals, the series being shot, the shot form and
 * the undo of the last shot. Every form answer replaces this whole section, so it is always the object's
 * current state.
 */
export function Scorecard({ model }: { model: ScorecardModel }) {
  const { d, totals } = model;
  const shotWord = capital(`${d.shotNoun}s`);
  return (
    <section id={SCORECARD_ID} class="scorecard" aria-labelledby="scorecard-name" data-entry={model.entryId}>
      <header class="scorecard-head">
        <h2 id="scorecard-name">
          <span class="fp">FP {model.firingPoint ?? "–"}</span> <span class="name">{model.name}</span>
        </h2>
        {model.club !== "" && <p class="club">{model.club}</p>}
      </header>
      <dl class="scorecard-totals">
        <div>
          <dt>Total</dt>
          <dd data-testid="card-total">{totals.shotsFired === 0 ? "–" : formatTotal(d, totals.total)}</dd>
        </div>
        {d.scoring !== "hitmiss" && (
          <div>
            <dt>Inner tens</dt>
            <dd data-testid="card-inner-tens">{totals.innerTens}</dd>
          </div>
        )}
        <div>
          <dt>{shotWord}</dt>
          <dd data-testid="card-shots">
            {totals.shotsFired} / {d.shots}
          </dd>
        </div>
        <div>
          <dt>Rank</dt>
          <dd data-testid="card-rank">{model.rankLabel || "–"}</dd>
        </div>
        <div>
          <dt>Average</dt>
          <dd>{formatAverage(d, totals)}</dd>
        </div>
      </dl>
      <SeriesStrip model={model} />
      <SeriesSlots model={model} />
      <Notice notice={model.notice} />
      {model.status !== "confirmed" ? (
        <p class="notice error">This entry is {model.status}: only confirmed entries are scored.</p>
      ) : model.official ? (
        <p class="notice" data-testid="card-official">
          The results of this event are official: a shot is changed only by an organiser’s correction (Results in the organiser’s area), with
          a reason.
        </p>
      ) : model.form ? (
        <ShotForm slug={model.slug} entryId={model.entryId} d={d} form={model.form} />
      ) : (
        <p class="notice success" data-testid="card-complete">
          All {d.shots} {d.shotNoun}s are entered.
        </p>
      )}
      {model.undo && model.status === "confirmed" && (
        <UndoForm slug={model.slug} entryId={model.entryId} d={d} undo={model.undo} />
      )}
    </section>
  );
}
