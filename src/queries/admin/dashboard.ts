import type { Db } from "../../db/client.ts";
import type { SetAsideRow } from "../../object/contract/index.ts";
import type { TournamentClient } from "../../object-client/client.ts";
import { loadStructure } from "./structure.ts";

export interface RelayFigures {
  id: number;
  name: string;
  startsAt: number;
  firingPoints: number;
  reserved: number;
  confirmed: number;
  held: number;
  placesLeft: number;
  waitlisted: number;
  expected: number;
  checkedIn: number;
}

export interface EventFigures {
  id: number;
  title: string;
  discipline: string;
  resultsStatus: "unofficial" | "official";
  waitlisted: number;
  relays: RelayFigures[];
  /** null when the live scoring could not be asked (shown as "—"). */
  shots: number | null;
  openConflicts: number | null;
}

export interface Dashboard {
  events: EventFigures[];
  totals: { confirmed: number; held: number; waitlisted: number; placesLeft: number; expected: number; checkedIn: number };
  shots: number | null;
  openConflicts: number | null;
  /** Changes D1 refused for good, kept in the object for the organiser to see; null when it could not be asked. */
  setAside: SetAsideRow[] | null;
}

async function orNull<T>(client: TournamentClient, work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (err) {
    client.log.error("admin: the live scoring did not answer for the dashboard", err);
    return null;
  }
}

/**
 * The tournament at a glance: relays from D1, places, waitlists and check-in from the tournament object
 * (fresh, not the D1 copy), shots and open conflicts from its live scoring. One D1 batch and a few RPCs
 * made at once.
 */
export async function loadDashboard(client: TournamentClient, db: Db): Promise<Dashboard> {
  const structure = await loadStructure(db, client.tournamentId);
  const [snapshot, counts, conflicts, setAside, standings] = await Promise.all([
    client.call("snapshot"),
    client.call("checkInCounts"),
    orNull(client, client.call("conflicts", null, false)),
    orNull(client, client.call("setAsideRows")),
    Promise.all(structure.map((e) => orNull(client, client.call("results", e.id)))),
  ]);
  const relayLive = new Map(snapshot.events.flatMap((e) => e.relays.map((r) => [r.id, r] as const)));
  const eventLive = new Map(snapshot.events.map((e) => [e.id, e]));
  const checkIns = new Map(counts.map((c) => [c.relayId, c]));

  const events: EventFigures[] = structure.map((e, i) => {
    const standing = standings[i];
    return {
      id: e.id,
      title: e.title,
      discipline: e.discipline,
      resultsStatus: e.resultsStatus,
      waitlisted: eventLive.get(e.id)?.waitlisted ?? 0,
      shots: standing === null ? null : (standing?.rows.reduce((n, r) => n + r.shotsFired, 0) ?? 0),
      openConflicts: conflicts === null ? null : conflicts.filter((c) => c.eventId === e.id).length,
      relays: e.relays.map((r) => {
        const live = relayLive.get(r.id);
        const count = checkIns.get(r.id);
        return {
          id: r.id,
          name: r.name,
          startsAt: r.startsAt,
          firingPoints: r.firingPoints,
          reserved: r.reserved,
          confirmed: live?.confirmed ?? 0,
          held: live?.held ?? 0,
          placesLeft: live?.placesLeft ?? Math.max(0, r.firingPoints - r.reserved),
          waitlisted: live?.waitlisted ?? 0,
          expected: count?.expected ?? 0,
          checkedIn: count?.checkedIn ?? 0,
        };
      }),
    };
  });
  const sum = (pick: (r: RelayFigures) => number) => events.reduce((n, e) => n + e.relays.reduce((m, r) => m + pick(r), 0), 0);
  const known = (pick: (e: EventFigures) => number | null) =>
    events.some((e) => pick(e) === null) ? null : events.reduce((n, e) => n + (pick(e) ?? 0), 0);
  return {
    events,
    totals: {
      confirmed: sum((r) => r.confirmed),
      held: sum((r) => r.held),
      waitlisted: events.reduce((n, e) => n + e.waitlisted, 0),
      placesLeft: sum((r) => r.placesLeft),
      expected: sum((r) => r.expected),
      checkedIn: sum((r) => r.checkedIn),
    },
    shots: known((e) => e.shots),
    openConflicts: conflicts === null ? null : conflicts.length,
    setAside,
  };
}
