import { addDays, startOfDay, todayIn } from "../time/zoned.ts";

/** Where a published tournament stands for a visitor, which decides its group on the home page. */
export type Phase = "soon" | "open" | "closed" | "live" | "past";

export interface PhaseInput {
  timeZone: string;
  startsOn: string;
  endsOn: string;
  registrationOpensAt: number;
  registrationClosesAt: number;
}

/** Match days win over the registration window: a tournament under way is live even if late entries are open. */
export function tournamentPhase(t: PhaseInput, now: number): Phase {
  const today = todayIn(t.timeZone, now);
  if (today > t.endsOn) return "past";
  if (today >= t.startsOn) return "live";
  if (now < t.registrationOpensAt) return "soon";
  if (now < t.registrationClosesAt) return "open";
  return "closed";
}

/**
 * The next instant after `now` at which the tournament's phase can change. A cached page that groups by
 * phase must not outlive it, or a visitor reloading at the opening second would see the old group.
 */
export function nextPhaseChange(t: PhaseInput, now: number): number | null {
  const instants = [
    t.registrationOpensAt,
    t.registrationClosesAt,
    startOfDay(t.startsOn, t.timeZone),
    startOfDay(addDays(t.endsOn, 1), t.timeZone),
  ].filter((at) => at > now);
  return instants.length > 0 ? Math.min(...instants) : null;
}
