import { expect } from "vitest";
import { freshKey } from "../helpers/entries.ts";
import { bearer, get, sendJson } from "../helpers/http.ts";

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
