import type { Child } from "hono/jsx";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Discipline } from "../../domain/scoring/index.ts";
import { ROWS_ID, SEQ_ID, SeqMarker, StandingRows, StandingRowView, rankId, rowId, type NamedRow } from "../../views/scoreboard/standings.tsx";

/**
 * Scoreboard socket messages: HTML for htmx's ws extension, made of `<hx-partial>` swaps. Each message
 * starts with the sequence marker (`<data id="live-seq" value="N" data-kind="update|snapshot">`), which
 * public/scripts/scoreboard.js reads before htmx applies the message, to skip what it already has and to
 * ask for a snapshot after a gap.
 */

export interface RowUpdate {
  seq: number;
  d: Discipline;
  row: NamedRow;
  /** The row it now follows; null when it leads the table. */
  after: string | null;
  ranks: { entryId: string; rankLabel: string }[];
}

function render(node: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (node instanceof Promise) throw new Error("Scoreboard views must render synchronously");
  return node.toString();
}

function Partial({ target, swap, children }: { target: string; swap: string; children?: Child }) {
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
