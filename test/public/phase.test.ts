import { describe, expect, it } from "vitest";
import { nextPhaseChange, tournamentPhase } from "../../src/domain/calendar/phase.ts";
import { placesLeft } from "../../src/domain/registration/places.ts";

const at = (iso: string) => Date.parse(iso);

const berlin = {
  timeZone: "Europe/Berlin",
  startsOn: "2026-06-13",
  endsOn: "2026-06-14",
  registrationOpensAt: at("2026-05-01T08:00:00Z"),
  registrationClosesAt: at("2026-06-10T18:00:00Z"),
};

describe("a tournament's phase", () => {
  it("moves from soon to open to closed to live to past", () => {
    expect(tournamentPhase(berlin, at("2026-04-30T12:00:00Z"))).toBe("soon");
    expect(tournamentPhase(berlin, at("2026-05-01T08:00:00Z"))).toBe("open");
    expect(tournamentPhase(berlin, at("2026-06-11T12:00:00Z"))).toBe("closed");
    expect(tournamentPhase(berlin, at("2026-06-13T12:00:00Z"))).toBe("live");
    expect(tournamentPhase(berlin, at("2026-06-14T21:59:00Z"))).toBe("live");
    expect(tournamentPhase(berlin, at("2026-06-14T22:00:00Z"))).toBe("past");
  });

  it("is live by the tournament's own calendar, not UTC's", () => {
    const auckland = { ...berlin, timeZone: "Pacific/Auckland" };
    // 13 Jun 2026 00:30 in Auckland is still 12 Jun in UTC.
    expect(tournamentPhase(auckland, at("2026-06-12T12:30:00Z"))).toBe("live");
    expect(tournamentPhase(berlin, at("2026-06-12T12:30:00Z"))).toBe("closed");
  });

  it("names the next instant the phase changes, so a cached page never outlives it", () => {
    expect(nextPhaseChange(berlin, at("2026-04-30T12:00:00Z"))).toBe(at("2026-05-01T08:00:00Z"));
    expect(nextPhaseChange(berlin, at("2026-05-02T00:00:00Z"))).toBe(at("2026-06-10T18:00:00Z"));
    expect(nextPhaseChange(berlin, at("2026-06-11T00:00:00Z"))).toBe(at("2026-06-12T22:00:00Z"));
    expect(nextPhaseChange(berlin, at("2026-06-13T12:00:00Z"))).toBe(at("2026-06-14T22:00:00Z"));
    expect(nextPhaseChange(berlin, at("2026-06-15T00:00:00Z"))).toBeNull();
  });
});

describe("places left on a relay", () => {
  it("is firing points less reserved places less active entries, never below zero", () => {
    expect(placesLeft({ firingPoints: 20, reserved: 2 }, 17)).toBe(1);
    expect(placesLeft({ firingPoints: 12, reserved: 0 }, 12)).toBe(0);
    expect(placesLeft({ firingPoints: 8, reserved: 0 }, 10)).toBe(0);
    expect(placesLeft({ firingPoints: 8, reserved: 3 }, 0)).toBe(5);
  });
});
