import type { Db } from "../db/client.ts";
import { readCacheVersions } from "./cache-versions.ts";

/**
 * How long an isolate trusts the cache versions it read from D1. A cache hit therefore reads no database
 * (D1 lives in one region; visitors are everywhere): the new version changes the cache key, so any visitor
 * anywhere sees an organiser's change once the memo is older than this, plus the one D1 read that refreshes it.
 */
export const VERSION_MEMO_MS = 2_000;
/** While one request refreshes an expired memo, the others serve the version they know for at most this long. */
const REFRESH_GRACE_MS = 1_000;
const MAX_SCOPES = 5_000;

const memo = new Map<string, { version: number; readAt: number }>();
/** Scope sets being read from D1 now, and since when (each request awaits only its own read: Workers forbid sharing I/O). */
const refreshing = new Map<string, number>();

export interface VersionLookup {
  /** Read D1 even if this isolate remembers the versions (the organiser's own next views after a change). */
  fresh?: boolean;
}

function remember(versions: Map<string, number>, readAt: number): void {
  for (const [scope, version] of versions) {
    memo.delete(scope);
    if (memo.size >= MAX_SCOPES) memo.delete(memo.keys().next().value!);
    memo.set(scope, { version, readAt });
  }
}

/** The current version of each scope: remembered by this isolate for `VERSION_MEMO_MS`, else read from D1. */
export async function currentCacheVersions(db: Db, scopes: string[], lookup: VersionLookup = {}, now = Date.now()): Promise<Map<string, number>> {
  const key = scopes.join("\n");
  if (!lookup.fresh) {
    const known = scopes.map((scope) => memo.get(scope));
    if (known.every((k) => k !== undefined)) {
      const versions = new Map(scopes.map((scope, i) => [scope, known[i]!.version]));
      const age = now - Math.min(...known.map((k) => k!.readAt));
      if (age < VERSION_MEMO_MS) return versions;
      const since = refreshing.get(key);
      if (since !== undefined && now - since < REFRESH_GRACE_MS) return versions;
    }
  }
  refreshing.set(key, now);
  try {
    const versions = await readCacheVersions(db, scopes);
    remember(versions, now);
    return versions;
  } finally {
    refreshing.delete(key);
  }
}

/** The versions this isolate read less than `VERSION_MEMO_MS` ago, without asking D1; null when any is older or unknown. */
export function rememberedCacheVersions(scopes: string[], now = Date.now()): Map<string, number> | null {
  const versions = new Map<string, number>();
  for (const scope of scopes) {
    const known = memo.get(scope);
    if (!known || now - known.readAt >= VERSION_MEMO_MS) return null;
    versions.set(scope, known.version);
  }
  return versions;
}

/** After a change committed in this isolate: its next lookups read D1 (other isolates within `VERSION_MEMO_MS`). */
export function forgetCacheVersions(scopes: string[]): void {
  for (const scope of scopes) memo.delete(scope);
}
