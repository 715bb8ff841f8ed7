import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { issueToken } from "../../src/auth/account-tokens.ts";
import { sessions, staffInvitations, tournamentStaff, users } from "../../src/db/schema.ts";
import { person } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { cookieFrom, get, postForm, sendJson } from "../helpers/http.ts";
import { linkIn, mailTo } from "../helpers/mail.ts";
import { createTournament } from "../helpers/tournaments.ts";
import { freshEmail, signUp, STRONG_PASSWORD, userByEmail, userWithPassword } from "./support.ts";

const form = (p: { cookie: string; csrf: string }) => ({ cookie: p.cookie });

describe("verification by mail", () => {
  it("signs up unverified, mails a link through the queue, and the link confirms the address once", async () => {
    const email = freshEmail("verify");
    const res = await signUp({ email, name: "Vera Link", club: "", password: STRONG_PASSWORD });
    expect(res.status).toBe(303);
    const cookie = cookieFrom(res);
    expect((await userByEmail(email))?.emailVerifiedAt).toBeNull();

    const mail = await mailTo(email, "Confirm your email address");
    expect(mail.text).toContain("Hello Vera Link");
    const link = linkIn(mail.text, "/account/verify/");
    // Opening the link shows a button; only the POST uses it (mail scanners fetch links).
    const page = await get(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Confirm this address");
    expect((await userByEmail(email))?.emailVerifiedAt).toBeNull();

    const token = /name="_csrf" value="([^"]+)"/.exec(await (await get(link, { cookie })).text())?.[1] ?? "";
    const confirmed = await postForm(link, { _csrf: token }, { cookie });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("Location")).toBe("/account?done=verified");
    expect((await userByEmail(email))?.emailVerifiedAt).toBeTypeOf("number");

    const again = await postForm(link, { _csrf: token }, { cookie });
    expect(again.status).toBe(410);
  });

  it("refuses an expired link", async () => {
    const user = await userWithPassword(STRONG_PASSWORD, { verified: false });
    const { token } = await issueToken(db, { purpose: "verify", email: user.email, userId: user.id }, Date.now() - 25 * 3_600_000);
    const res = await postForm(`/account/verify/${token}`, { _csrf: "x" }, { headers: { "HX-Request": "true" } });
    expect(res.status).toBe(410);
    expect((await userByEmail(user.email))?.emailVerifiedAt).toBeNull();
  });

  it("refuses an unverified account registration (form and API), tournament creation and staff invitations", async () => {
    const { tournament: t } = await createTournament();
    const p = await person({ verified: false });
    const viaForm = await postForm(`/me/t/${t.slug}/entries`, { _csrf: p.csrf, event: "1", relay: "any", key: "k-unverified-1" }, form(p));
    expect(viaForm.status).toBe(403);
    expect(await viaForm.text()).toContain("Send the link again");

    const viaApi = await sendJson("POST", `/api/v1/tournaments/${t.slug}/entries`, { event: 1, relay: "any" }, {
      cookie: p.cookie,
      headers: { "Idempotency-Key": "unverified-api-1" },
    });
    expect(viaApi.status).toBe(403);
    expect(((await viaApi.json()) as { detail: string }).detail).toContain("Confirm your email address");

    const creating = await get("/admin/new", { cookie: p.cookie });
    expect(creating.status).toBe(403);
  });

  it("rate-limits 'send the link again'", async () => {
    const p = await person({ verified: false });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await postForm("/account/verify/resend", { _csrf: p.csrf }, form(p))).status);
    expect(statuses).toEqual([303, 303, 303, 429]);
  });
});

