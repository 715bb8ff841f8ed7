/**
 * What one spectator's client may ask of the scoreboard (issue 10: one socket sending 1,000 hellos got
 * 1,000 snapshots and slowed every shot; 200 sockets from one client were all accepted).
 */

/** At most one snapshot per socket this often; hellos in between are answered by the next one. */
export const SNAPSHOT_INTERVAL_MS = 3_000;

/**
 * A page sends a hello when it connects and when it sees a gap; more than this many messages in
 * `MESSAGE_WINDOW_MS` is not a page, and the socket is closed.
 */
export const MESSAGES_PER_WINDOW = 20;
export const MESSAGE_WINDOW_MS = 10_000;

/**
 * Sockets per client address and event: a club's wifi behind one address still fits a screen and a room of
 * phones. A deployment (or the fan-out benchmark, all on 127.0.0.1) may set another figure with the
 * `SCOREBOARD_SOCKETS_PER_CLIENT` variable.
 */
export const SOCKETS_PER_CLIENT = 30;

/** Close code for both (RFC 6455 policy violation): not in htmx's reconnect list, so the client stays away. */
export const CLOSE_POLICY = 1008;

/** The cap in force: `SCOREBOARD_SOCKETS_PER_CLIENT` (a `--var`, not declared in wrangler.toml) or the default. */
export function socketsPerClient(env: Env): number {
  const configured = Number((env as Env & { SCOREBOARD_SOCKETS_PER_CLIENT?: string }).SCOREBOARD_SOCKETS_PER_CLIENT);
  return Number.isInteger(configured) && configured > 0 ? configured : SOCKETS_PER_CLIENT;
}
