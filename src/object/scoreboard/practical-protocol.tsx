import {
  categoryResults,
  divisionSlug,
  formatFourDecimals,
  formatTime,
  formatTwoDecimals,
  matchResults,
  poolOf,
  rankLabel,
  resultsInput,
  stageMaxPoints,
  stageResults,
  type Category,
  type Competitor,
  type Division,
  type MatchRow,
  type StageRow,
  type StageSpec,
} from "../../domain/practical/index.ts";
import type { PracticalBook } from "../contract/index.ts";
import { Partial, render, SEQ_ID, SeqMarker } from "./protocol.tsx";

export { SeqMarker };

/**
 * The practical (IPSC) live results' markup: the page's first tables and every message the sockets send, in
 * the scoreboard's protocol (protocol.tsx: a sequence marker, then `<hx-partial>` swaps). Match points are
 * relative to the best, so one score can move everyone: a message replaces the match tables' bodies and the
 * changed stage's, with the changed competitors' rows flashing.
 */

export const matchBodyId = (pool: Division | null) => `pm-${pool === null ? "overall" : divisionSlug(pool)}`;
export const stageBodyId = (stageId: number) => `ps-${stageId}`;

export interface PracticalBoardInput {
  book: PracticalBook;
  names: ReadonlyMap<number, { name: string; club: string }>;
}

function prepared({ book, names }: PracticalBoardInput) {
  const { competitors, scores } = resultsInput(book, (id) => names.get(id)?.name ?? "Competitor");
  return { competitors, scores, stages: book.stages };
}

function Who({ c }: { c: Competitor }) {
  return (
    <th scope="row" class="competitor">
      <span class="name">{c.name}</span>
      <span class="club">
        {c.division} · {c.powerFactor}
        {c.category ? ` · ${c.category}` : ""}
      </span>
    </th>
  );
}

function MatchRowView({ row, pool, flash }: { row: MatchRow; pool: Division | null; flash: boolean }) {
  return (
    <tr id={`${matchBodyId(pool)}-${row.competitor.entryId}`} class={flash ? "standing flash" : "standing"} data-entry={row.competitor.entryId}>
      <td class="rank">{rankLabel(row)}</td>
      <Who c={row.competitor} />
      <td class="num total">{row.competitor.dq ? "DQ" : formatFourDecimals(row.matchPoints)}</td>
      <td class="num">{row.competitor.dq ? "" : `${formatTwoDecimals(row.percent)} %`}</td>
      {row.stages.map((s) => (
        <td class="num stage-points">{s.hitFactor === null ? "–" : formatFourDecimals(s.stagePoints)}</td>
      ))}
    </tr>
  );
}

function StageRowView({ row, stageId, flash }: { row: StageRow; stageId: number; flash: boolean }) {
  const h = row.hits;
  return (
    <tr id={`${stageBodyId(stageId)}-${row.competitor.entryId}`} class={flash ? "standing flash" : "standing"} data-entry={row.competitor.entryId}>
      <td class="rank">{row.hitFactor === null && !row.competitor.dq ? "" : rankLabel(row)}</td>
      <Who c={row.competitor} />
      <td class="num total">{row.hitFactor === null ? (row.competitor.dq ? "DQ" : "–") : formatFourDecimals(row.hitFactor)}</td>
      <td class="num">{row.hitFactor === null ? "" : formatFourDecimals(row.stagePoints)}</td>
      <td class="num">{h ? formatTime(h.timeHundredths) : ""}</td>
      <td class="num">{row.points ?? ""}</td>
      <td class="meta">{h ? `${h.a} A · ${h.c} C · ${h.d} D · ${h.miss} M · ${h.noShoot} NS · ${h.procedural} P` : ""}</td>
    </tr>
  );
}

function MatchRows({ rows, pool, changed }: { rows: MatchRow[]; pool: Division | null; changed: ReadonlySet<string> }) {
  return <>{rows.map((row) => <MatchRowView row={row} pool={pool} flash={changed.has(row.competitor.entryId)} />)}</>;
}

