import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailLog } from "../../src/db/accounts-schema.ts";
import { db } from "../helpers/d1.ts";
import { drainOutboxes, freshKey, register } from "../helpers/entries.ts";
import { mailTo } from "../helpers/mail.ts";
import { createTournament } from "../helpers/tournaments.ts";

describe("mails of the object's decisions", () => {
  it("tells a competitor they are registered (relay, firing point, start in the tournament's zone), moved up, and released", async () => {
    const { events, stub } = await createTournament({
      title: "Mail Cup",
      timeZone: "Europe/Berlin",
      events: [{ title: "Air Rifle Women", relays: [{ name: "Morning relay", firingPoints: 1, startsAt: Date.UTC(2031, 2, 15, 8, 0) }] }],
    });
    const event = events[0]!;
    const relay = event.relays[0]!;
    const first = await register(stub, event.id, relay.id, "Frieda First");
    const second = await register(stub, event.id, relay.id, "Sam Second");
    expect(second.entry.status).toBe("waitlisted");
    await drainOutboxes(stub);

    const registered = await mailTo(first.user.email, "You are registered");
    expect(registered.subject).toBe("You are registered: Mail Cup");
    expect(registered.text).toContain("Mail Cup (times in Europe/Berlin)");
    expect(registered.text).toContain("Relay: Morning relay");
    expect(registered.text).toContain("Firing point: 1");
    expect(registered.text).toMatch(/Start: Sat 15 Mar 2031, 09:00 (CET|GMT\+1)\n/);
    expect(registered.text).toMatch(/See your entries: http:\/\/[^/]+\/me\/entries/);
    expect(registered.html).toContain("Morning relay");

    await mailTo(second.user.email, "You are on the waitlist");
    const withdrawn = await stub.withdraw({ entryId: first.entry.id, userId: first.user.id });
    expect(withdrawn.outcome).toBe("changed");
    await drainOutboxes(stub);
    expect((await mailTo(first.user.email, "Your place is released")).text).toContain("Your entry is withdrawn");
    const promoted = await mailTo(second.user.email, "You moved up");
    expect(promoted.text).toContain("Firing point: 1");

    // The outbox sending an entry again (a retry, a check-in) tells nobody twice.
    await stub.register({ userId: second.user.id, eventId: event.id, relayId: relay.id, idempotencyKey: freshKey() });
    await drainOutboxes(stub);
    const toSecond = await db.select().from(mailLog).where(eq(mailLog.recipient, second.user.email)).all();
    expect(toSecond.map((m) => m.subject).sort()).toEqual(["You are on the waitlist: Mail Cup", "You moved up from the waitlist: Mail Cup"]);
    expect(await db.select().from(mailLog).where(like(mailLog.key, `entry:${first.entry.id}:%`)).all()).toHaveLength(2);
  });
});
