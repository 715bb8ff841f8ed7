import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { tournaments } from "../../db/schema.ts";
import { DAY_MS, utcDate } from "../../domain/time/zoned.ts";
import { nextPhaseChange, type Phase, tournamentPhase } from "../../domain/calendar/phase.ts";

export type TournamentSummary = Pick<typeof tournaments.$inferSelect, keyof typeof summary>;

export interface HomeModel {
  groups: Record<Phase, TournamentSummary[]>;
  /** When the earliest listed tournament changes group; the cached page must not outlive it. */
  nextChange: number | null;
}

const PAST_SHOWN = 12;

const summary = {
  id: tournaments.id,
  slug: tournaments.slug,
  title: tournaments.title,
  club: tournaments.club,
  venue: tournaments.venue,
  timeZone: tournaments.timeZone,
  startsOn: tournaments.startsOn,
  endsOn: tournaments.endsOn,
  registrationOpensAt: tournaments.registrationOpensAt,
  registrationClosesAt: tournaments.registrationClosesAt,
};

/**
 * Published tournaments grouped for the home page, in one D1 batch: everything not yet over in any zone
 * (local dates are at most a day from UTC), and the most recent finished ones.
 */
export async function loadHome(db: Db, now: number): Promise<HomeModel> {
  const published = eq(tournaments.status, "published");
  const [current, recent] = await db.batch([
    db
      .select(summary)
      .from(tournaments)
      .where(and(published, gte(tournaments.endsOn, utcDate(now - 2 * DAY_MS))))
      .orderBy(asc(tournaments.startsOn), asc(tournaments.id)),
    db
      .select(summary)
      .from(tournaments)
      .where(and(published, lt(tournaments.endsOn, utcDate(now + 2 * DAY_MS))))
      .orderBy(desc(tournaments.endsOn), desc(tournaments.id))
      .limit(PAST_SHOWN + 4),
  ]);

  const groups: HomeModel["groups"] = { soon: [], open: [], closed: [], live: [], past: [] };
  const seen = new Set<number>();
  let nextChange: number | null = null;
  for (const t of [...current, ...recent]) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    groups[tournamentPhase(t, now)].push(t);
    const change = nextPhaseChange(t, now);
    if (change !== null && (nextChange === null || change < nextChange)) nextChange = change;
  }
  groups.soon.sort((a, b) => a.registrationOpensAt - b.registrationOpensAt);
  groups.open.sort((a, b) => a.registrationClosesAt - b.registrationClosesAt);
  groups.past.sort((a, b) => (a.endsOn < b.endsOn ? 1 : a.endsOn > b.endsOn ? -1 : b.id - a.id));
  groups.past = groups.past.slice(0, PAST_SHOWN);
  return { groups, nextChange };
}
