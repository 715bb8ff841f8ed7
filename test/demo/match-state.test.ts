import { describe, expect, it } from "vitest";
import { type MatchFacts, matchLabel, matchState, nextMatchChange } from "../../src/domain/calendar/match-state.ts";
import { fromLocal } from "../../src/domain/time/zoned.ts";

const ZONE = "Europe/Berlin";
const START = fromLocal("2026-12-13", "09:00", ZONE);
const END = fromLocal("2026-12-14", "00:00", ZONE);
const facts = (over: Partial<MatchFacts> = {}): MatchFacts => ({
  resultsStatus: "unofficial",
  relayStarts: [fromLocal("2026-12-13", "13:00", ZONE), START],
  endsAt: END,
  competitors: 10,
  complete: 0,
  shotsFired: 0,
  ...over,
});
const label = (m: MatchFacts, now: number) => matchLabel(matchState(m, now), ZONE);

describe("a scoreboard's state line", () => {
  it("says when the match starts, in the tournament's zone, until its first relay starts", () => {
    expect(label(facts(), START - 14 * 86_400_000)).toBe("Starts Sun 13 Dec, 09:00");
    expect(nextMatchChange(facts(), START - 60_000)).toBe(START);
    expect(label(facts({ relayStarts: [] }), START)).toBe("Not scheduled yet");
  });

  it("says Live from the first relay's start, or from an early first shot, until the match days end", () => {
    expect(label(facts(), START)).toBe("Live");
    expect(label(facts({ shotsFired: 1 }), START - 600_000)).toBe("Live");
    expect(nextMatchChange(facts(), START + 1)).toBe(END);
  });

  it("says Finished when every card is complete or the days are over, and Official once the organiser says so", () => {
    expect(label(facts({ complete: 10, shotsFired: 600 }), START + 3_600_000)).toBe("Finished");
    expect(label(facts({ shotsFired: 13 }), END)).toBe("Finished");
    expect(label(facts({ resultsStatus: "official" }), START - 1)).toBe("Official");
    expect(nextMatchChange(facts({ resultsStatus: "official" }), START)).toBeNull();
    // No competitors yet is not "every card complete".
    expect(label(facts({ competitors: 0 }), START + 1)).toBe("Live");
  });
});
