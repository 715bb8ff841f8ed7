import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { findUsableToken, useToken } from "../../auth/account-tokens.ts";
import { currentUser, requireUser, requireVerified } from "../../auth/session.ts";
import { tournaments } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { toSignIn } from "../../middleware/errors.tsx";
import { TournamentClient } from "../../object-client/client.ts";
import { REFUSALS } from "../../object-client/refusals.ts";
import { ClaimPage, type ClaimView } from "../../views/account/claim.tsx";
import { redirectAfterForm } from "./respond.ts";

/** Walk-up claim links: a signed-in account whose confirmed address got the link takes the entry over. */
export const claimRoutes = new Hono<AppEnv>();

async function claimFor(c: Context<AppEnv>, token: string) {
  const db = c.get("db");
  const found = await findUsableToken(db, "claim", token);
  if (!found || found.tournamentId === null || found.userId === null) return null;
  const t = await db.select({ title: tournaments.title }).from(tournaments).where(eq(tournaments.id, found.tournamentId)).get();
  if (!t) return null;
  const view: ClaimView = { token, email: found.email, tournamentTitle: t.title };
  return { view, tournamentId: found.tournamentId, entryId: found.subject, walkUpUserId: found.userId };
}

claimRoutes.get("/claims/:token", async (c) => {
  if (!c.get("user")) return toSignIn(c);
  const claim = await claimFor(c, c.req.param("token"));
  if (!claim) c.status(410);
  return c.render(<ClaimPage claim={claim?.view ?? null} user={currentUser(c)} />, { title: "Your walk-up entry", noindex: true });
});

claimRoutes.post("/claims/:token", requireUser, requireVerified, async (c) => {
  const token = c.req.param("token");
  const user = currentUser(c);
  const claim = await claimFor(c, token);
  if (!claim) throw new Refusal(410, { title: "Link no longer works", detail: "It was used already or has expired." });
  if (claim.view.email !== user.email) {
    throw new Refusal(403, { title: "Link for another address", detail: `This link was sent to ${claim.view.email}; you are signed in as ${user.email}.` });
  }
  const result = await TournamentClient.of(c, claim.tournamentId).call("reassign", {
    entryId: claim.entryId,
    fromUserId: claim.walkUpUserId,
    toUserId: user.id,
  });
  if (result.outcome === "refused") {
    throw new Refusal(REFUSALS[result.reason].status, { title: "Entry not added", detail: result.message });
  }
  await useToken(c.get("db"), "claim", token);
  return redirectAfterForm(c, "/me/entries");
});
