import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tournaments } from "../db/schema.ts";

export interface TournamentRef {
  id: number;
  slug: string;
  status: "draft" | "published";
}

const refColumns = { id: tournaments.id, slug: tournaments.slug, status: tournaments.status };

/**
 * The tournament an entry id names, if D1 knows it: checked before an object is woken, so an invented id
 * never creates one.
 */
export async function tournamentById(db: Db, id: number): Promise<TournamentRef | null> {
  return (await db.select(refColumns).from(tournaments).where(eq(tournaments.id, id)).get()) ?? null;
}

/** The condition every public read model starts from: the published tournament at this address. */
export function publishedWithSlug(slug: string): SQL {
  return and(eq(tournaments.slug, slug), eq(tournaments.status, "published")) as SQL;
}
