import type { Child } from "hono/jsx";
import type { Discipline } from "../../domain/scoring/index.ts";
import { LIVE_SOCKET_SCRIPTS } from "../layout.tsx";

export interface ScoreboardModel {
  tournament: { slug: string; title: string };
  /** `finalId`: the event's final, linked when there is one. */
  event: { id: number; title: string; finalId?: number | null };
  d: Discipline;
  /**
   * The standings at the snapshot's sequence number, rendered by the route through the scoreboard
   * protocol (src/object/scoreboard/protocol.tsx), so the page starts from the markup the socket updates.
   */
  standings: Child;
  /** The match's state when the page was made (src/domain/calendar/match-state.ts), with its words. */
  status: { kind: "upcoming" | "live" | "finished" | "official"; label: string };
}

export const socketPath = (slug: string, eventId: number) => `/t/${slug}/live/${eventId}/socket`;
/** The page's scripts: the socket, then the scoreboard's own. */
export const SCOREBOARD_SCRIPTS = [...LIVE_SOCKET_SCRIPTS, "/scripts/scoreboard.js"];

export const myEntryPath = (slug: string, eventId: number) => `/fragments/live/${slug}/${eventId}`;

/**
 * The live scoreboard: the same cached bytes for everyone. The standings are a snapshot; the
 * socket brings them up to date and keeps them there (public/scripts/live-socket.js and scoreboard.js, which
 * apply the protocol's swaps without htmx: the page loads no library). The viewer's own row is marked from
 * an uncached fragment, loaded by scoreboard.js like the account corner.
 */
export function ScoreboardPage({ model }: { model: ScoreboardModel }) {
  const { tournament, event, d } = model;
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/t/${tournament.slug}`}>{tournament.title}</a>
      </p>
      <header class="scoreboard-head">
        <h1>
          {event.title} <span class="discipline">{d.name}</span>
        </h1>
        <p
          id="live-status"
          class="live-status"
          role="status"
          data-testid="match-status"
          data-state="connecting"
          data-match={model.status.kind}
          data-match-label={model.status.label}
        >
          {model.status.label}
        </p>
      </header>
      {event.finalId != null && (
        <p class="event-links">
          <a href={`/t/${tournament.slug}/finals/${event.finalId}`} data-testid="final-link">
            The final’s scoreboard
          </a>
        </p>
      )}
      <div id="scoreboard" class="scoreboard" data-live-socket={socketPath(tournament.slug, event.id)}>
        {model.standings}
      </div>
      <div data-fragment={myEntryPath(tournament.slug, event.id)}></div>
      <p class="hint">
        Scores update as range officers enter them. A tie after every tie-break is shown with "=".
      </p>
    </>
  );
}
