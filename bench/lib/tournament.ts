/** The benchmark's tournament, as SQL for the local D1: one rush event, one "any relay" event, an organiser. */
import { sqlText } from "../../scripts/load-data.ts";
import { DAY_MS, utcDate } from "../../src/domain/time/zoned.ts";
import { randomToken, sha256 } from "../../src/lib/encoding.ts";

export interface RushRelay {
  name: string;
  firingPoints: number;
}

export interface RushEvent {
  position: number;
  title: string;
  discipline: string;
  relays: RushRelay[];
}

export interface RushTournament {
  slug: string;
  events: RushEvent[];
  /** The organiser's personal API token (reads the entries feed and its D1 backlog). */
  organiserToken: string;
  organiserEmail: string;
}

const HOUR = 3_600_000;

/** 500 places over 10 relays in the rush event; 100 over 4 relays in the event entered as "any relay". */
export function rushTournament(runId: string): RushTournament {
  return {
    slug: `rush-${runId}`,
    organiserEmail: `rush-organiser-${runId}@load.tenring.test`,
    organiserToken: `trp_${randomToken(24)}`,
    events: [
      {
        position: 1,
        title: "10 m Air Rifle",
        discipline: "air-rifle-10m",
        relays: Array.from({ length: 10 }, (_, i) => ({ name: `Relay ${i + 1}`, firingPoints: 50 })),
      },
      {
        position: 2,
        title: "10 m Air Pistol",
        discipline: "air-pistol-10m",
        relays: Array.from({ length: 4 }, (_, i) => ({ name: `Relay ${i + 1}`, firingPoints: 25 })),
      },
    ],
  };
}

export function capacityOf(t: RushTournament): number {
  return t.events.reduce((sum, e) => sum + e.relays.reduce((s, r) => s + r.firingPoints, 0), 0);
}

/** Statements creating it with registration open from a minute ago for a day; without a fee entries confirm at once. */
export async function tournamentStatements(t: RushTournament, now = Date.now(), feeCents = 0): Promise<string[]> {
  const slug = sqlText(t.slug);
  const tournamentId = `(SELECT id FROM tournaments WHERE slug = ${slug})`;
  const day = utcDate(now + 30 * DAY_MS);
  const statements = [
    `INSERT INTO users (email, name, club, email_verified_at) VALUES (${sqlText(t.organiserEmail)}, 'Rush Organiser', 'Load Test Club', ${now});`,
    `INSERT INTO tournaments (slug, title, club, venue, time_zone, starts_on, ends_on, status, registration_opens_at, registration_closes_at, entry_fee_cents, created_by)
     VALUES (${slug}, 'Rush Benchmark Open', 'Load Test Club', 'Loopback Range', 'Europe/Berlin', '${day}', '${day}', 'published', ${now - 60_000}, ${now + 24 * HOUR}, ${feeCents},
       (SELECT id FROM users WHERE email = ${sqlText(t.organiserEmail)}));`,
    `INSERT INTO tournament_staff (tournament_id, user_id, role) VALUES (${tournamentId}, (SELECT id FROM users WHERE email = ${sqlText(t.organiserEmail)}), 'owner');`,
    `INSERT INTO api_tokens (token_hash, kind, user_id, name, created_at)
     VALUES (${sqlText(await sha256(t.organiserToken))}, 'personal', (SELECT id FROM users WHERE email = ${sqlText(t.organiserEmail)}), 'rush organiser', ${now});`,
  ];
  const start = Date.parse(`${day}T07:00:00Z`);
  for (const e of t.events) {
    statements.push(
      `INSERT INTO events (tournament_id, discipline, title, position) VALUES (${tournamentId}, ${sqlText(e.discipline)}, ${sqlText(e.title)}, ${e.position});`,
    );
    const eventId = `(SELECT id FROM events WHERE tournament_id = ${tournamentId} AND position = ${e.position})`;
    e.relays.forEach((r, i) => {
      statements.push(
        `INSERT INTO relays (tournament_id, event_id, name, starts_at, firing_points, reserved)
         VALUES (${tournamentId}, ${eventId}, ${sqlText(r.name)}, ${start + i * HOUR}, ${r.firingPoints}, 0);`,
      );
    });
  }
  return statements;
}
