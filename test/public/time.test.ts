import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatRemaining,
  formatTime,
  isoDuration,
  zoneAbbreviation,
} from "../../src/domain/time/format.ts";
import { addDays, fromLocal, isTimeZone, offsetAt, startOfDay, todayIn, toLocal } from "../../src/domain/time/zoned.ts";

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe("local date-time in a zone ↔ epoch ms", () => {
  it("converts winter and summer times in Europe/Berlin with their offsets", () => {
    expect(fromLocal("2026-01-15", "09:00", "Europe/Berlin")).toBe(at("2026-01-15T08:00:00Z"));
    expect(fromLocal("2026-07-15", "09:00", "Europe/Berlin")).toBe(at("2026-07-15T07:00:00Z"));
    expect(toLocal(at("2026-07-15T07:00:00Z"), "Europe/Berlin")).toEqual({ date: "2026-07-15", time: "09:00" });
    expect(offsetAt(at("2026-01-15T08:00:00Z"), "Europe/Berlin")).toBe(HOUR);
    expect(offsetAt(at("2026-07-15T07:00:00Z"), "Europe/Berlin")).toBe(2 * HOUR);
  });

  it("handles the spring-forward day: the skipped hour moves forward, later times use summer time", () => {
    // Europe/Berlin, 29 Mar 2026: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
    expect(fromLocal("2026-03-29", "01:30", "Europe/Berlin")).toBe(at("2026-03-29T00:30:00Z"));
    expect(fromLocal("2026-03-29", "02:30", "Europe/Berlin")).toBe(at("2026-03-29T01:30:00Z"));
    expect(fromLocal("2026-03-29", "03:30", "Europe/Berlin")).toBe(at("2026-03-29T01:30:00Z"));
    const relayOnChangeDay = fromLocal("2026-03-29", "09:00", "Europe/Berlin");
    const relayDayBefore = fromLocal("2026-03-28", "09:00", "Europe/Berlin");
    expect(relayOnChangeDay).toBe(at("2026-03-29T07:00:00Z"));
    expect(relayOnChangeDay - relayDayBefore).toBe(23 * HOUR);
    expect(formatDateTime(relayDayBefore, "Europe/Berlin")).toBe("Sat 28 Mar 2026, 09:00 CET");
    expect(formatDateTime(relayOnChangeDay, "Europe/Berlin")).toBe("Sun 29 Mar 2026, 09:00 CEST");
  });

  it("handles the fall-back day: a time that happens twice takes the earlier instant", () => {
    // Europe/Berlin, 25 Oct 2026: 03:00 CEST goes back to 02:00 CET; 02:30 happens at 00:30 and 01:30 UTC.
    expect(fromLocal("2026-10-25", "02:30", "Europe/Berlin")).toBe(at("2026-10-25T00:30:00Z"));
    expect(fromLocal("2026-10-25", "03:30", "Europe/Berlin")).toBe(at("2026-10-25T02:30:00Z"));
    expect(toLocal(at("2026-10-25T01:30:00Z"), "Europe/Berlin")).toEqual({ date: "2026-10-25", time: "02:30" });
    expect(formatTime(at("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("02:30");
    expect(zoneAbbreviation(at("2026-10-25T00:30:00Z"), "Europe/Berlin")).toBe("CEST");
    expect(zoneAbbreviation(at("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("CET");
  });

  it("works for zones west of UTC, in the southern hemisphere and with half-hour offsets", () => {
    expect(fromLocal("2026-03-08", "03:30", "America/New_York")).toBe(at("2026-03-08T07:30:00Z"));
    expect(fromLocal("2026-01-10", "10:00", "Australia/Sydney")).toBe(at("2026-01-09T23:00:00Z"));
    expect(fromLocal("2026-07-10", "10:00", "Australia/Sydney")).toBe(at("2026-07-10T00:00:00Z"));
    expect(fromLocal("2026-05-01", "12:00", "Asia/Kolkata")).toBe(at("2026-05-01T06:30:00Z"));
  });

  it("tells today's date in the zone, which can differ from UTC's", () => {
    const lateSaturdayUtc = at("2026-03-28T23:30:00Z");
    expect(todayIn("UTC", lateSaturdayUtc)).toBe("2026-03-28");
    expect(todayIn("Europe/Berlin", lateSaturdayUtc)).toBe("2026-03-29");
    expect(todayIn("America/Los_Angeles", lateSaturdayUtc)).toBe("2026-03-28");
    expect(todayIn("Pacific/Auckland", at("2026-03-28T12:00:00Z"))).toBe("2026-03-29");
  });

  it("starts the spring-forward day at midnight and does calendar arithmetic across months and years", () => {
    expect(startOfDay("2026-03-29", "Europe/Berlin")).toBe(at("2026-03-28T23:00:00Z"));
    expect(startOfDay("2026-03-30", "Europe/Berlin")).toBe(at("2026-03-29T22:00:00Z"));
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("rejects malformed input and unknown zones", () => {
    expect(() => fromLocal("2026-3-1", "09:00", "Europe/Berlin")).toThrow(RangeError);
    expect(() => fromLocal("2026-03-01", "9am", "Europe/Berlin")).toThrow(RangeError);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("formatting for pages", () => {
  it("formats calendar dates and match-day ranges without shifting the day", () => {
    expect(formatDate("2026-03-14")).toBe("Sat 14 Mar 2026");
    expect(formatDateRange("2026-03-14", "2026-03-14")).toEqual(["Sat 14 Mar 2026"]);
    expect(formatDateRange("2026-03-14", "2026-03-15")).toEqual(["Sat 14 Mar", "Sun 15 Mar 2026"]);
    expect(formatDateRange("2026-12-31", "2027-01-01")).toEqual(["Thu 31 Dec 2026", "Fri 1 Jan 2027"]);
  });

  it("formats time left for the countdown and as an ISO duration", () => {
    expect(formatRemaining(4 * 60_000 + 59_000)).toBe("00:04:59");
    expect(formatRemaining(3 * HOUR + 2 * 60_000 + 1_999)).toBe("03:02:01");
    expect(formatRemaining(2 * 86_400_000 + 3 * HOUR + 4 * 60_000 + 5_000)).toBe("2 d 03:04:05");
    expect(formatRemaining(-5_000)).toBe("00:00:00");
    expect(isoDuration(2 * 86_400_000 + 3 * HOUR + 4 * 60_000 + 5_000)).toBe("P2DT3H4M5S");
    expect(isoDuration(59_000)).toBe("PT0H0M59S");
  });
});
