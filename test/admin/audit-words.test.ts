/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { type AuditNames, phraseText } from "../../src/views/admin/audit/phrase.ts";
import { auditSentence, WORDED_ACTIONS } from "../../src/views/admin/audit/words.ts";

const E1 = "4-bCtOOabcdef"; // Max Hahn, 10 m air rifle
const E2 = "4-waitlisted01"; // Eva Roth, same event
const E3 = "4-pistolentry1"; // Jo Lind, 25 m pistol

/** 1798362000000 is Sun 27 Dec 2026, 10:00 in Berlin (CET, UTC+1). */
const AT = 1798362000000;

const names: AuditNames = {
  slug: "winter-cup",
  zone: "Europe/Berlin",
  currency: "EUR",
  events: new Map([
    [7, { title: "10 m Air Rifle", discipline: "air-rifle-10m" }],
    [8, { title: "25 m Pistol", discipline: "pistol-25m" }],
  ]),
  relays: new Map([
    [11, { name: "Relay 1", eventId: 7, startsAt: AT }],
    [12, { name: "Relay 2", eventId: 7, startsAt: AT + 5_400_000 }],
  ]),
  entries: new Map([
    [E1, { name: "Max Hahn", eventId: 7 }],
    [E2, { name: "Eva Roth", eventId: 7 }],
    [E3, { name: "Jo Lind", eventId: 8 }],
  ]),
  users: new Map([[42, "Lena Neu"]]),
};

const row = (action: string, subject: string, detail: object, actor: string | null = "Anna Berg") => ({
  action,
  subject,
  detail: JSON.stringify(detail),
  actorId: actor === null ? null : 1,
  actor,
});

const sentence = (action: string, subject: string, detail: object, actor?: string | null) =>
  phraseText(auditSentence(row(action, subject, detail, actor), names));

