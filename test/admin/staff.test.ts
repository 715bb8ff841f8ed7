import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { staffInvitations, tournamentStaff } from "../../src/db/schema.ts";
import { person } from "../helpers/accounts.ts";
import { auditOf, db } from "../helpers/d1.ts";
import { texts } from "../helpers/html.ts";
import { cookieFrom, get, postForm } from "../helpers/http.ts";
import { linkIn, mailTo } from "../helpers/mail.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "./fixtures.ts";

async function staffRows(tournamentId: number) {
  return (await db.select().from(tournamentStaff).where(eq(tournamentStaff.tournamentId, tournamentId)).all()).map((s) => [s.userId, s.role]);
}

describe("staff", () => {
  it("invites an existing account by mail: access only after it accepts the link; removing it ends access", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    const colleague = await person({ email: `olga-${Date.now()}@example.test`, name: "Olga" });
    expect((await open(colleague, `/admin/t/${tournament.slug}/entries`)).status).toBe(403);

    const res = await send(owner, `/admin/t/${tournament.slug}/staff`, { email: colleague.user.email.toUpperCase(), role: "organiser" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toContain("done=invited");
    // Having an account with the address is not enough: the link must be accepted.
    expect((await open(colleague, `/admin/t/${tournament.slug}/entries`)).status).toBe(403);
    const mail = await mailTo(colleague.user.email, "You are invited");
    const link = linkIn(mail.text, "/account/invitations/");
    expect((await send(colleague, link)).status).toBe(303);
    expect((await open(colleague, `/admin/t/${tournament.slug}/entries`)).status).toBe(200);
    const list = await (await open(owner, `/admin/t/${tournament.slug}/staff`)).text();
    expect(await texts(list, "[data-testid=staff-member] th")).toEqual(expect.arrayContaining(["Olga"]));
    expect(await texts(list, "[data-testid=invitation]")).toEqual([]);

    const removed = await send(owner, `/admin/t/${tournament.slug}/staff/${colleague.user.id}/remove`);
    expect(removed.status).toBe(303);
    expect((await open(colleague, `/admin/t/${tournament.slug}/entries`)).status).toBe(403);
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["staff.invite", "staff.join", "staff.remove"]);
  });

  it("signing up with an invited address grants nothing (even an owner invitation) until the address is verified and the link accepted", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    const email = `new-owner-${Date.now()}@example.test`;
    const res = await send(owner, `/admin/t/${tournament.slug}/staff`, { email, role: "owner" });
    expect(res.status).toBe(303);
    const list = await (await open(owner, `/admin/t/${tournament.slug}/staff`)).text();
    expect(await texts(list, "[data-testid=invitation]")).toEqual([expect.stringContaining(email)]);

    const signUp = await postForm("/account/sign-up", { email, name: "Rita Claimant", club: "", password: "a long unusual passphrase 42" }, { hx: true });
    expect(signUp.status).toBe(204);
    const cookie = cookieFrom(signUp)!;
    expect((await get(`/admin/t/${tournament.slug}`, { cookie })).status).toBe(403);
    expect(await db.select().from(tournamentStaff).where(eq(tournamentStaff.tournamentId, tournament.id)).all()).toHaveLength(1);
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["staff.invite"]);
  });

  it("withdraws a pending invitation: its link stops working; an expired one is shown as expired", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    const invitee = await person({ email: `withdrawn-${Date.now()}@example.test` });
    await send(owner, `/admin/t/${tournament.slug}/staff`, { email: invitee.user.email, role: "range_officer" });
    const link = linkIn((await mailTo(invitee.user.email, "You are invited")).text, "/account/invitations/");
    expect((await send(owner, `/admin/t/${tournament.slug}/staff/invitations/cancel`, { email: invitee.user.email })).status).toBe(303);
    expect((await send(invitee, link)).status).toBe(410);
    expect((await open(invitee, `/admin/t/${tournament.slug}`)).status).toBe(403);

    const late = `late-${Date.now()}@example.test`;
    await send(owner, `/admin/t/${tournament.slug}/staff`, { email: late, role: "range_officer" });
    await db.update(staffInvitations).set({ expiresAt: Date.now() - 1 }).where(eq(staffInvitations.email, late));
    const list = await (await open(owner, `/admin/t/${tournament.slug}/staff`)).text();
    expect(await texts(list, "[data-testid=invitation]")).toEqual([expect.stringContaining("expired")]);
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["staff.invite", "staff.uninvite", "staff.invite"]);
  });

  it("lets an organiser manage range officers only, and never removes the last owner", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    const organiser = await staffOf(tournament.id, "organiser");
    const officer = await staffOf(tournament.id, "range_officer");
    const before = await staffRows(tournament.id);

    const promote = await send(organiser, `/admin/t/${tournament.slug}/staff`, { email: `x-${Date.now()}@example.test`, role: "organiser" });
    expect(promote.status).toBe(403);
    const removeOwner = await send(organiser, `/admin/t/${tournament.slug}/staff/${owner.user.id}/remove`);
    expect(removeOwner.status).toBe(403);
    expect(await texts(await removeOwner.text(), "#staff-problem")).toEqual(["Only the owner can remove an owner."]);
    expect(await staffRows(tournament.id)).toEqual(before);

    const lastOwner = await send(owner, `/admin/t/${tournament.slug}/staff/${owner.user.id}/remove`);
    expect(lastOwner.status).toBe(422);
    expect(await texts(await lastOwner.text(), "#staff-problem")).toEqual([expect.stringContaining("at least one owner")]);
    expect(await staffRows(tournament.id)).toEqual(before);

    expect((await send(organiser, `/admin/t/${tournament.slug}/staff/${officer.user.id}/remove`)).status).toBe(303);
    expect((await open(officer, `/admin/t/${tournament.slug}`)).status).toBe(403);
  });

  it("answers a bad email with a field message and adds nobody", async () => {
    const { tournament } = await configuredTournament();
    const owner = await staffOf(tournament.id, "owner");
    const res = await send(owner, `/admin/t/${tournament.slug}/staff`, { email: "nobody", role: "organiser" });
    expect(res.status).toBe(422);
    expect(await texts(await res.text(), "#staff-email-error")).toEqual(["Enter an email address like name@example.com."]);
    expect(await staffRows(tournament.id)).toHaveLength(1);
  });
});
