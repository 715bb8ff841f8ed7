import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type AccountTokenPurpose, accountTokens } from "../db/accounts-schema.ts";
import { DAY_MS } from "../domain/time/zoned.ts";
import { randomToken, sha256 } from "../lib/encoding.ts";

/** How long each kind of mailed link works. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify: DAY_MS,
  reset: 60 * 60_000,
  invite: 14 * DAY_MS,
  claim: 30 * DAY_MS,
};

export interface IssueRequest {
  purpose: AccountTokenPurpose;
  email: string;
  userId?: number | null;
  tournamentId?: number | null;
  subject?: string;
}

export type AccountToken = typeof accountTokens.$inferSelect;

/** A new single-use link token; D1 keeps only its hash. Returns the token (for the mail) and when it expires. */
export async function issueToken(db: Db, request: IssueRequest, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
  const token = randomToken(32);
  const expiresAt = now + TOKEN_LIFETIME_MS[request.purpose];
  await db.insert(accountTokens).values({
    tokenHash: await sha256(token),
    purpose: request.purpose,
    email: request.email,
    userId: request.userId ?? null,
    tournamentId: request.tournamentId ?? null,
    subject: request.subject ?? "",
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Link tokens are URL-safe base64 of 32 bytes; anything else is not worth a D1 lookup. */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** The token if it is unused and unexpired (for the page a link opens; nothing is used up). */
export async function findUsableToken(db: Db, purpose: AccountTokenPurpose, token: string, now = Date.now()): Promise<AccountToken | null> {
  if (!isTokenShaped(token)) return null;
  const row = await db.select().from(accountTokens).where(and(eq(accountTokens.tokenHash, await sha256(token)), eq(accountTokens.purpose, purpose))).get();
  return row && row.usedAt === null && row.expiresAt > now ? row : null;
}

/**
 * Uses the token up, atomically: of two requests with one token only one gets the row back. Null when it
 * is unknown, of another purpose, used or expired.
 */
export async function useToken(db: Db, purpose: AccountTokenPurpose, token: string, now = Date.now()): Promise<AccountToken | null> {
  if (!isTokenShaped(token)) return null;
  const row = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.tokenHash, await sha256(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)))
    .returning()
    .get();
  return row && row.expiresAt > now ? row : null;
}

/** How many links of this purpose went to the address since `since` (the resend and reset limits). */
export async function tokensSentSince(db: Db, purpose: AccountTokenPurpose, email: string, since: number): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(accountTokens)
    .where(and(eq(accountTokens.email, email), eq(accountTokens.purpose, purpose), gt(accountTokens.createdAt, since)))
    .get();
  return row?.n ?? 0;
}
