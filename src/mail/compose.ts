import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { mailLog } from "../db/accounts-schema.ts";
import { entries, events, relays, tournaments, users } from "../db/schema.ts";
import { invitationMail, claimMail, resetMail, verifyMail } from "../views/mail/account.tsx";
import { type EntryMailFacts, heldMail, promotedMail, registeredMail, releasedMail, waitlistedMail } from "../views/mail/entries.tsx";
import { type ComposedMail, entryMailKey, type MailMessage } from "./message.ts";
import { composePaymentMail, payBy } from "./payment-mail.ts";
import { rendered } from "./rendered.ts";

/** Addresses that cannot receive mail (walk-up placeholders, RFC 2606 reserved names). */
const UNDELIVERABLE = /\.invalid$/;


/**
 * The mail a message stands for, or null when there is nothing to send (an entry that has moved on to
 * another status since, or a walk-up without an address).
 */
export async function compose(db: Db, message: MailMessage): Promise<ComposedMail | null> {
  const link = (path: string) => new URL(path, message.origin).toString();
  const b = message.body;
  if (b.kind === "entry") return composeEntryMail(db, message.origin, b.entryId, b.status);
  if (b.kind === "payment") return composePaymentMail(db, message.origin, b.sessionId, b.event, b.refundedCents);
  const to = message.to;
  if (!to || UNDELIVERABLE.test(to)) return null;
  switch (b.kind) {
    case "verify":
      return rendered(to, verifyMail({ ...b, link: link(b.link) }));
    case "reset":
      return rendered(to, resetMail({ ...b, link: link(b.link) }));
    case "invitation":
      return rendered(to, invitationMail({ ...b, link: link(b.link) }));
    case "claim":
      return rendered(to, claimMail({ ...b, link: link(b.link) }));
  }
}

async function composeEntryMail(db: Db, origin: string, entryId: string, status: string): Promise<ComposedMail | null> {
  const row = await db
    .select({
      status: entries.status,
      email: users.email,
      name: users.name,
      title: tournaments.title,
      timeZone: tournaments.timeZone,
      slug: tournaments.slug,
      event: events.title,
      relay: relays.name,
      startsAt: relays.startsAt,
      updatedAt: entries.updatedAt,
      tournamentId: entries.tournamentId,
      firingPoint: entries.firingPoint,
      waitlistPosition: entries.waitlistPosition,
    })
    .from(entries)
    .innerJoin(users, eq(users.id, entries.userId))
    .innerJoin(tournaments, eq(tournaments.id, entries.tournamentId))
    .innerJoin(events, eq(events.id, entries.eventId))
    .leftJoin(relays, eq(relays.id, entries.relayId))
    .where(eq(entries.id, entryId))
    .get();
  // Gone, moved on (a newer message speaks for the newer status), or nobody to write to.
  if (!row || row.status !== status || UNDELIVERABLE.test(row.email)) return null;
  const facts: EntryMailFacts = {
    tournament: { title: row.title, timeZone: row.timeZone, slug: row.slug },
    name: row.name,
    event: row.event,
    relay: row.relay,
    firingPoint: row.firingPoint,
    startsAt: row.startsAt,
    waitlistPosition: row.waitlistPosition,
    link: new URL("/me/entries", origin).toString(),
  };
  switch (row.status) {
    case "confirmed":
    case "held": {
      // An entry told it was waitlisted and now holds a place moved up.
      const waited = await db.select({ key: mailLog.key }).from(mailLog).where(eq(mailLog.key, entryMailKey(entryId, "waitlisted"))).get();
      // Promoted into a hold: told at once, with the time to pay by.
      if (waited) return rendered(row.email, promotedMail(facts, row.status === "held" ? await payBy(db, row.tournamentId, row.updatedAt) : null));
      return rendered(row.email, row.status === "held" ? heldMail(facts) : registeredMail(facts));
    }
    case "waitlisted":
      return rendered(row.email, waitlistedMail(facts));
    default:
      return rendered(row.email, releasedMail(facts, row.status));
  }
}
