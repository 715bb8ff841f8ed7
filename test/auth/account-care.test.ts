import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/auth/password.ts";
import { SESSION_CACHE_MS } from "../../src/auth/session.ts";
import { TOKEN_CACHE_MS } from "../../src/auth/api-tokens.ts";
import { apiTokens, sessions, users } from "../../src/db/schema.ts";
import { csrfTokenFor } from "../../src/middleware/csrf.ts";
import { sessionCookie, tokenFor } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { get, postForm } from "../helpers/http.ts";
import { linkIn, mailTo } from "../helpers/mail.ts";
import { sha256 } from "../../src/lib/encoding.ts";
import { freshEmail, STRONG_PASSWORD, userByEmail, userWithPassword } from "./support.ts";

/** A signed-in session of a user with a password, with its form token. */
async function signedIn(userId: number) {
  const cookie = await sessionCookie(userId);
  return { cookie, csrf: await csrfTokenFor(await sha256(cookie.split("=")[1]!)) };
}

describe("account care", () => {
  it("changes the password only with the current one, and signs out the other devices", async () => {
    const user = await userWithPassword(STRONG_PASSWORD);
    const here = await signedIn(user.id);
    const elsewhere = await signedIn(user.id);
    const wrong = await postForm("/account/password", { _csrf: here.csrf, current: "not it at all", password: "a fresh passphrase 2031" }, { cookie: here.cookie });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("This is not your current password.");

    const ok = await postForm("/account/password", { _csrf: here.csrf, current: STRONG_PASSWORD, password: "a fresh passphrase 2031" }, { cookie: here.cookie });
    expect(ok.status).toBe(303);
    expect(await verifyPassword("a fresh passphrase 2031", (await userByEmail(user.email))!.passwordHash!)).toBe(true);
    expect((await get("/account", { cookie: here.cookie })).status).toBe(200);
    expect((await get("/account", { cookie: elsewhere.cookie })).status).toBe(303);
  });

  it("edits name and club with field messages for bad input", async () => {
    const user = await userWithPassword(STRONG_PASSWORD);
    const me = await signedIn(user.id);
    const bad = await postForm("/account/profile", { _csrf: me.csrf, name: " ", club: "" }, { cookie: me.cookie });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="profile-name-error"');
    const ok = await postForm("/account/profile", { _csrf: me.csrf, name: "Renamed Person", club: "New Club" }, { cookie: me.cookie });
    expect(ok.status).toBe(303);
    expect(await userByEmail(user.email)).toMatchObject({ name: "Renamed Person", club: "New Club" });
  });

  it("counts a new address only once its link is opened; until then the old one stays", async () => {
    const user = await userWithPassword(STRONG_PASSWORD);
    const me = await signedIn(user.id);
    const next = freshEmail("moved");
    const res = await postForm("/account/email", { _csrf: me.csrf, email: next, current: STRONG_PASSWORD }, { cookie: me.cookie });
    expect(res.status).toBe(303);
    expect(await userByEmail(user.email)).toMatchObject({ pendingEmail: next });
    const link = linkIn((await mailTo(next, "Confirm your new email address")).text, "/account/verify/");
    const confirmed = await postForm(link, { _csrf: me.csrf }, { cookie: me.cookie });
    expect(confirmed.status).toBe(303);
    const row = await db.select().from(users).where(eq(users.id, user.id)).get();
    expect(row).toMatchObject({ email: next, pendingEmail: null });
    expect(row!.emailVerifiedAt).toBeTypeOf("number");
  });

  it("signs out everywhere: every session of the account ends", async () => {
    const user = await userWithPassword(STRONG_PASSWORD);
    const here = await signedIn(user.id);
    const elsewhere = await signedIn(user.id);
    const res = await postForm("/account/sign-out-everywhere", { _csrf: here.csrf }, { cookie: here.cookie });
    expect(res.status).toBe(303);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([]);
    expect((await get("/account", { cookie: elsewhere.cookie })).status).toBe(303);
  });

  it("revalidates cached sessions within seconds, so an end in another isolate reaches this one", async () => {
    const user = await userWithPassword(STRONG_PASSWORD);
    const me = await signedIn(user.id);
    // The API reads sessions through the per-isolate cache.
    const entries = () => get("/api/v1/me/entries", { cookie: me.cookie });
    expect((await entries()).status).toBe(200);
    // Another isolate ends the session: only D1 changes, this isolate's cache still has it for a moment.
    await db.delete(sessions).where(eq(sessions.userId, user.id));
    expect((await entries()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_MS + 100));
    expect((await entries()).status).toBe(401);
  }, 15_000);

  it("revalidates cached API tokens within seconds, so a revocation elsewhere reaches this isolate", async () => {
    const user = await userWithPassword(STRONG_PASSWORD);
    const token = await tokenFor(user.id);
    const entries = () => get("/api/v1/me/entries", { headers: { Authorization: `Bearer ${token}` } });
    expect((await entries()).status).toBe(200);
    await db.update(apiTokens).set({ revokedAt: Date.now() }).where(eq(apiTokens.userId, user.id));
    expect((await entries()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, TOKEN_CACHE_MS + 100));
    expect((await entries()).status).toBe(401);
  }, 15_000);
});
