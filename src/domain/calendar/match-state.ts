import { formatDayTime } from "../time/format.ts";

/** Where an event's match stands, as its scoreboard tells a visitor. */
export type MatchState =
  | { kind: "upcoming"; startsAt: number | null }
  | { kind: "live" }
  | { kind: "finished" }
  | { kind: "official" };

export interface MatchFacts {
  resultsStatus: "official" | "unofficial";
  /** Start instants of the event's relays. */
  relayStarts: number[];
  /** The first instant after the tournament's last match day, in its zone. */
  endsAt: number;
  /** Confirmed competitors, and how many of them have shot every match shot. */
  competitors: number;
  complete: number;
  shotsFired: number;
}

const firstStart = (m: MatchFacts) => (m.relayStarts.length > 0 ? Math.min(...m.relayStarts) : null);

/**
 * Official once the organiser says so; finished when every card is complete or the match days are over;
 * upcoming until the first relay starts (or the first shot comes in early); live in between.
 */
export function matchState(m: MatchFacts, now: number): MatchState {
  if (m.resultsStatus === "official") return { kind: "official" };
  if ((m.competitors > 0 && m.complete === m.competitors) || now >= m.endsAt) return { kind: "finished" };
  const startsAt = firstStart(m);
  if (m.shotsFired === 0 && (startsAt === null || now < startsAt)) return { kind: "upcoming", startsAt };
  return { kind: "live" };
}

/**
 * The next instant the state changes by the clock alone (shots and the organiser change it too, and bump
 * the page's cache scope): a cached scoreboard must not outlive it.
 */
export function nextMatchChange(m: MatchFacts, now: number): number | null {
  const state = matchState(m, now);
  if (state.kind === "upcoming") return state.startsAt;
  if (state.kind === "live") return m.endsAt;
  return null;
}

/** "Starts Sun 13 Dec, 09:00" (in the tournament's zone), "Live", "Finished", "Official". */
export function matchLabel(state: MatchState, zone: string): string {
  switch (state.kind) {
    case "upcoming":
      return state.startsAt === null ? "Not scheduled yet" : `Starts ${formatDayTime(state.startsAt, zone)}`;
    case "live":
      return "Live";
    case "finished":
      return "Finished";
    case "official":
      return "Official";
  }
}
