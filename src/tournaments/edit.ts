import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { tournamentStaff, tournaments } from "../db/schema.ts";
import { bumpCacheScopes, scopesForTournament } from "./cache-scopes.ts";
import { rawStatement, statement } from "./d1-batch.ts";

export const tournamentDetailsSchema = z.object({
  title: z
    .string({ error: "Enter a title." })
    .trim()
    .min(3, "Enter a title of at least 3 characters.")
    .max(120, "Keep the title to 120 characters or fewer."),
  venue: z
    .string({ error: "Enter the venue." })
    .trim()
    .min(2, "Enter the venue (at least 2 characters).")
    .max(160, "Keep the venue to 160 characters or fewer."),
  description: z
    .string()
    .default("")
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(5000, "Keep the description to 5,000 characters or fewer.")),
  revision: z.coerce.number({ error: "This form is incomplete; reload the page." }).int().positive("This form is incomplete; reload the page."),
});

export type TournamentDetails = z.infer<typeof tournamentDetailsSchema>;

export type StaffRole = (typeof tournamentStaff.$inferSelect)["role"];

/** Organisers may change a tournament's public facts; range officers may not. */
export function canEditTournament(role: StaffRole | null): boolean {
  return role === "owner" || role === "organiser";
}

/** The tournament (any status) and the user's staff role in it, in one query. */
export async function tournamentForStaff(db: Db, slug: string, userId: number) {
  const row = await db
    .select({ tournament: tournaments, role: tournamentStaff.role })
    .from(tournaments)
    .leftJoin(tournamentStaff, and(eq(tournamentStaff.tournamentId, tournaments.id), eq(tournamentStaff.userId, userId)))
    .where(eq(tournaments.slug, slug))
    .get();
  return row ?? null;
}

export type SaveOutcome = { saved: true; revision: number } | { saved: false; reason: "stale" };

/**
 * Saves the details if the tournament is still at `details.revision`, in one D1 batch: the row (with its
 * revision bumped), an audit entry, and the cache versions of the pages that show it. The audit insert runs
 * only if the update changed the row (`changes()`), so a lost race writes nothing but a harmless cache bump.
 */
export async function saveTournamentDetails(
  db: Db,
  current: { id: number; slug: string; title: string; venue: string; description: string },
  details: TournamentDetails,
  actorId: number,
  now = Date.now(),
): Promise<SaveOutcome> {
  const changed = (["title", "venue", "description"] as const).filter((f) => current[f] !== details[f]);
  const detail = JSON.stringify({ revision: details.revision + 1, changed });
  const [update] = await db.$client.batch([
    statement(
      db,
      db
        .update(tournaments)
        .set({
          title: details.title,
          venue: details.venue,
          description: details.description,
          revision: sql`${tournaments.revision} + 1`,
          updatedAt: now,
        })
        .where(and(eq(tournaments.id, current.id), eq(tournaments.revision, details.revision))),
    ),
    rawStatement(
      db,
      `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
       SELECT ?, ?, 'tournament.edit', ?, ?, ? WHERE changes() = 1`,
      current.id,
      actorId,
      `tournament:${current.id}`,
      detail,
      now,
    ),
    statement(db, bumpCacheScopes(db, scopesForTournament(current.slug))),
  ]);
  if (update?.meta.changes !== 1) return { saved: false, reason: "stale" };
  return { saved: true, revision: details.revision + 1 };
}
