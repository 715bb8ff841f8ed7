/** What an organiser watches during the opening minute (the admin dashboard polls it every few seconds). */
export interface OpeningFigures {
  /** New entries per second over the last 10 seconds. */
  registrationsPerSecond: number;
  /** New entries in the last minute. */
  registrationsLastMinute: number;
  /** Places left on every relay together (confirmed and held places taken). */
  placesLeft: number;
  /** Entry changes and shot rows waiting for D1. */
  outboxPending: number;
  /** Seconds since the oldest entry change still waiting for D1 was made (0: none waiting). */
  outboxLagSeconds: number;
  /** Scoreboard sockets connected to this tournament now. */
  socketsOpen: number;
  /** When these were read (epoch ms). */
  at: number;
}
