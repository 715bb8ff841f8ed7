import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client.ts";
import { rawStatement } from "../db/statements.ts";
import { signInFailures, signUps } from "../db/schema.ts";

/**
 * Sign-in limits that an attacker cannot turn against the account's owner. Failures are counted per
 * account-and-address (5) and per address (50) inside a sliding window: past either, that address is refused
 * without a password check. Failures per account from every address only slow the account down (a delay
 * before the check, growing with the count), so guesses from many addresses never lock its owner out.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 50;
/** Failures of one account (from anywhere) after which each attempt waits before its password is checked. */
export const ACCOUNT_SLOWDOWN_AFTER = 5;
/** The longest an attempt waits: long enough to make guessing slow, short enough for the owner to wait it out. */
export const ACCOUNT_SLOWDOWN_MAX_MS = 8_000;

export interface SignInKeys {
  /** Every failure of the account, from any address: slows the account down. */
  account: string;
  /** Every failure from the address, for any account. */
  address: string;
  /** Failures of this account from this address. */
  pair: string;
}

export type SignInLimit = { limited: false } | { limited: true; scope: "account" | "address"; retryAt: number };

/** The client's address as the edge reports it; "local" where there is no edge (wrangler dev, tests). */
export function networkAddress(header: string | undefined): string {
  return header?.trim() || "local";
}

export function signInKeys(email: string, address: string | undefined): SignInKeys {
  const account = email.trim().toLowerCase();
  const from = networkAddress(address);
  return { account: `acct:${account}`, address: `addr:${from}`, pair: `pair:${account}|${from}` };
}

/** How long an attempt on an account with `failures` recent failures waits before its password is checked. */
export function slowdownMs(failures: number): number {
  if (failures < ACCOUNT_SLOWDOWN_AFTER) return 0;
  return Math.min(ACCOUNT_SLOWDOWN_MAX_MS, 1000 * 2 ** (failures - ACCOUNT_SLOWDOWN_AFTER));
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

export type SignInAttempt =
  | { limited: true; limit: Extract<SignInLimit, { limited: true }> }
  /** `delayMs`: how long to wait before checking the password; `addressRow`: the address's counted row. */
  | { limited: false; delayMs: number; addressRow: number };

/**
 * Counts an attempt as a failure before its password is checked, in one conditional INSERT: rows for the
 * pair, the address and the account go in only while the pair and the address are under their limits, so
 * parallel guesses cannot slip past them (D1 runs one statement at a time). A right password takes the
 * attempt back (`forgiveSignIn`). The same batch reads the account's failures, for the slowdown.
 */
export async function beginSignInAttempt(db: Db, keys: SignInKeys, now = Date.now()): Promise<SignInAttempt> {
  const since = now - SIGN_IN_WINDOW_MS;
  const [inserted, account] = await db.$client.batch<{ id?: number; key?: string; n?: number }>([
    rawStatement(
      db,
      `INSERT INTO sign_in_failures (key, at)
       SELECT k.key, ?1 FROM (SELECT ?2 AS key UNION ALL SELECT ?3 UNION ALL SELECT ?4) AS k
       WHERE (SELECT count(*) FROM sign_in_failures WHERE key = ?2 AND at > ?5) < ?6
         AND (SELECT count(*) FROM sign_in_failures WHERE key = ?3 AND at > ?5) < ?7
       RETURNING id, key`,
      now, keys.pair, keys.address, keys.account, since, ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT,
    ),
    rawStatement(db, "SELECT count(*) AS n FROM sign_in_failures WHERE key = ? AND at > ?", keys.account, since),
    rawStatement(db, "DELETE FROM sign_in_failures WHERE at <= ?", since),
  ]);
  const rows = inserted?.results ?? [];
  const addressRow = rows.find((r) => r.key === keys.address)?.id;
  if (addressRow !== undefined) {
    // The account's count includes this attempt's own row.
    return { limited: false, delayMs: slowdownMs(Number(account?.results[0]?.n ?? 1) - 1), addressRow };
  }
  return { limited: true, limit: await limitOf(db, keys, now) };
}

/** Which limit refused an attempt, and when it lifts (both may be exceeded: the later one counts). */
async function limitOf(db: Db, keys: SignInKeys, now: number): Promise<Extract<SignInLimit, { limited: true }>> {
  const [pair, address] = await Promise.all([
    windowRetryAt(db, SIGN_IN_FAILURES, keys.pair, ACCOUNT_FAILURE_LIMIT, now),
    windowRetryAt(db, SIGN_IN_FAILURES, keys.address, ADDRESS_FAILURE_LIMIT, now),
  ]);
  if (pair !== null && (address === null || pair >= address)) return { limited: true, scope: "account", retryAt: pair };
  // Counted a moment ago and gone already (the window moved): the next attempt is free.
  return { limited: true, scope: "address", retryAt: address ?? now + 1000 };
}

/** The right password: the attempt was no failure, and the account's and this pair's failures are forgiven. */
export async function forgiveSignIn(db: Db, keys: SignInKeys, attempt: { addressRow: number }): Promise<void> {
  await db.$client.batch([
    rawStatement(db, "DELETE FROM sign_in_failures WHERE key IN (?, ?)", keys.account, keys.pair),
    rawStatement(db, "DELETE FROM sign_in_failures WHERE id = ?", attempt.addressRow),
  ]);
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