/** Every action written to the audit log in src/, found the way a reader would grep for them. */
const SOURCES = import.meta.glob(["/src/**/*.ts", "/src/**/*.tsx", "!/src/views/admin/audit/**"], { query: "?raw", import: "default", eager: true });
const ACTIONS_IN_USE = new Set(
  Object.values(SOURCES).flatMap((text) =>
    [...String(text).matchAll(/["'](tournament|event|relay|entry|staff|results|shot|conflict|token|outbox)\.([a-z_]+)["']/g)].map((m) => `${m[1]}.${m[2]}`),
  ),
);

describe("the audit log in words", () => {
  it("has a sentence for every action written in src/", () => {
    // 29 in use: "staff.add" is no longer written (staff join by accepted invitation), but old rows keep its sentence.
    expect(ACTIONS_IN_USE.size).toBeGreaterThanOrEqual(29);
    expect([...ACTIONS_IN_USE].filter((a) => !WORDED_ACTIONS.includes(a))).toEqual([]);
  });

  it.each([
    ["tournament.create", "tournament:4", { title: "Winter Cup", slug: "winter-cup" }, "Anna Berg created the tournament “Winter Cup”"],
    [
      "tournament.edit",
      "tournament:4",
      { changed: ["registrationOpensAt", "entryFeeCents", "venue", "description"], now: { registrationOpensAt: AT, entryFeeCents: 2000, venue: "Hall B" }, revision: 3 },
      "Anna Berg changed the registration opening to Sun 27 Dec 2026, 10:00 CET, the entry fee to €20.00, the venue to “Hall B” and the description",
    ],
    ["tournament.edit", "tournament:4", { changed: ["title"], revision: 3 }, "Anna Berg changed the title"],
    ["tournament.publish", "tournament:4", { revision: 2 }, "Anna Berg published the tournament"],
    ["tournament.unpublish", "tournament:4", {}, "Anna Berg took the tournament back to draft (hidden from the public)"],
    ["event.add", "tournament:4", { title: "25 m Pistol", discipline: "pistol-25m" }, "Anna Berg added the event 25 m Pistol (25 m pistol)"],
    ["event.edit", "event:7", { title: "10 m Air Rifle", changed: ["title"] }, "Anna Berg changed the event 10 m Air Rifle: renamed it “10 m Air Rifle”"],
    ["event.delete", "event:9", { title: "Trap" }, "Anna Berg deleted the event “Trap”"],
    [
      "relay.add",
      "event:7",
      { event: "10 m Air Rifle", name: "Relay 2", startsAt: AT + 5_400_000, firingPoints: 12, reserved: 0 },
      "Anna Berg added Relay 2 to 10 m Air Rifle: starts Sun 27 Dec 2026, 11:30 CET, 12 firing points",
    ],
    [
      "relay.edit",
      "relay:12",
      { changed: ["startsAt", "firingPoints"], name: "Relay 2", startsAt: AT + 1_800_000, firingPoints: 10, reserved: 0 },
      "Anna Berg changed Relay 2 in 10 m Air Rifle: it now starts Sun 27 Dec 2026, 10:30 CET and now has 10 firing points",
    ],
    ["relay.delete", "relay:13", { name: "Relay 3" }, "Anna Berg deleted the relay “Relay 3”"],
    [
      "entry.move",
      `entry:${E1}`,
      { from: 11, to: 12, status: "confirmed", promoted: [E2] },
      "Anna Berg moved Max Hahn’s entry in 10 m Air Rifle from Relay 1 to Relay 2; Eva Roth got the freed place",
    ],
    [
      "entry.remove",
      `entry:${E1}`,
      { reason: "Did not pay", relay: 11, was: "held" },
      "Anna Berg removed Max Hahn’s entry in 10 m Air Rifle (held for payment): “Did not pay”",
    ],
    ["entry.remove", E2, { reason: "Withdrawn by an organiser.", competitor: 42, promoted: [] }, "Anna Berg removed Eva Roth’s entry in 10 m Air Rifle: “Withdrawn by an organiser.”"],
    ["entry.paid", `entry:${E1}`, { amountCents: 2000, currency: "EUR" }, "Anna Berg recorded Max Hahn’s payment of €20.00 at the range for 10 m Air Rifle"],
    ["entry.firing_point", `entry:${E1}`, { relay: 11, from: 3, to: 7 }, "Anna Berg put Max Hahn in 10 m Air Rifle on firing point 7 (was 3)"],
    ["entry.check_in", `entry:${E1}`, { relay: 11 }, "Anna Berg checked in Max Hahn for 10 m Air Rifle"],
    ["entry.check_in_undone", `entry:${E1}`, { relay: 11 }, "Anna Berg undid Max Hahn’s check-in for 10 m Air Rifle"],
    [
      "entry.walk_up",
      `entry:${E1}`,
      { name: "Max Hahn", userId: 9, relay: 11, firingPoint: 4, paid: true },
      "Anna Berg entered Max Hahn at the range in 10 m Air Rifle, Relay 1, firing point 4, paid at the range",
    ],
    ["staff.add", "user:42", { name: "Lena Neu", email: "lena@example.test", role: "range_officer" }, "Anna Berg added Lena Neu to the staff as range officer"],
    ["staff.invite", "email:ro@example.test", { email: "ro@example.test", role: "organiser" }, "Anna Berg invited ro@example.test to the staff as organiser"],
    ["staff.remove", "user:42", { name: "Lena Neu", role: "range_officer" }, "Anna Berg removed Lena Neu (range officer) from the staff"],
    ["staff.uninvite", "email:ro@example.test", { email: "ro@example.test" }, "Anna Berg cancelled the staff invitation for ro@example.test"],
    ["staff.join", "user:42", { email: "lena@example.test", role: "range_officer" }, "Anna Berg joined the staff as range officer (invited as lena@example.test)"],
    ["results.official", "event:7", { event: "10 m Air Rifle" }, "Anna Berg marked the results of 10 m Air Rifle official"],
    ["results.unofficial", "event:7", { event: "10 m Air Rifle", reason: "Protest upheld" }, "Anna Berg reopened the results of 10 m Air Rifle: “Protest upheld”"],
    [
      "results.correction",
      `shot:${E1}/12`,
      { from: { value: 104, innerTen: false }, to: "9.8", reason: "Gauged", correction: "correct-x" },
      "Anna Berg corrected Max Hahn’s shot 12 in 10 m Air Rifle from 10.4 to 9.8: “Gauged”",
    ],
    [
      "shot.corrected",
      `shot:${E3}/31/op-1`,
      { opId: "op-1", entryId: E3, eventId: 8, shotNo: 31, from: { value: 10, innerTen: true, opId: "o" }, to: { value: 9, innerTen: false }, reason: "Double", tokenId: 5 },
      "Anna Berg corrected Jo Lind’s shot 31 in 25 m Pistol from 10* to 9 through a scoring token: “Double”",
    ],
    [
      "conflict.resolved",
      `shot:${E1}/3`,
      { conflict: "c", kept: "incoming", value: { value: 98, innerTen: false }, replaced: { value: 101, innerTen: false }, correction: "r", reason: "Paper" },
      "Anna Berg settled a scoring conflict on Max Hahn’s shot 3 in 10 m Air Rifle: took 9.8 instead of 10.1: “Paper”",
    ],
    [
      "conflict.resolved",
      `shot:${E1}/3`,
      { conflict: "c", kept: "standing", value: { value: 101, innerTen: false }, replaced: null, correction: null, reason: "Right one" },
      "Anna Berg settled a scoring conflict on Max Hahn’s shot 3 in 10 m Air Rifle: kept 10.1, the value that stood: “Right one”",
    ],
    ["token.create", "token:5", { name: "Target bank A" }, "Anna Berg created the scoring token “Target bank A”"],
    ["token.revoke", "token:5", { name: "Target bank A" }, "Anna Berg revoked the scoring token “Target bank A”"],
  ] as const)("%s (%s): %s", (action, subject, detail, expected) => {
    expect(sentence(action, subject, detail)).toBe(expected);
  });

  it("says the system did what no person did, and never shows a raw id or epoch", () => {
    const set = sentence("outbox.set_aside", `entry:${E1}`, { stream: "entries", error: "FOREIGN KEY constraint failed", row: {} }, null);
    expect(set).toBe("Tenring could not copy the entry of Max Hahn to the database and set it aside: FOREIGN KEY constraint failed");
    const byDevice = sentence(
      "shot.corrected",
      `shot:${E1}/2/op-2`,
      { entryId: E1, eventId: 7, shotNo: 2, from: { value: 99, innerTen: false }, to: null, reason: "undo", tokenId: 3 },
      null,
    );
    expect(byDevice).toBe("A scoring device corrected Max Hahn’s shot 2 in 10 m Air Rifle from 9.9 to empty (cleared) through a scoring token: “undo”");
    expect(sentence("entry.move", "entry:4-unknownentry", { from: 11, to: 99 })).toBe(
      "Anna Berg moved a competitor’s entry in its event from Relay 1 to a deleted relay",
    );
  });

  it("links names to the admin pages instead of showing ids", () => {
    const phrase = auditSentence(row("entry.move", `entry:${E1}`, { from: 11, to: 12 }), names);
    expect(phrase.filter((p) => typeof p !== "string")).toEqual([
      { text: "Max Hahn", href: `/admin/t/winter-cup/entries/${E1}` },
      { text: "10 m Air Rifle", href: "/admin/t/winter-cup/events/7" },
      { text: "Relay 1", href: "/admin/t/winter-cup/relays/11" },
      { text: "Relay 2", href: "/admin/t/winter-cup/relays/12" },
    ]);
  });

  it("words an action it does not know plainly", () => {
    expect(sentence("payment.refund", "entry:x", { amountCents: 1 })).toBe("Anna Berg did payment refund");
  });
});
