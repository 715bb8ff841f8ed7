import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EDITORS } from "../../auth/roles.ts";
import { currentUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { type Errors, formText, type Values } from "../../lib/forms.ts";
import { notHere } from "../../lib/refusal.ts";
import { formBody } from "../../middleware/validate.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { addStaff, cancelInvitation, GRANTABLE, listStaff, removeStaff, staffForm } from "../../queries/admin/staff.ts";
import { ROLE_LABEL } from "../../views/admin/layout.tsx";
import { enqueueMail, mailOrigin } from "../../mail/enqueue.ts";
import { canRemove, StaffView } from "../../views/admin/staff.tsx";
import { forStaff } from "./loaders.ts";
import { adminPage, redirectWith, typedValues } from "./respond.tsx";

/** The staff of a tournament: owners manage everyone, organisers their range officers. */
export const staffRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);

const NOTICES: Record<string, string> = {
  invited: "Invitation sent: they get the role when they open the link, signed in with this confirmed address.",
  removed: "Removed: their access ended at once.",
  cancelled: "Invitation withdrawn: its link no longer works.",
};

/** The staff page (status already set when its form was refused). */
async function staffPage(c: Context<AppEnv>, values: Values, errors: Errors, status?: ContentfulStatusCode) {
  const t = c.get("tournament");
  const { members, invitations } = await listStaff(c.get("db"), t.id);
  return adminPage(
    c,
    { section: "staff", title: "Staff", status },
    <StaffView
      slug={t.slug}
      myRole={c.get("role")}
      myId={currentUser(c).id}
      members={members}
      invitations={invitations}
      now={Date.now()}
      zone={t.timeZone}
      values={values}
      errors={errors}
      notice={NOTICES[c.req.query("done") ?? ""]}
    />,
  );
}

staffRoutes.get("/t/:slug/staff", editors, (c) => staffPage(c, {}, {}));

const STAFF_FIELDS = ["email", "role"] as const;
const staffBody = formBody(staffForm, { fields: STAFF_FIELDS, invalid: (c, { values, errors }) => staffPage(c, values, errors) });

staffRoutes.post("/t/:slug/staff", editors, staffBody, async (c) => {
  const t = c.get("tournament");
  const { email, role } = c.req.valid("form");
  const values = await typedValues(c, STAFF_FIELDS);
  if (!GRANTABLE[c.get("role")].includes(role)) {
    return staffPage(c, values, { role: "Only the owner can make someone an organiser or an owner." }, 403);
  }
  const outcome = await addStaff(c.get("db"), t.id, email, role, currentUser(c).id);
  if (outcome.outcome === "already") {
    return staffPage(c, values, { email: `${outcome.name} is already on the staff (${ROLE_LABEL[outcome.role]}). Remove them first to change the role.` }, 422);
  }
  const me = currentUser(c);
  await enqueueMail(c.env.MAIL_QUEUE, [
    {
      key: `invite:${outcome.token.slice(0, 16)}`,
      to: email,
      origin: mailOrigin(c.env, c.req.url),
      body: {
        kind: "invitation",
        tournament: { title: t.title, timeZone: t.timeZone, slug: t.slug },
        role: ROLE_LABEL[role],
        invitedBy: me.name,
        link: `/account/invitations/${outcome.token}`,
        expiresAt: outcome.expiresAt,
      },
    },
  ]);
  return redirectWith(c, `/admin/t/${t.slug}/staff`, { done: outcome.outcome });
});

staffRoutes.post("/t/:slug/staff/:userId/remove", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const me = currentUser(c).id;
  const userId = idParam(c.req.param("userId"));
  const { members } = await listStaff(db, t.id);
  const member = members.find((m) => m.userId === userId);
  if (!member || userId === null) throw notHere("Staff member");
  if (!canRemove(c.get("role"), member.role)) {
    return staffPage(c, {}, { form: `Only the owner can remove ${member.role === "owner" ? "an owner" : "an organiser"}.` }, 403);
  }
  const outcome = await removeStaff(db, t.id, userId, me);
  if (outcome.outcome === "last_owner") {
    return staffPage(c, {}, { form: "A tournament keeps at least one owner: make someone else owner before removing the last one." }, 422);
  }
  if (outcome.outcome === "not_found") throw notHere("Staff member");
  // Removing yourself ends your access: go back to your list.
  if (userId === me) return redirectWith(c, "/admin");
  return redirectWith(c, `/admin/t/${t.slug}/staff`, { done: "removed" });
});

staffRoutes.post("/t/:slug/staff/invitations/cancel", editors, async (c) => {
  const t = c.get("tournament");
  const email = formText(await c.req.parseBody(), ["email"]).email.trim().toLowerCase();
  const { invitations } = await listStaff(c.get("db"), t.id);
  const invitation = invitations.find((i) => i.email === email);
  if (!invitation) throw notHere("Invitation");
  if (!canRemove(c.get("role"), invitation.role)) return staffPage(c, {}, { form: "Only the owner can cancel this invitation." }, 403);
  await cancelInvitation(c.get("db"), t.id, email, currentUser(c).id);
  return redirectWith(c, `/admin/t/${t.slug}/staff`, { done: "cancelled" });
});
