import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { EntryStatus, EntryView } from "../../object/contract/index.ts";
import type { TournamentClient } from "../../object-client/client.ts";

/** An entry as the organisers' tables show it: the object's entry with the competitor's name from D1. */
export interface EntryRow extends EntryView {
  name: string;
  club: string;
  /** Empty for walk-ups entered without an email. */
  email: string;
  /** No account of their own (entered at the range by an organiser): cannot sign in. */
  walkUp: boolean;
}

/** Placeholder addresses of walk-ups without an email: never shown, never mailed. */
export const WALK_UP_DOMAIN = "@walkup.invalid";

/**
 * Every entry of the tournament, fresh from its object (the one writer: D1 only has a copy), with names from
 * D1 in one query. The ids travel as one JSON parameter, so any number of entries stays one statement.
 */
export async function loadEntries(client: TournamentClient, db: Db): Promise<EntryRow[]> {
  const entries = await client.call("allEntries");
  const ids = [...new Set(entries.map((e) => e.userId))];
  const people = new Map<number, Person>();
  if (ids.length > 0) {
    const rows = await db.all<Person & { id: number }>(
      sql`SELECT id, name, club, email, password_hash IS NULL AS walk_up FROM users WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    );
    for (const r of rows) people.set(r.id, r);
  }
  return entries.map((e) => withPerson(e, people.get(e.userId)));
}

type Person = { name: string; club: string; email: string; walk_up: number };

function withPerson(e: EntryView, p: Person | undefined): EntryRow {
  const email = p?.email ?? "";
  return {
    ...e,
    name: p?.name ?? `Competitor ${e.userId}`,
    club: p?.club ?? "",
    email: email.endsWith(WALK_UP_DOMAIN) ? "" : email,
    walkUp: p?.walk_up === 1,
  };
}

export const STATUS_FILTERS = ["active", "all", "confirmed", "held", "waitlisted", "withdrawn", "removed", "expired"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface EntryFilter {
  eventId: number | null;
  relayId: number | null;
  status: StatusFilter;
  q: string;
}

/** Lower case without accents, so "kruger" finds "Krüger". */
export function searchable(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

const ORDER: Record<EntryStatus, number> = { confirmed: 0, held: 0, waitlisted: 1, withdrawn: 2, removed: 2, expired: 2 };

/**
 * The rows a table shows: placed entries by relay and firing point, then the waitlist in its order, then
 * those who left, the latest first. `relayOrder` gives each relay's position (by start time).
 */
export function filterEntries(rows: readonly EntryRow[], f: EntryFilter, relayOrder: ReadonlyMap<number, number>): EntryRow[] {
  const needle = searchable(f.q.trim());
  return rows
    .filter((e) => f.eventId === null || e.eventId === f.eventId)
    .filter((e) => f.relayId === null || e.relayId === f.relayId)
    .filter((e) =>
      f.status === "all" ? true : f.status === "active" ? ["confirmed", "held", "waitlisted"].includes(e.status) : e.status === f.status,
    )
    .filter((e) => needle === "" || searchable(`${e.name} ${e.club}`).includes(needle))
    .sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] ||
        (ORDER[a.status] === 0
          ? (relayOrder.get(a.relayId ?? 0) ?? 0) - (relayOrder.get(b.relayId ?? 0) ?? 0) || (a.firingPoint ?? 999) - (b.firingPoint ?? 999)
          : ORDER[a.status] === 1
            ? (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)
            : b.updatedAt - a.updatedAt) ||
        a.seq - b.seq,
    );
}

/** One entry with its competitor, or null when it is not an entry of this tournament's object. */
export async function loadEntry(client: TournamentClient, db: Db, entryId: string): Promise<EntryRow | null> {
  const entry = await client.call("entry", entryId);
  if (!entry || entry.tournamentId !== client.tournamentId) return null;
  const p = await db.get<Person | undefined>(sql`SELECT name, club, email, password_hash IS NULL AS walk_up FROM users WHERE id = ${entry.userId}`);
  return withPerson(entry, p);
}

/** Free firing points per relay for an organiser (reserved places count as free), from the object. */
export async function relayRoom(client: TournamentClient): Promise<Map<number, number>> {
  const snapshot = await client.call("snapshot");
  return new Map(snapshot.events.flatMap((e) => e.relays.map((r) => [r.id, Math.max(0, r.firingPoints - r.confirmed - r.held)] as const)));
}