describe("password reset", () => {
  it("answers the same for a known and an unknown address, and mails only the known one", async () => {
    const user = await userWithPassword(STRONG_PASSWORD);
    const tokenPage = await get("/account/forgot");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await tokenPage.text())?.[1] ?? "";
    const known = await postForm("/account/forgot", { _csrf: csrf, email: user.email });
    const unknown = await postForm("/account/forgot", { _csrf: csrf, email: freshEmail("nobody") });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string) => html.replace(/(value|nonce)="[^"]*"/g, "");
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    const mail = await mailTo(user.email, "Reset your Tenring password");
    expect(linkIn(mail.text, "/account/reset/")).toMatch(/^\/account\/reset\/[A-Za-z0-9_-]{43}$/);
  });

  it("sets the new password once, ends every session, and refuses the used or expired link", async () => {
    const user = await userWithPassword(STRONG_PASSWORD);
    const other = await person();
    await db.update(sessions).set({ userId: user.id }).where(eq(sessions.userId, other.user.id));
    const { token } = await issueToken(db, { purpose: "reset", email: user.email, userId: user.id });
    const res = await postForm(`/account/reset/${token}`, { password: "a brand new passphrase 2027" }, { headers: { "HX-Request": "true" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("HX-Redirect")).toBe("/account/sign-in?done=password-reset");
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([]);
    // The old session is refused at once.
    expect((await get("/account", { cookie: other.cookie })).status).toBe(303);

    const reused = await postForm(`/account/reset/${token}`, { password: "another new passphrase 2028" }, { headers: { "HX-Request": "true" } });
    expect(reused.status).toBe(410);
    const { token: old } = await issueToken(db, { purpose: "reset", email: user.email, userId: user.id }, Date.now() - 61 * 60_000);
    expect((await get(`/account/reset/${old}`)).status).toBe(410);
  });
});

describe("staff invitations", () => {
  it("grants the role only to a signed-in account whose verified address is the invited one", async () => {
    const { tournament: t } = await createTournament();
    const owner = await person();
    await db.insert(tournamentStaff).values({ tournamentId: t.id, userId: owner.user.id, role: "owner" });
    const invitedEmail = freshEmail("invited");
    const added = await postForm(`/admin/t/${t.slug}/staff`, { _csrf: owner.csrf, email: invitedEmail, role: "range_officer" }, form(owner));
    expect(added.status).toBe(303);
    const mail = await mailTo(invitedEmail, "You are invited");
    expect(mail.text).toContain(t.title);
    expect(mail.text).toContain(`times in ${t.timeZone}`);
    const link = linkIn(mail.text, "/account/invitations/");

    // Nobody got a role by signing up with the address.
    const unverified = await person({ email: invitedEmail, verified: false });
    const refusedUnverified = await postForm(link, { _csrf: unverified.csrf }, form(unverified));
    expect(refusedUnverified.status).toBe(403);

    const stranger = await person();
    const refusedStranger = await postForm(link, { _csrf: stranger.csrf }, form(stranger));
    expect(refusedStranger.status).toBe(403);

    await db.update(users).set({ emailVerifiedAt: Date.now() }).where(eq(users.id, unverified.user.id));
    const accepted = await postForm(link, { _csrf: unverified.csrf }, form(unverified));
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("Location")).toBe(`/admin/t/${t.slug}`);
    const staff = await db.select().from(tournamentStaff).where(eq(tournamentStaff.userId, unverified.user.id)).all();
    expect(staff).toEqual([{ tournamentId: t.id, userId: unverified.user.id, role: "range_officer" }]);
    expect((await postForm(link, { _csrf: unverified.csrf }, form(unverified))).status).toBe(410);
  });

  it("refuses an invitation link after 14 days", async () => {
    const { tournament: t } = await createTournament();
    const owner = await person();
    await db.insert(tournamentStaff).values({ tournamentId: t.id, userId: owner.user.id, role: "owner" });
    const invited = await person({ email: freshEmail("late") });
    await postForm(`/admin/t/${t.slug}/staff`, { _csrf: owner.csrf, email: invited.user.email, role: "range_officer" }, form(owner));
    const link = linkIn((await mailTo(invited.user.email, "You are invited")).text, "/account/invitations/");
    await db.update(staffInvitations).set({ expiresAt: Date.now() - 1 }).where(eq(staffInvitations.email, invited.user.email));
    expect((await postForm(link, { _csrf: invited.csrf }, form(invited))).status).toBe(410);
    expect(await db.select().from(tournamentStaff).where(eq(tournamentStaff.userId, invited.user.id)).all()).toEqual([]);
  });
});
