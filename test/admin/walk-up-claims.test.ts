import { count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountTokens, mailLog } from "../../src/db/accounts-schema.ts";
import { users } from "../../src/db/schema.ts";
import { person } from "../helpers/accounts.ts";
import { db, d1Entries } from "../helpers/d1.ts";
import { drainOutboxes, register } from "../helpers/entries.ts";
import { linkIn, mailTo } from "../helpers/mail.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, send } from "./fixtures.ts";

async function setting(firingPoints = 2) {
  const made = await configuredTournament({ events: [{ title: "Air Pistol", discipline: "air-pistol-10m", relays: [{ name: "Relay A", firingPoints }] }] });
  const organiser = await staffOf(made.tournament.id, "organiser");
  const event = made.events[0]!;
  return { ...made, organiser, event, relay: event.relays[0]! };
}

const usersWith = async (email: string) => (await db.select({ n: count() }).from(users).where(eq(users.email, email)).get())?.n ?? 0;
const walkUp = (relayId: number, email: string, key: string) => ({ key, name: "Wanda Walkup", club: "Range Club", email, relayId: String(relayId), paid: "" });

describe("walk-ups without accounts", () => {
  it("keeps name, club and address on a walk-up record, creates no account, and mails a claim link the verified owner uses once", async () => {
    const { tournament, stub, organiser, relay } = await setting();
    const email = `walker-${Date.now()}@example.test`;
    const res = await send(organiser, `/admin/t/${tournament.slug}/entries/new`, walkUp(relay.id, email, `walkup-claim-${Date.now()}`));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toContain("done=walk-up-claim");
    const entryId = res.headers.get("Location")!.split("/entries/")[1]!.split("?")[0]!;
    expect(await usersWith(email)).toBe(0);
    const record = await db.select().from(users).where(eq(users.id, (await stub.entry(entryId))!.userId)).get();
    expect(record).toMatchObject({ name: "Wanda Walkup", club: "Range Club", passwordHash: null });
    expect(record!.email).toMatch(/@walkup\.invalid$/);

    const mail = await mailTo(email, "Your entry in");
    expect(mail.text).toContain(`${tournament.title} (times in ${tournament.timeZone})`);
    expect(mail.text).toContain("Air Pistol (Relay A)");
    const link = linkIn(mail.text, "/account/claims/");

    // The owner can now sign up with the address (nothing took it), confirm it and claim the entry.
    const owner = await person({ email });
    const stranger = await person();
    expect((await send(stranger, link)).status).toBe(403);
    const claimed = await send(owner, link);
    expect(claimed.status).toBe(303);
    expect(claimed.headers.get("Location")).toBe("/me/entries");
    expect(await stub.entry(entryId)).toMatchObject({ userId: owner.user.id, status: "confirmed", relayId: relay.id });
    expect((await send(owner, link)).status).toBe(410);
    await drainOutboxes(stub);
    expect((await d1Entries(tournament.id)).find((e) => e.id === entryId)?.userId).toBe(owner.user.id);
  });

  it("never attaches a walk-up to an existing account by its address, and says nothing about accounts", async () => {
    const { tournament, stub, organiser, relay } = await setting();
    const existing = await person();
    const res = await send(organiser, `/admin/t/${tournament.slug}/entries/new`, walkUp(relay.id, existing.user.email, `walkup-existing-${Date.now()}`));
    expect(res.headers.get("Location")).toContain("done=walk-up-claim");
    const entryId = res.headers.get("Location")!.split("/entries/")[1]!.split("?")[0]!;
    expect((await stub.entry(entryId))!.userId).not.toBe(existing.user.id);
    expect(await usersWith(existing.user.email)).toBe(1);
  });

  it("changes nothing when the walk-up is refused: no record, no account, no link, no mail", async () => {
    const { tournament, stub, organiser, event, relay } = await setting(1);
    await register(stub, event.id, relay.id);
    const email = `refused-${Date.now()}@example.test`;
    const before = (await db.select({ n: count() }).from(users).get())!.n;
    const res = await send(organiser, `/admin/t/${tournament.slug}/entries/new`, walkUp(relay.id, email, `walkup-refused-${Date.now()}`));
    expect(res.status).toBe(422);
    expect((await db.select({ n: count() }).from(users).get())!.n).toBe(before);
    expect(await db.select().from(accountTokens).where(eq(accountTokens.email, email)).all()).toEqual([]);
    expect(await db.select().from(mailLog).where(like(mailLog.recipient, email)).all()).toEqual([]);
  });
});
