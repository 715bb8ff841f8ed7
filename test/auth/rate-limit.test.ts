import { eq, lt } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  SIGN_IN_WINDOW_MS,
  SIGN_UP_LIMIT,
  SIGN_UP_WINDOW_MS,
} from "../../src/auth/rate-limit.ts";
import { signInFailures, signUps } from "../../src/db/schema.ts";
import { db } from "../helpers/d1.ts";
import { formError, freshAddress, freshEmail, signIn, signUp, STRONG_PASSWORD, userByEmail, userCount, userWithPassword } from "./support.ts";

// Fifty sign-ins, each a password derivation: more than vitest's 5 s on a loaded machine.
const MANY_REQUESTS_MS = 30_000;

afterEach(() => vi.restoreAllMocks());

async function failures(key: string) {
  return db.select().from(signInFailures).where(eq(signInFailures.key, key)).all();
}

describe("sign-in rate limit", () => {
  it("uses 5 failures per account and 50 per address within 15 minutes", () => {
    expect([ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, SIGN_IN_WINDOW_MS]).toEqual([5, 50, 15 * 60_000]);
  });

  it("refuses the account from an address after 5 failures there, even with the right password and without checking it", async () => {
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email });
    // From one address: failures from many addresses only slow the account down (test/security/sign-in-limits.test.ts).
    const address = freshAddress();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      const res = await signIn(email, `guess-${i}`, { headers: { "CF-Connecting-IP": address } });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    expect(await failures(`acct:${email}`)).toHaveLength(ACCOUNT_FAILURE_LIMIT);

    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    const res = await signIn(email.toUpperCase(), STRONG_PASSWORD, { headers: { "CF-Connecting-IP": address } });
    expect(res.status).toBe(429);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(Number(res.headers.get("Retry-After"))).toBeLessThanOrEqual(15 * 60);
    expect(formError(await res.text())).toBe("Too many failed sign-ins for this account. Try again in 15 minutes.");
    expect(derive).not.toHaveBeenCalled();
    // A refused attempt is not counted again, so waiting out the window is enough.
    expect(await failures(`acct:${email}`)).toHaveLength(ACCOUNT_FAILURE_LIMIT);
  });

  it("names the time left until the oldest counted failure leaves the window", async () => {
    const email = freshEmail();
    const address = freshAddress();
    const tenMinutesAgo = Date.now() - 10 * 60_000;
    await db
      .insert(signInFailures)
      .values(Array.from({ length: ACCOUNT_FAILURE_LIMIT }, (_, i) => ({ key: `pair:${email}|${address}`, at: tenMinutesAgo + i })))
      .run();
    const res = await signIn(email, "whatever-it-is", { headers: { "CF-Connecting-IP": address } });
    expect(res.status).toBe(429);
    expect(formError(await res.text())).toBe("Too many failed sign-ins for this account. Try again in 5 minutes.");
  });

  it("refuses an address after 50 failures across different emails, but not other addresses", async () => {
    const address = freshAddress();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) {
      const res = await signIn(freshEmail(`spray${i}`), "password-spray", { headers: { "CF-Connecting-IP": address } });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email });
    const limited = await signIn(email, STRONG_PASSWORD, { headers: { "CF-Connecting-IP": address } });
    expect(limited.status).toBe(429);
    expect(formError(await limited.text())).toBe("Too many failed sign-ins from your network. Try again in 15 minutes.");

    const elsewhere = await signIn(email, STRONG_PASSWORD, { headers: { "CF-Connecting-IP": freshAddress() } });
    expect(elsewhere.status).toBe(303);
  }, MANY_REQUESTS_MS);

  it("counts requests without CF-Connecting-IP under one local address", async () => {
    const email = freshEmail();
    await signIn(email, "first-guess");
    expect(await failures("addr:local")).not.toHaveLength(0);
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email });
    const call = { headers: { "CF-Connecting-IP": freshAddress() } };
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) expect((await signIn(email, `guess-${i}`, call)).status).toBe(401);
    expect((await signIn(email, STRONG_PASSWORD, call)).status).toBe(303);
    expect(await failures(`acct:${email}`)).toHaveLength(0);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) expect((await signIn(email, `again-${i}`, call)).status).toBe(401);
    expect((await signIn(email, STRONG_PASSWORD, call)).status).toBe(303);
  });

  it("ignores failures older than the window and deletes them at the next write", async () => {
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email });
    const old = Date.now() - SIGN_IN_WINDOW_MS - 60_000;
    await db
      .insert(signInFailures)
      .values(Array.from({ length: 10 }, (_, i) => ({ key: i % 2 ? `acct:${email}` : `addr:elsewhere-${i}`, at: old })))
      .run();
    const call = { headers: { "CF-Connecting-IP": freshAddress() } };
    expect((await signIn(email, "wrong-once", call)).status).toBe(401);
    const stale = await db.select().from(signInFailures).where(lt(signInFailures.at, Date.now() - SIGN_IN_WINDOW_MS)).all();
    expect(stale).toEqual([]);
    expect(await failures(`acct:${email}`)).toHaveLength(1);
    expect((await signIn(email, STRONG_PASSWORD, call)).status).toBe(303);
  });

  it("does not count a form sent without a password", async () => {
    const email = freshEmail();
    const res = await signIn(email, "", { headers: { "CF-Connecting-IP": freshAddress() } });
    expect(res.status).toBe(422);
    expect(await failures(`acct:${email}`)).toEqual([]);
  });
});

