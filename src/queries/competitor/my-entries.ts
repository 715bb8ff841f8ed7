import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { entries, events, relays, tournaments } from "../../db/schema.ts";
import { stripeAccounts } from "../../db/payments-schema.ts";
import { type CallScope, TournamentClient } from "../../object-client/client.ts";
import type { EntryFigures } from "../../views/competitor/entry-summary.tsx";
import type { MyEntry, MyTournament } from "../../views/competitor/my-entries.tsx";

/** At most this many tournaments are read fresh from their objects per page. */
const MAX_FRESH = 5;

/** `?fresh=12,34`: the tournaments whose entries were just changed, read from their objects, not D1. */
export function freshIds(raw: string | undefined): number[] {
  if (!raw) return [];
  const ids = raw
    .split(",")
    .filter((part) => /^[1-9][0-9]{0,14}$/.test(part))
    .map(Number);
  return [...new Set(ids)].slice(0, MAX_FRESH);
}

/** What an entry card shows. D1's copy has no hold time: only an entry fresh from its object has one. */
function figuresOf(e: Omit<EntryFigures, "holdUntil"> & { holdUntil?: number | null }): EntryFigures {
  return {
    id: e.id,
    tournamentId: e.tournamentId,
    eventId: e.eventId,
    relayId: e.relayId,
    status: e.status,
    firingPoint: e.firingPoint,
    waitlistPosition: e.waitlistPosition,
    holdUntil: e.holdUntil ?? null,
    note: e.status === "removed" ? (e.note ?? null) : null,
  };
}

type Found = { figures: EntryFigures; seq: number };

/**
 * The user's entries in every tournament, grouped by tournament (soonest first). D1's copy is the base:
 * normally a fraction of a second behind the objects. For `fresh` tournaments (just changed here) the
 * object's own state replaces it, so a registration or withdrawal shows at once.
 */
export async function loadMyEntries(env: Env, db: Db, userId: number, fresh: number[], scope: CallScope = {}): Promise<MyTournament[]> {
  const online = Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET);
  const mine = db.select({ id: entries.tournamentId }).from(entries).where(eq(entries.userId, userId));
  const involved = (column: typeof tournaments.id | typeof events.tournamentId | typeof relays.tournamentId) =>
    or(inArray(column, mine), inArray(column, fresh));
  const [entryRows, tournamentRows, eventRows, relayRows, payOnlineRows] = await db.batch([
    db.select().from(entries).where(eq(entries.userId, userId)),
    db.select().from(tournaments).where(involved(tournaments.id)).orderBy(asc(tournaments.startsOn), asc(tournaments.id)),
    db.select({ id: events.id, title: events.title, position: events.position }).from(events).where(involved(events.tournamentId)),
    db
      .select({ id: relays.id, name: relays.name, startsAt: relays.startsAt })
      .from(relays)
      .where(involved(relays.tournamentId)),
    // Tournaments whose fee can be paid online: the organiser's Stripe account takes payments.
    db
      .select({ id: tournaments.id })
      .from(tournaments)
      .innerJoin(stripeAccounts, eq(stripeAccounts.userId, tournaments.createdBy))
      .where(and(involved(tournaments.id), eq(stripeAccounts.chargesEnabled, 1))),
  ]);
  // Only tournaments D1 knows: an invented id must not wake (and create) an object.
  const known = new Set(tournamentRows.map((t) => t.id));
  // Held entries are read from their objects too: only the object knows when a hold ends (the Pay countdown).
  const held = entryRows.filter((e) => e.status === "held").map((e) => e.tournamentId);
  const freshKnown = [...new Set([...fresh, ...held])].filter((id) => known.has(id)).slice(0, MAX_FRESH);
  const fromObjects = await Promise.all(freshKnown.map((id) => new TournamentClient(env, db, id, scope).call("entriesOf", userId)));

  const found: Found[] = entryRows
    .filter((e) => !freshKnown.includes(e.tournamentId))
    .map((e) => ({ seq: e.seq, figures: figuresOf(e) }));
  for (const list of fromObjects) for (const e of list) found.push({ seq: e.seq, figures: figuresOf(e) });

  const eventById = new Map(eventRows.map((e) => [e.id, e]));
  const relayById = new Map(relayRows.map((r) => [r.id, r]));
  const toEntry = ({ figures }: Found): MyEntry => ({
    figures,
    eventTitle: eventById.get(figures.eventId)?.title ?? `Event ${figures.eventId}`,
    relay: figures.relayId === null ? undefined : relayById.get(figures.relayId),
  });
  const position = (f: Found) => eventById.get(f.figures.eventId)?.position ?? 0;
  return tournamentRows
    .map((t) => ({
      id: t.id,
      slug: t.slug,
      title: t.title,
      timeZone: t.timeZone,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      payOnline: online && t.entryFeeCents > 0 && payOnlineRows.some((r) => r.id === t.id),
      entries: found
        .filter((f) => f.figures.tournamentId === t.id)
        .sort((a, b) => position(a) - position(b) || a.seq - b.seq)
        .map(toEntry),
    }))
    .filter((t) => t.entries.length > 0);
}
