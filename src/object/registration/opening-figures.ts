import type { OpeningFigures, TournamentSnapshot } from "../contract/index.ts";

const RATE_WINDOW_MS = 10_000;

/** The opening minute's figures from the object's own storage: cheap reads on indexed columns, no D1. */
export function openingFigures(sql: SqlStorage, snapshot: TournamentSnapshot, shotsPending: number, socketsOpen: number, now: number): OpeningFigures {
  const count = (since: number) => Number(sql.exec("SELECT COUNT(*) AS n FROM entries WHERE created_at > ?", since).one().n);
  const outbox = sql.exec("SELECT COUNT(*) AS n, MIN(e.updated_at) AS oldest FROM outbox o JOIN entries e ON e.id = o.entry_id").one();
  const oldest = outbox.oldest === null ? null : Number(outbox.oldest);
  return {
    registrationsPerSecond: count(now - RATE_WINDOW_MS) / (RATE_WINDOW_MS / 1000),
    registrationsLastMinute: count(now - 60_000),
    placesLeft: snapshot.events.reduce((sum, e) => sum + e.relays.reduce((n, r) => n + r.placesLeft, 0), 0),
    outboxPending: Number(outbox.n) + shotsPending,
    outboxLagSeconds: oldest === null ? 0 : Math.max(0, Math.round((now - oldest) / 1000)),
    socketsOpen,
    at: now,
  };
}
