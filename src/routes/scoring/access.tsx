import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { tournaments } from "../../db/schema.ts";
import { currentUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { refuse } from "../../lib/refuse.tsx";
import { isHtmx } from "../account/respond.ts";
import { isScoringStaff } from "../api/shots.ts";

export interface StaffTournament {
  id: number;
  slug: string;
  title: string;
  timeZone: string;
}

/**
 * A refusal where the asker reads it: a page for a page, the card's place for an htmx form, so an error
 * never pastes a whole page into the card.
 */
export function refuseScoring(c: Context<AppEnv>, status: ContentfulStatusCode, title: string, detail: string) {
  if (!isHtmx(c)) return refuse(c, status, title, detail);
  c.header("Cache-Control", "no-store");
  return c.html(
    <section id="scorecard" class="scorecard">
      <p class="notice error" role="alert">
        <strong>{title}.</strong> {detail}
      </p>
    </section>,
    status,
  );
}

/** The tournament of the path, when the signed-in user is its owner, an organiser or a range officer. */
export async function staffTournament(c: Context<AppEnv>): Promise<StaffTournament | Response> {
  const db = c.get("db");
  const found = await db
    .select({ id: tournaments.id, slug: tournaments.slug, title: tournaments.title, timeZone: tournaments.timeZone })
    .from(tournaments)
    .where(eq(tournaments.slug, c.req.param("slug") ?? ""))
    .get();
  if (!found) return refuseScoring(c, 404, "Tournament not found", "There is no tournament at this address.");
  if (!(await isScoringStaff(db, found.id, currentUser(c).id))) {
    return refuseScoring(
      c,
      403,
      "Not scoring staff",
      "Only this tournament's range officers, organisers and owner may enter shots. Ask the organiser to add you as a range officer.",
    );
  }
  return found;
}
