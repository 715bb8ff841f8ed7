import type { Discipline } from "../../domain/scoring/index.ts";
import type { StandingRow } from "../../object/contract/index.ts";
import { ScoreTailCells, ScoreTailHeads } from "../components/score-columns.tsx";

/** A standings row with the competitor's name, as pages and the tournament object render it. */
export interface NamedRow extends StandingRow {
  name: string;
  club: string;
}

/** Element ids the scoreboard messages target; entry ids are `[A-Za-z0-9_-]`, safe in a selector. */
export const STANDINGS_ID = "standings";
export const ROWS_ID = "standings-rows";
export const SEQ_ID = "live-seq";
export const rowId = (entryId: string) => `row-${entryId}`;
export const rankId = (entryId: string) => `rank-${entryId}`;

/** One competitor's line. `flash` marks it as just changed (the class is removed when its animation ends). */
export function StandingRowView({ row, d, flash = false }: { row: NamedRow; d: Discipline; flash?: boolean }) {
  const seriesWord = d.seriesNoun === "round" ? "Round" : "Series";
  return (
    <tr id={rowId(row.entryId)} class={flash ? "standing flash" : "standing"} data-entry={row.entryId}>
      <td class="rank" id={rankId(row.entryId)}>
        {row.rankLabel}
      </td>
      <th scope="row" class="competitor">
        <span class="name">{row.name}</span>
        {row.club !== "" && <span class="club">{row.club}</span>}
      </th>
      <td class="num last">{row.display.lastShot}</td>
      <td class="num series">
        <span class="series-no" title={`${seriesWord} ${row.currentSeries}`}>
          {d.seriesNoun === "round" ? "R" : "S"}
          {row.currentSeries}
        </span>{" "}
        {row.display.series[row.currentSeries - 1] ?? "–"}
      </td>
      <ScoreTailCells d={d} total={row.display.total} innerTens={row.innerTens} shotsFired={row.shotsFired} />
    </tr>
  );
}

export function StandingRows({ rows, d }: { rows: NamedRow[]; d: Discipline }) {
  return (
    <>
      {rows.map((row) => (
        <StandingRowView row={row} d={d} />
      ))}
    </>
  );
}

/**
 * The standings table. The empty message shows (by CSS) only while the body has no rows, so a first row
 * arriving over the socket needs no extra swap to hide it.
 */
export function StandingsTable({ rows, d, title }: { rows: NamedRow[]; d: Discipline; title: string }) {
  return (
    <section id={STANDINGS_ID} class="standings" aria-labelledby="standings-caption">
      <table>
        <caption id="standings-caption" class="visually-hidden">
          Live standings: {title}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="rank">
              Rank
            </th>
            <th scope="col">Competitor</th>
            <th scope="col" class="num">
              Last
            </th>
            <th scope="col" class="num">
              {d.seriesNoun === "round" ? "Round" : "Series"}
            </th>
            <ScoreTailHeads d={d} />
          </tr>
        </thead>
        <tbody id={ROWS_ID}>
          <StandingRows rows={rows} d={d} />
        </tbody>
      </table>
      <p class="empty standings-empty">No competitor is confirmed for this event yet.</p>
    </section>
  );
}

/** The sequence number the page has applied; every socket message replaces it. */
export function SeqMarker({ seq, kind }: { seq: number; kind: "page" | "update" | "snapshot" }) {
  return <data id={SEQ_ID} value={String(seq)} data-kind={kind}></data>;
}
