/** Register attempts per competitor (replays excluded), counted exactly by the tournament object. */
export const REGISTER_LIMIT = { attempts: 20, windowMs: 60_000 } as const;

export type RateVerdict = { limited: false } | { limited: true; retryAfterMs: number };

/**
 * `recent` are the times of the competitor's counted attempts since `now - windowMs`, oldest first.
 * Refused attempts are not counted, so a client that keeps hammering is let in again once the window slides.
 */
export function rateVerdict(recent: readonly number[], now: number, limit = REGISTER_LIMIT): RateVerdict {
  const inWindow = recent.filter((at) => at > now - limit.windowMs);
  if (inWindow.length < limit.attempts) return { limited: false };
  const oldest = inWindow[inWindow.length - limit.attempts] ?? now;
  return { limited: true, retryAfterMs: Math.max(1, oldest + limit.windowMs - now) };
}