describe("sign-up rate limit", () => {
  const recentSignUps = (address: string, n: number, at = Date.now() - 60_000) =>
    db.insert(signUps).values(Array.from({ length: n }, () => ({ address, at }))).run();
  const account = (label: string) => ({ email: freshEmail(label), name: "New Shooter", club: "", password: STRONG_PASSWORD });

  it("allows 50 new accounts per address and hour", () => {
    expect([SIGN_UP_LIMIT, SIGN_UP_WINDOW_MS]).toEqual([50, 60 * 60_000]);
  });

  it("refuses the 51st account from one address within the hour, with a wait, and creates nothing", async () => {
    const address = freshAddress();
    const call = { headers: { "CF-Connecting-IP": address } };
    await recentSignUps(address, SIGN_UP_LIMIT - 1);
    expect((await signUp(account("fiftieth"), call)).status).toBe(303);

    const before = await userCount();
    const refused = account("fifty-first");
    const res = await signUp(refused, call);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(58 * 60);
    expect(res.headers.getSetCookie()).toEqual([]);
    const html = await res.text();
    expect(/id="sign-up-error"[^>]*>([^<]*)</.exec(html)?.[1]).toBe("Too many new accounts from your network. Try again in 59 minutes.");
    // What was typed stays in the form, except the password.
    expect(html).toContain(`value="${refused.email}"`);
    expect(html).not.toContain(STRONG_PASSWORD);
    expect(await userCount()).toBe(before);
    expect(await userByEmail(refused.email)).toBeUndefined();

    const htmx = await signUp(account("htmx"), { ...call, hx: true });
    expect(htmx.status).toBe(429);
    expect(await htmx.text()).toMatch(/^<form/);
    expect((await signUp(account("elsewhere"), { headers: { "CF-Connecting-IP": freshAddress() } })).status).toBe(303);
  });

  it("does not count sign-ups older than the hour, and deletes them at the next one", async () => {
    const address = freshAddress();
    await recentSignUps(address, SIGN_UP_LIMIT, Date.now() - SIGN_UP_WINDOW_MS - 60_000);
    expect((await signUp(account("after-an-hour"), { headers: { "CF-Connecting-IP": address } })).status).toBe(303);
    const kept = await db.select().from(signUps).where(eq(signUps.address, address)).all();
    expect(kept).toHaveLength(1);
  });
});
