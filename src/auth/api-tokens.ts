import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { apiTokens, users } from "../db/schema.ts";
import { randomToken, sha256 } from "../lib/encoding.ts";
import { TtlCache } from "../lib/ttl-cache.ts";
import { rawStatement } from "../db/statements.ts";

/** Token prefixes tell a personal token from a scoring one at a glance (and to secret scanners). */
const PREFIX = { personal: "trp_", scoring: "trs_" } as const;
export type ApiTokenKind = keyof typeof PREFIX;

export interface TokenOwner {
  tokenId: number;
  kind: ApiTokenKind;
  userId: number | null;
  tournamentId: number | null;
  /** Whether the owner's address is confirmed (personal tokens act for the owner only then). */
  verified: boolean;
}

/** Creates a token and returns its only plain-text copy; D1 keeps the hash. */
export async function createApiToken(
  db: Db,
  owner: { kind: "personal"; userId: number } | { kind: "scoring"; tournamentId: number; userId: number },
  name: string,
): Promise<{ id: number; token: string }> {
  const token = PREFIX[owner.kind] + randomToken(24);
  const row = await db
    .insert(apiTokens)
    .values({
      tokenHash: await sha256(token),
      kind: owner.kind,
      userId: owner.userId,
      tournamentId: owner.kind === "scoring" ? owner.tournamentId : null,
      name,
      createdAt: Date.now(),
    })
    .returning({ id: apiTokens.id })
    .get();
  return { id: row.id, token };
}

export async function findApiToken(db: Db, token: string): Promise<TokenOwner | null> {
  const row = await db
    .select({ id: apiTokens.id, kind: apiTokens.kind, userId: apiTokens.userId, tournamentId: apiTokens.tournamentId, verifiedAt: users.emailVerifiedAt })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, await sha256(token)), isNull(apiTokens.revokedAt)))
    .get();
  return row ? { tokenId: row.id, kind: row.kind, userId: row.userId, tournamentId: row.tournamentId, verified: row.verifiedAt !== null && row.verifiedAt !== undefined } : null;
}

/**
 * A personal token from the account page, its creation audited in the same D1 transaction (the audit row
 * names the token by id, never by its secret).
 */
export async function createPersonalToken(db: Db, userId: number, name: string): Promise<{ id: number; token: string }> {
  const token = PREFIX.personal + randomToken(24);
  const now = Date.now();
  const [rows] = await db.$client.batch<{ id: number }>([
    rawStatement(db, "INSERT INTO api_tokens (token_hash, kind, user_id, tournament_id, name, created_at) VALUES (?, 'personal', ?, NULL, ?, ?) RETURNING id", await sha256(token), userId, name, now),
    rawStatement(
      db,
      `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
       VALUES (NULL, ?, 'token.create', 'token:' || last_insert_rowid(), json_object('name', ?, 'kind', 'personal'), ?)`,
      userId, name, now,
    ),
  ]);
  const id = rows?.results[0]?.id;
  if (id === undefined) throw new Error("D1 returned no id for a new token");
  return { id, token };
}

/**
 * Revokes one of the user's personal tokens (never a scoring token, which belongs to a tournament and is
 * revoked from its admin), audited in the same D1 transaction; returns whether anything was revoked.
 */
export async function revokeApiToken(db: Db, tokenId: number, userId: number): Promise<boolean> {
  const now = Date.now();
  const [revoked] = await db.$client.batch([
    rawStatement(db, "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND kind = 'personal' AND revoked_at IS NULL", now, tokenId, userId),
    // changes() is the update's: the audit row is written only when a token was revoked.
    rawStatement(
      db,
      `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
       SELECT NULL, ?, 'token.revoke', 'token:' || id, json_object('name', name, 'kind', kind), ? FROM api_tokens WHERE id = ? AND changes() = 1`,
      userId, now, tokenId,
    ),
  ]);
  return (revoked?.meta.changes ?? 0) > 0;
}

export async function listPersonalTokens(db: Db, userId: number) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.kind, "personal"), isNull(apiTokens.revokedAt)))
    .all();
}

/**
 * Tokens this isolate verified in D1 within `TOKEN_CACHE_MS` are accepted without asking D1 again (the
 * rush path costs one D1 round trip per token and isolate every few seconds). Revocation sets `revoked_at`
 * in D1: `forgetApiToken` makes it take effect at once in the revoking isolate, and every other isolate
 * revalidates within `TOKEN_CACHE_MS`.
 */
export const TOKEN_CACHE_MS = 5_000;
const verifiedTokens = new TtlCache<TokenOwner>(TOKEN_CACHE_MS);

export async function findApiTokenCached(db: Db, token: string): Promise<TokenOwner | null> {
  return verifiedTokens.getOrLoad(await sha256(token), () => findApiToken(db, token));
}

/** Call after `revokeApiToken` so this isolate stops accepting the token immediately. */
export function forgetApiToken(tokenId: number): void {
  verifiedTokens.deleteWhere((owner) => owner.tokenId === tokenId);
}

/** The token of an `Authorization: Bearer <token>` header; null when the header has another form. */
export function bearerToken(authorization: string): string | null {
  return /^Bearer +([A-Za-z0-9_-]{1,200}) *$/.exec(authorization)?.[1] ?? null;
}
