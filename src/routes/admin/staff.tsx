import { type Context, Hono } from "hono";
import { idParam } from "../../queries/admin/form-fields.ts";
import { addStaff, cancelInvitation, GRANTABLE, listStaff, removeStaff, staffForm } from "../../queries/admin/staff.ts";
import { type Errors, fieldErrors, formText } from "../../lib/forms.ts";
import { AdminPage, ROLE_LABEL } from "../../views/admin/layout.tsx";
import { canRemove, StaffView } from "../../views/admin/staff.tsx";
import { type AdminEnv, EDITORS, notHere, requireStaff } from "./guard.ts";
import { frame, redirectWith } from "./respond.ts";

/** The staff of a tournament: owners manage everyone, organisers their range officers. */
export const staffRoutes = new Hono<AdminEnv>();
const editors = requireStaff(EDITORS);

const NOTICES: Record<string, string> = {
  added: "Added: they have access now.",
  invited: "Invited: they get access when they sign up with this email.",
  removed: "Removed: their access ended at once.",
  cancelled: "Invitation cancelled.",
};

async function staffPage(c: Context<AdminEnv>, values: Record<string, string>, errors: Errors, status: 200 | 403 | 409 | 422 = 200) {
  const t = c.get("tournament");
  const { members, invitations } = await listStaff(c.get("db"), t.id);
  return c.html(
    <AdminPage {...frame(c)} section="staff" title="Staff">
      <StaffView
        slug={t.slug}
        csrf={c.get("csrf")}
        myRole={c.get("role")}
        myId={c.get("me").id}
        members={members}
        invitations={invitations}
        values={values}
        errors={errors}
        notice={NOTICES[c.req.query("done") ?? ""]}
      />
    </AdminPage>,
    status,
  );
}

staffRoutes.get("/t/:slug/staff", editors, (c) => staffPage(c, {}, {}));

staffRoutes.post("/t/:slug/staff", editors, async (c) => {
  const t = c.get("tournament");
  const values = formText(await c.req.parseBody(), ["email", "role"]);
  const parsed = staffForm.safeParse(values);
  if (!parsed.success) return staffPage(c, values, fieldErrors(parsed.error), 422);
  if (!GRANTABLE[c.get("role")].includes(parsed.data.role)) {
    return staffPage(c, values, { role: "Only the owner can make someone an organiser or an owner." }, 403);
  }
  const outcome = await addStaff(c.get("db"), t.id, parsed.data.email, parsed.data.role, c.get("me").id);
  if (outcome.outcome === "already") {
    return staffPage(c, values, { email: `${outcome.name} is already on the staff (${ROLE_LABEL[outcome.role]}). Remove them first to change the role.` }, 422);
  }
  return redirectWith(c, `/admin/t/${t.slug}/staff`, { done: outcome.outcome });
});

staffRoutes.post("/t/:slug/staff/:userId/remove", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const userId = idParam(c.req.param("userId"));
  const { members } = await listStaff(db, t.id);
  const member = members.find((m) => m.userId === userId);
  if (!member || userId === null) return notHere(c, "Staff member");
  if (!canRemove(c.get("role"), member.role)) {
    return staffPage(c, {}, { form: `Only the owner can remove ${member.role === "owner" ? "an owner" : "an organiser"}.` }, 403);
  }
  const outcome = await removeStaff(db, t.id, userId, c.get("me").id);
  if (outcome.outcome === "last_owner") {
    return staffPage(c, {}, { form: "A tournament keeps at least one owner: make someone else owner before removing the last one." }, 422);
  }
  if (outcome.outcome === "not_found") return notHere(c, "Staff member");
  // Removing yourself ends your access: go back to your list.
  if (userId === c.get("me").id) return redirectWith(c, "/admin");
  return redirectWith(c, `/admin/t/${t.slug}/staff`, { done: "removed" });
});

staffRoutes.post("/t/:slug/staff/invitations/cancel", editors, async (c) => {
  const t = c.get("tournament");
  const email = formText(await c.req.parseBody(), ["email"]).email!.trim().toLowerCase();
  const { invitations } = await listStaff(c.get("db"), t.id);
  const invitation = invitations.find((i) => i.email === email);
  if (!invitation) return notHere(c, "Invitation");
  if (!canRemove(c.get("role"), invitation.role)) return staffPage(c, {}, { form: "Only the owner can cancel this invitation." }, 403);
  await cancelInvitation(c.get("db"), t.id, email, c.get("me").id);
  return redirectWith(c, `/admin/t/${t.slug}/staff`, { done: "cancelled" });
});
