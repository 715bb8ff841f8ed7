import { createMiddleware } from "hono/factory";
import { SCORERS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import type { Refusal } from "../../lib/refusal.ts";
import { requireStaff, tournamentBySlug } from "../../middleware/tournament.ts";

/**
 * The tournament of the path (`c.var.tournament`), for its owner, organisers and range officers only;
 * from here on an htmx form's refusal takes the card's place.
 */
export const scoringStaff = [
  createMiddleware<AppEnv>(async (c, next) => {
    c.set("refusalFragment", (refusal) => <CardRefusal refusal={refusal} />);
    await next();
  }),
  tournamentBySlug(),
  requireStaff(SCORERS, {
    notStaff: {
      title: "Not scoring staff",
      detail: "Only this tournament's range officers, organisers and owner may enter shots. Ask the organiser to add you as a range officer.",
    },
  }),
] as const;

/**
 * A refusal in the card's place for an htmx form, so an error never pastes a whole page into the card
 * (pages get the error page).
 */
export function CardRefusal({ refusal }: { refusal: Refusal }) {
  return (
    <section id="scorecard" class="scorecard">
      <p class="notice error" role="alert">
        <strong>{refusal.title}.</strong> {refusal.detail}
      </p>
    </section>
  );
}
