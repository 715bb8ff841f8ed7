import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { createApiToken } from "../../src/auth/api-tokens.ts";
import { openDb } from "../../src/db/client.ts";
import { get, sendJson } from "../helpers/http.ts";
import { freshKey } from "../registration/fixtures.ts";

/** A competitor with a personal API token, as integrations use the API. */
export async function tokenFor(userId: number): Promise<string> {
  return (await createApiToken(openDb(env.DB), { kind: "personal", userId }, "tests")).token;
}

export function bearer(token: string, extra: Record<string, string> = {}) {
  return { headers: { Authorization: `Bearer ${token}`, ...extra } };
}

/** POST /api/v1/tournaments/:slug/entries with a Bearer token and (unless given) a fresh Idempotency-Key. */
export function registerVia(token: string, slug: string, body: unknown, key: string | null = freshKey()) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (key !== null) headers["Idempotency-Key"] = key;
  return sendJson("POST", `/api/v1/tournaments/${slug}/entries`, body, { headers });
}

export function withdrawVia(token: string, entryId: string) {
  return sendJson("DELETE", `/api/v1/entries/${entryId}`, "", bearer(token));
}

export function getVia(token: string, path: string) {
  return get(path, bearer(token));
}

export async function problemOf(res: Response) {
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  return (await res.json()) as { title: string; status: number; detail?: string; errors?: Record<string, string> };
}
