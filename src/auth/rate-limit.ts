import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { signInFailures } from "../db/schema.ts";

/** Failed sign-ins allowed inside the sliding window before further attempts are refused unchecked. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 50;

export interface SignInKeys {
  account: string;
  address: string;
}

export type SignInLimit = { limited: false } | { limited: true; scope: "account" | "address"; retryAt: number };

export function signInKeys(email: string, address: string | undefined): SignInKeys {
  return { account: `acct:${email.trim().toLowerCase()}`, address: `addr:${address?.trim() || "local"}` };
}

export async function checkSignInLimit(db: Db, keys: SignInKeys, now = Date.now()): Promise<SignInLimit> {
  const [account, address] = await Promise.all([
    retryAt(db, keys.account, ACCOUNT_FAILURE_LIMIT, now),
    retryAt(db, keys.address, ADDRESS_FAILURE_LIMIT, now),
  ]);
  // Both may be exceeded: the caller must wait for the later one.
  if (account !== null && (address === null || account >= address)) {
    return { limited: true, scope: "account", retryAt: account };
  }
  if (address !== null) return { limited: true, scope: "address", retryAt: address };
  return { limited: false };
}

/** When the key drops back below its limit, or null if it is below already. */
async function retryAt(db: Db, key: string, limit: number, now: number): Promise<number | null> {
  const recent = await db
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.at, now - SIGN_IN_WINDOW_MS)))
    .orderBy(desc(signInFailures.at))
    .limit(limit)
    .all();
  const oldestCounted = recent[limit - 1];
  return oldestCounted ? oldestCounted.at + SIGN_IN_WINDOW_MS : null;
}

/** Counts one failure against both keys and drops every row the window has passed, so the table stays small. */
export async function recordSignInFailure(db: Db, keys: SignInKeys, now = Date.now()): Promise<void> {
  await db.batch([
    db.insert(signInFailures).values([
      { key: keys.account, at: now },
      { key: keys.address, at: now },
    ]),
    db.delete(signInFailures).where(lt(signInFailures.at, now - SIGN_IN_WINDOW_MS)),
  ]);
}

export async function clearAccountFailures(db: Db, keys: SignInKeys): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, keys.account));
}
