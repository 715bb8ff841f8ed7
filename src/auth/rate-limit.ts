import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client.ts";
import { signInFailures, signUps } from "../db/schema.ts";

/** Failed sign-ins allowed inside the sliding window before further attempts are refused unchecked. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 50;

export interface SignInKeys {
  account: string;
  address: string;
}

export type SignInLimit = { limited: false } | { limited: true; scope: "account" | "address"; retryAt: number };

/** The client's address as the edge reports it; "local" where there is no edge (wrangler dev, tests). */
export function networkAddress(header: string | undefined): string {
  return header?.trim() || "local";
}

export function signInKeys(email: string, address: string | undefined): SignInKeys {
  return { account: `acct:${email.trim().toLowerCase()}`, address: `addr:${networkAddress(address)}` };
}

/** How long until `retryAt`, in whole minutes for a message ("1 minute", "12 minutes"). */
export function waitText(retryAt: number, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((retryAt - now) / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** The Retry-After header's value for `retryAt`, in whole seconds (at least 1). */
export function retryAfterSeconds(retryAt: number, now = Date.now()): string {
  return String(Math.max(1, Math.ceil((retryAt - now) / 1000)));
}

/** A sliding-window log: one row per counted event, under a key, with its time. */
interface EventWindow {
  table: SQLiteTable;
  key: SQLiteColumn;
  at: SQLiteColumn;
  windowMs: number;
}

/** When the key drops back below `limit` events inside the window, or null if it is below already. */
async function windowRetryAt(db: Db, w: EventWindow, key: string, limit: number, now: number): Promise<number | null> {
  const newestFirst = await db
    .select({ at: w.at })
    .from(w.table)
    .where(and(eq(w.key, key), gt(w.at, now - w.windowMs)))
    .orderBy(desc(w.at))
    .limit(limit)
    .all();
  const oldestCounted = newestFirst[limit - 1];
  return oldestCounted ? Number(oldestCounted.at) + w.windowMs : null;
}

/** Deletes every row the window has passed, so the table stays small. */
function pruneWindow(db: Db, w: EventWindow, now: number) {
  return db.delete(w.table).where(lt(w.at, now - w.windowMs));
}

const SIGN_IN_FAILURES: EventWindow = { table: signInFailures, key: signInFailures.key, at: signInFailures.at, windowMs: SIGN_IN_WINDOW_MS };

export async function checkSignInLimit(db: Db, keys: SignInKeys, now = Date.now()): Promise<SignInLimit> {
  const [account, address] = await Promise.all([
    windowRetryAt(db, SIGN_IN_FAILURES, keys.account, ACCOUNT_FAILURE_LIMIT, now),
    windowRetryAt(db, SIGN_IN_FAILURES, keys.address, ADDRESS_FAILURE_LIMIT, now),
  ]);
  // Both may be exceeded: the caller must wait for the later one.
  if (account !== null && (address === null || account >= address)) {
    return { limited: true, scope: "account", retryAt: account };
  }
  if (address !== null) return { limited: true, scope: "address", retryAt: address };
  return { limited: false };
}

/** Counts one failure against both keys and drops every row the window has passed, so the table stays small. */
export async function recordSignInFailure(db: Db, keys: SignInKeys, now = Date.now()): Promise<void> {
  await db.batch([
    db.insert(signInFailures).values([
      { key: keys.account, at: now },
      { key: keys.address, at: now },
    ]),
    pruneWindow(db, SIGN_IN_FAILURES, now),
  ]);
}

export async function clearAccountFailures(db: Db, keys: SignInKeys): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, keys.account));
}

/**
 * New accounts per network address and hour. Creating an account costs a full password derivation, so
 * the limit keeps one address from spending the Worker's time (and D1's rows) at will; it is high enough
 * for a club registering its members over one clubhouse connection.
 */
export const SIGN_UP_WINDOW_MS = 60 * 60_000;
export const SIGN_UP_LIMIT = 50;

const SIGN_UPS: EventWindow = { table: signUps, key: signUps.address, at: signUps.at, windowMs: SIGN_UP_WINDOW_MS };

/** When the address may create an account again, or null when it may now. */
export function signUpRetryAt(db: Db, address: string, now = Date.now()): Promise<number | null> {
  return windowRetryAt(db, SIGN_UPS, address, SIGN_UP_LIMIT, now);
}

/** Counts an account created from the address, dropping what the window has passed. */
export async function recordSignUp(db: Db, address: string, now = Date.now()): Promise<void> {
  await db.batch([db.insert(signUps).values({ address, at: now }), pruneWindow(db, SIGN_UPS, now)]);
}
