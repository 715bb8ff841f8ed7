import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ACCOUNT_FAILURE_LIMIT, ACCOUNT_SLOWDOWN_AFTER } from "../../src/auth/rate-limit.ts";
import { signInFailures } from "../../src/db/schema.ts";
import { db } from "../helpers/d1.ts";
import { formError, freshAddress, freshEmail, signIn, STRONG_PASSWORD, userWithPassword } from "../auth/support.ts";

afterEach(() => vi.restoreAllMocks());

const failures = async (key: string) => (await db.select().from(signInFailures).where(eq(signInFailures.key, key)).all()).length;
const from = (address: string) => ({ headers: { "CF-Connecting-IP": address } });

/** Issue 10, finding 5: sign-in limits that cannot lock an owner out, counted atomically. */
describe("sign-in limits", () => {
  it("let the right password in from a new address after 5 failures from elsewhere, only slowed down", async () => {
    const email = freshEmail("target");
    await userWithPassword(STRONG_PASSWORD, { email });
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      expect((await signIn(email, `guess-${i}`, from(freshAddress()))).status, `guess ${i + 1}`).toBe(401);
    }
    expect(ACCOUNT_SLOWDOWN_AFTER).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
    const started = Date.now();
    const owner = await signIn(email, STRONG_PASSWORD, from(freshAddress()));
    expect(owner.status).toBe(303);
    // The account is under attack: the answer waited (at least a second) rather than refusing.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("refuses an account-and-address pair after 5 failures without checking the password; other addresses still try", async () => {
    const email = freshEmail("pair");
    await userWithPassword(STRONG_PASSWORD, { email });
    const address = freshAddress();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect((await signIn(email, `guess-${i}`, from(address))).status).toBe(401);
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    const refused = await signIn(email, STRONG_PASSWORD, from(address));
    expect(refused.status).toBe(429);
    expect(formError(await refused.text())).toBe("Too many failed sign-ins for this account. Try again in 15 minutes.");
    expect(derive).not.toHaveBeenCalled();
    expect((await signIn(email, "another-guess", from(freshAddress()))).status).toBe(401);
  });

  it("counts 20 parallel wrong guesses from one address at most up to the limit, checking no more passwords than that", async () => {
    const email = freshEmail("parallel");
    await userWithPassword(STRONG_PASSWORD, { email });
    const address = freshAddress();
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(email, `parallel-${i}`, from(address))));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - ACCOUNT_FAILURE_LIMIT);
    expect(derive.mock.calls.length).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
    expect(await failures(`acct:${email}`)).toBe(ACCOUNT_FAILURE_LIMIT);
    expect(await failures(`addr:${address}`)).toBe(ACCOUNT_FAILURE_LIMIT);
  });
});
