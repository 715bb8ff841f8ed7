import type { Child } from "hono/jsx";
import type { HtmlEscapedString } from "hono/utils/html";
import { z } from "zod";
import type { Discipline } from "../../domain/scoring/index.ts";
import type { NamedRow } from "../contract/index.ts";
import { ScoreTailCells, ScoreTailHeads } from "../../lib/score-columns.tsx";

/**
 * The scoreboard's wire protocol, all of it: the standings markup (the page's first table and every row
 * the sockets swap in), the element ids the swaps target, the sequence marker, and the messages both ways.
 * Server messages are HTML for htmx's ws extension, made of `<hx-partial>` swaps; each starts with the
 * sequence marker (`<data id="live-seq" value="N" data-kind="update|snapshot">`), which
 * public/scripts/scoreboard.js reads before htmx applies the message, to skip what it already has and to
 * ask for a snapshot after a gap. The cached page gets its table from here too (src/routes/scoreboard), so
 * the markup a page starts with is the markup the messages update.
 */

/** Element ids the scoreboard messages target; entry ids are `[A-Za-z0-9_-]`, safe in a selector. */
export const STANDINGS_ID = "standings";
export const ROWS_ID = "standings-rows";
export const SEQ_ID = "live-seq";
export const rowId = (entryId: string) => `row-${entryId}`;
export const rankId = (entryId: string) => `rank-${entryId}`;

/** A client's message on a scoreboard socket: the sequence number its page has applied. */
export const helloSchema = z.object({ type: z.literal("hello"), seq: z.number().int().nonnegative() });


/** One competitor's line. `flash` marks it as just changed (the class is removed when its animation ends). */
function StandingRowView({ row, d, flash = false }: { row: NamedRow; d: Discipline; flash?: boolean }) {
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

function StandingRows({ rows, d }: { rows: NamedRow[]; d: Discipline }) {
  return (
    <>
      {rows.map((row) => (
        <StandingRowView row={row} d={d} />
      ))}
    </>
  );
}

/** The sequence number the page has applied; every socket message replaces it. */
export function SeqMarker({ seq, kind }: { seq: number; kind: "page" | "update" | "snapshot" }) {
  return <data id={SEQ_ID} value={String(seq)} data-kind={kind}></data>;
}

/**
 * The page's standings at `seq`: the marker and the table the messages update. The empty message shows
 * (by CSS) only while the body has no rows, so a first row arriving over the socket needs no extra swap.
 */
export function LiveStandings({ seq, rows, d, title }: { seq: number; rows: NamedRow[]; d: Discipline; title: string }) {
  return (
    <>
      <SeqMarker seq={seq} kind="page" />
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
    </>
  );
}

export interface RowUpdate {
  seq: number;
  d: Discipline;
  row: NamedRow;
  /** The row it now follows; null when it leads the table. */
  after: string | null;
  ranks: { entryId: string; rankLabel: string }[];
}

export function render(node: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (node instanceof Promise) throw new Error("Scoreboard views must render synchronously");
  return node.toString();
}

export function Partial({ target, swap, children }: { target: string; swap: string; children?: Child }) {
  return (
    <hx-partial hx-target={target} hx-swap={swap}>
      {children}
    </hx-partial>
  );
}

/**
 * One changed row: the row is taken out and put back after the row it now follows (a move and an update
 * at once, the same whether or not it moved), and the rank labels of rows it passed are rewritten. The
 * swaps run inside one view transition; the row carries the `flash` class.
 */
export function updateMessage(u: RowUpdate): string {
  const id = rowId(u.row.entryId);
  return render(
    <>
      <Partial target={`#${SEQ_ID}`} swap="outerHTML">
        <SeqMarker seq={u.seq} kind="update" />
      </Partial>
      <Partial target={`#${id}`} swap="delete transition:true" />
      <Partial
        target={u.after === null ? `#${ROWS_ID}` : `#${rowId(u.after)}`}
        swap={u.after === null ? "afterbegin transition:true" : "afterend transition:true"}
      >
        <StandingRowView row={u.row} d={u.d} flash />
      </Partial>
      {u.ranks.map((r) => (
        <Partial target={`#${rankId(r.entryId)}`} swap="innerHTML transition:true">
          {r.rankLabel}
        </Partial>
      ))}
    </>,
  );
}

/** The whole standings at `seq`, for a client that reconnected behind (or ahead of) the object. */
export function snapshotMessage(seq: number, d: Discipline, rows: NamedRow[]): string {
  return render(
    <>
      <Partial target={`#${SEQ_ID}`} swap="outerHTML">
        <SeqMarker seq={seq} kind="snapshot" />
      </Partial>
      <Partial target={`#${ROWS_ID}`} swap="innerHTML">
        <StandingRows rows={rows} d={d} />
      </Partial>
    </>,
  );
}
