import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { findUsableToken, useToken } from "../../auth/account-tokens.ts";
import type { StaffRole } from "../../auth/roles.ts";
import { currentUser, requireUser, requireVerified } from "../../auth/session.ts";
import { tournaments } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { toSignIn } from "../../middleware/errors.tsx";
import { acceptInvitation } from "../../queries/admin/staff.ts";
import { ROLE_LABEL } from "../../views/admin/layout.tsx";
import { InvitationPage, type InvitationView } from "../../views/account/invitation.tsx";
import { redirectAfterForm } from "./respond.ts";

/** Staff invitation links: the role goes only to a signed-in account whose confirmed address is the invited one. */
export const invitationRoutes = new Hono<AppEnv>();

async function invitationFor(c: Context<AppEnv>, token: string): Promise<(InvitationView & { tournamentId: number; slug: string }) | null> {
  const db = c.get("db");
  const found = await findUsableToken(db, "invite", token);
  if (!found || found.tournamentId === null) return null;
  const t = await db.select({ title: tournaments.title, slug: tournaments.slug }).from(tournaments).where(eq(tournaments.id, found.tournamentId)).get();
  if (!t) return null;
  const role = ROLE_LABEL[found.subject as StaffRole] ?? found.subject;
  return { token, email: found.email, tournamentTitle: t.title, slug: t.slug, role, tournamentId: found.tournamentId };
}

invitationRoutes.get("/invitations/:token", async (c) => {
  if (!c.get("user")) return toSignIn(c);
  const invitation = await invitationFor(c, c.req.param("token"));
  if (!invitation) c.status(410);
  return c.render(<InvitationPage invitation={invitation} user={currentUser(c)} />, { title: "Staff invitation", noindex: true });
});

invitationRoutes.post("/invitations/:token", requireUser, requireVerified, async (c) => {
  const token = c.req.param("token");
  const user = currentUser(c);
  const invitation = await invitationFor(c, token);
  const gone = () => new Refusal(410, { title: "Invitation no longer open", detail: "It was accepted, withdrawn, or is older than 14 days. Ask the organiser to invite you again." });
  if (!invitation) throw gone();
  // Checked before the link is used up, so opening it in the wrong account does not spend it.
  if (invitation.email !== user.email) {
    throw new Refusal(403, { title: "Invitation for another address", detail: `This invitation is for ${invitation.email}; you are signed in as ${user.email}.` });
  }
  const outcome = await acceptInvitation(c.get("db"), invitation.tournamentId, user.email, user.id);
  if (outcome.outcome === "gone" || outcome.outcome === "expired") throw gone();
  await useToken(c.get("db"), "invite", token);
  return redirectAfterForm(c, `/admin/t/${invitation.slug}`);
});
