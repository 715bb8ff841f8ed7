import type { Child } from "hono/jsx";
import { SCOREBOARD_SCRIPTS } from "../scoreboard/page.tsx";

export interface FinalPageModel {
  tournament: { slug: string; title: string };
  final: { id: number; eventId: number; eventTitle: string; formatName: string };
  disciplineName: string;
  /** The board at the final's sequence number, rendered through src/object/finals/board-view.tsx. */
  board: Child;
}

export const finalSocketPath = (slug: string, finalId: number) => `/t/${slug}/finals/${finalId}/socket`;
/** The scoreboard's socket client: each finals message is a numbered snapshot of the whole board. */
export const FINAL_SCRIPTS = SCOREBOARD_SCRIPTS;

/** The finals scoreboard: the board as the page was made, kept up to date over the socket. */
export function FinalPage({ model }: { model: FinalPageModel }) {
  const { tournament, final } = model;
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/t/${tournament.slug}`}>{tournament.title}</a> ·{" "}
        <a href={`/t/${tournament.slug}/live/${final.eventId}`}>Qualification</a>
      </p>
      <header class="scoreboard-head">
        <h1>
          Final: {final.eventTitle} <span class="discipline">{model.disciplineName}</span>
        </h1>
        <p id="live-status" class="live-status" role="status" data-state="connecting" data-match="live" data-match-label="Live">
          Connecting…
        </p>
      </header>
      <div id="scoreboard" class="scoreboard final" data-live-socket={finalSocketPath(tournament.slug, final.id)}>
        {model.board}
      </div>
      <p class="hint">
        {final.formatName}. Eight finalists start from zero; eliminated finalists stay, greyed, in the place they took.
        "At risk" marks who would leave at the elimination after the next shot if it were decided now.
      </p>
    </>
  );
}
