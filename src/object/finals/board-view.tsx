import type { HtmlEscapedString } from "hono/utils/html";
import { finalBoard, type FinalBoard, type FinalBoardRow, type Finalist } from "../../domain/finals/index.ts";
import { FINAL_FORMATS, formatTenths, type Discipline, type FinalFormat } from "../../domain/scoring/index.ts";
import { targetFace } from "../../domain/targets/faces.ts";
import { ShotPlot } from "../../lib/shot-plot.tsx";
import type { FinalistView, FinalView } from "../contract/index.ts";

/**
 * The finals scoreboard's markup and messages, all of it: the page's first table (src/routes/finals) and every
 * socket message (src/object/finals/live-finals.ts) come from here, so the markup a page starts with is the
 * markup the messages replace. A final has eight rows: each message is the whole board at its sequence number,
 * with the marker scoreboards use (`<data id="live-seq" value="N" data-kind="snapshot">`).
 */

export const FINAL_BOARD_ID = "final-board";
const ROWS_ID = "final-rows";
const PROGRESS_ID = "final-progress";
const SEQ_ID = "live-seq";

export interface Names {
  get(userId: number): { name: string; club: string } | undefined;
}

export function finalFormat(id: string): FinalFormat | undefined {
  return FINAL_FORMATS.find((f) => f.id === id);
}

/** The domain's finalists from the stored final: shots in order and shoot-offs by elimination point. */
export function finalistsOf(view: FinalView): Finalist[] {
  return view.finalists.map((f) => ({
    entryId: f.entryId,
    shots: f.shots.map((s) => s.value),
    shootOffs: Object.fromEntries(Object.entries(f.shootOffs).map(([after, shots]) => [after, shots.map((s) => s.value)])),
  }));
}

const tenths = formatTenths;
const MEDAL_WORD = { gold: "Gold", silver: "Silver", bronze: "Bronze" } as const;

function status(row: FinalBoardRow): string {
  if (row.medal) return MEDAL_WORD[row.medal];
  if (row.eliminated) return `Out after shot ${row.eliminatedAfterShot}`;
  if (row.inShootOff) return "Shoot-off";
  if (row.atRisk) return "At risk";
  if (row.medalAssured) return "Medal assured";
  return "";
}

function rowClass(row: FinalBoardRow): string {
  const classes = ["final-row"];
  if (row.eliminated) classes.push("eliminated");
  if (row.atRisk) classes.push("at-risk");
  if (row.inShootOff) classes.push("shoot-off");
  if (row.medal) classes.push(`medal-${row.medal}`);
  return classes.join(" ");
}

function LastShot({ row, finalist, d }: { row: FinalBoardRow; finalist: FinalistView; d: Discipline }) {
  if (!row.lastShot) return <>–</>;
  const shot = finalist.shots.find((s) => s.shotNo === row.lastShot!.shotNo);
  const face = targetFace(d.id);
  const text = formatTenths(row.lastShot.value);
  return (
    <span class="last-shot">
      <span class="last-value">{text}</span>
      {face && shot && shot.x !== null && shot.y !== null && (
        <ShotPlot
          face={face}
          compact
          zoomRing={d.id === "air-rifle-10m" ? 7 : 5}
          title={`Shot ${row.lastShot.shotNo}`}
          shots={[{ x: shot.x / 100, y: shot.y / 100, label: `Shot ${row.lastShot.shotNo}`, value: text }]}
        />
      )}
    </span>
  );
}

function Rows({ board, view, d, names }: { board: FinalBoard; view: FinalView; d: Discipline; names: Names }) {
  const byId = new Map(view.finalists.map((f) => [f.entryId, f]));
  return (
    <>
      {board.rows.map((row) => {
        const f = byId.get(row.entryId)!;
        const n = names.get(f.userId) ?? { name: "Competitor", club: "" };
        return (
          <tr id={`final-${row.entryId}`} class={rowClass(row)} data-entry={row.entryId} data-status={status(row)}>
            <td class="rank">{row.rankLabel}</td>
            <th scope="row" class="competitor">
              <span class="name">{n.name}</span>
              {n.club !== "" && <span class="club">{n.club}</span>}
            </th>
            <td class="num last">
              <LastShot row={row} finalist={f} d={d} />
            </td>
            <td class="num series">{row.series.map((s) => tenths(s)).join(" · ") || "–"}</td>
            <td class="num total">{row.shotsCounted === 0 ? "–" : tenths(row.total)}</td>
            <td class="num gap">{row.gap === null ? "" : row.gap === 0 ? "level" : `−${tenths(row.gap)}`}</td>
            <td class="status">{status(row)}</td>
          </tr>
        );
      })}
    </>
  );
}

function progress(board: FinalBoard): string {
  const { run } = board;
  if (run.complete) return `Final complete after shot ${board.totalShots}`;
  if (run.shootOff) {
    return `Shoot-off for the place decided after shot ${run.shootOff.afterShot}: shoot-off shot ${run.shootOff.nextShot}`;
  }
  const next = run.nextEliminationAfterShot === null ? "" : ` · next elimination after shot ${run.nextEliminationAfterShot}`;
  return `Shot ${board.shotsFired} of ${board.totalShots}${next}`;
}

/** The board at `seq`: the marker and the table the messages replace. */
export function FinalBoardView({ view, d, format, names }: { view: FinalView; d: Discipline; format: FinalFormat; names: Names }) {
  const board = finalBoard(format, finalistsOf(view));
  return (
    <>
      <data id={SEQ_ID} value={String(view.seq)} data-kind="page"></data>
      <p id={PROGRESS_ID} class="final-progress" role="status">
        {progress(board)}
      </p>
      <section id={FINAL_BOARD_ID} class="standings final-standings" aria-labelledby="final-caption">
        <table>
          <caption id="final-caption" class="visually-hidden">
            Final: {view.eventTitle}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="rank">Rank</th>
              <th scope="col">Finalist</th>
              <th scope="col" class="num">Last</th>
              <th scope="col" class="num">Series</th>
              <th scope="col" class="num">Total</th>
              <th scope="col" class="num">Gap</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody id={ROWS_ID}>
            <Rows board={board} view={view} d={d} names={names} />
          </tbody>
        </table>
      </section>
    </>
  );
}

function render(node: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (node instanceof Promise) throw new Error("Finals views must render synchronously");
  return node.toString();
}

/** The whole board at the final's sequence number, as one socket message. */
export function finalMessage(view: FinalView, d: Discipline, format: FinalFormat, names: Names): string {
  const board = finalBoard(format, finalistsOf(view));
  return render(
    <>
      <hx-partial hx-target={`#${SEQ_ID}`} hx-swap="outerHTML">
        <data id={SEQ_ID} value={String(view.seq)} data-kind="snapshot"></data>
      </hx-partial>
      <hx-partial hx-target={`#${PROGRESS_ID}`} hx-swap="innerHTML">
        {progress(board)}
      </hx-partial>
      <hx-partial hx-target={`#${ROWS_ID}`} hx-swap="innerHTML">
        <Rows board={board} view={view} d={d} names={names} />
      </hx-partial>
    </>,
  );
}