function StageRows({ rows, stageId, changed }: { rows: StageRow[]; stageId: number; changed: ReadonlySet<string> }) {
  return <>{rows.map((row) => <StageRowView row={row} stageId={stageId} flash={changed.has(row.competitor.entryId)} />)}</>;
}

const NONE: ReadonlySet<string> = new Set();

/** The match results of a pool (everyone, or one division), as a table; with a category, its competitors ranked among themselves. */
export function MatchTable({ input, pool, category = null }: { input: PracticalBoardInput; pool: Division | null; category?: Category | null }) {
  const { competitors, scores, stages } = prepared(input);
  const rows = categoryResults(matchResults(stages, poolOf(competitors, pool), scores), category);
  const caption = `${pool === null ? "Overall" : pool}${category === null ? "" : ` · ${category}`}`;
  return (
    <table class="practical-match" id={`table-${matchBodyId(pool)}`}>
      <caption>{caption}: match results</caption>
      <thead>
        <tr>
          <th scope="col" class="rank">Rank</th>
          <th scope="col">Competitor</th>
          <th scope="col" class="num">Match points</th>
          <th scope="col" class="num">%</th>
          {stages.map((s) => (
            <th scope="col" class="num" title={s.name}>
              S{s.number}
            </th>
          ))}
        </tr>
      </thead>
      <tbody id={matchBodyId(pool)}>
        <MatchRows rows={rows} pool={pool} changed={NONE} />
      </tbody>
    </table>
  );
}

/** One stage's results among everyone: hit factor, stage points, time, hits. */
export function StageTable({ input, stage }: { input: PracticalBoardInput; stage: StageSpec }) {
  const { competitors, scores } = prepared(input);
  const rows = stageResults(stage, competitors, scores);
  return (
    <table class="practical-stage" id={`table-${stageBodyId(stage.id)}`}>
      <caption>
        Stage {stage.number}: {stage.name} ({stageMaxPoints(stage)} points)
      </caption>
      <thead>
        <tr>
          <th scope="col" class="rank">Rank</th>
          <th scope="col">Competitor</th>
          <th scope="col" class="num">Hit factor</th>
          <th scope="col" class="num">Stage points</th>
          <th scope="col" class="num">Time</th>
          <th scope="col" class="num">Points</th>
          <th scope="col">Hits</th>
        </tr>
      </thead>
      <tbody id={stageBodyId(stage.id)}>
        <StageRows rows={rows} stageId={stage.id} changed={NONE} />
      </tbody>
    </table>
  );
}

/**
 * A change of the event's results at `seq`: every match table (overall and per division) and the stages
 * named (all of them in a snapshot), with the `changed` entries' rows flashing.
 */
export function practicalMessage(
  input: PracticalBoardInput,
  seq: number,
  kind: "update" | "snapshot",
  changed: ReadonlySet<string>,
  stageIds: ReadonlySet<number> | "all",
): string {
  const { competitors, scores, stages } = prepared(input);
  const pools: (Division | null)[] = [null, ...input.book.divisions];
  return render(
    <>
      <Partial target={`#${SEQ_ID}`} swap="outerHTML">
        <SeqMarker seq={seq} kind={kind} />
      </Partial>
      {pools.map((pool) => (
        <Partial target={`#${matchBodyId(pool)}`} swap="innerHTML">
          <MatchRows rows={matchResults(stages, poolOf(competitors, pool), scores)} pool={pool} changed={changed} />
        </Partial>
      ))}
      {stages
        .filter((s) => stageIds === "all" || stageIds.has(s.id))
        .map((s) => (
          <Partial target={`#${stageBodyId(s.id)}`} swap="innerHTML">
            <StageRows rows={stageResults(s, competitors, scores)} stageId={s.id} changed={changed} />
          </Partial>
        ))}
    </>,
  );
}
