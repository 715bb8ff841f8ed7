import type { Db } from "../db/client.ts";
import { TtlCache } from "../lib/ttl-cache.ts";
import { readCacheVersions } from "./cache-versions.ts";

/**
 * How long an isolate trusts the cache versions it read from D1. A cache hit therefore reads no database
 * (D1 lives in one region; visitors are everywhere): any visitor anywhere sees an organiser's change within
 * this long, because the new version changes the cache key and the next request after it renders anew.
 */
export const VERSION_MEMO_MS = 2_000;

const memo = new TtlCache<number>(VERSION_MEMO_MS, 5_000);
/** One D1 read per set of scopes at a time: when the memo runs out under load, the others wait for it. */
const inFlight = new Map<string, Promise<Map<string, number>>>();

export interface VersionLookup {
  /** Read D1 even if this isolate remembers the versions (the organiser's own next views after a change). */
  fresh?: boolean;
}

/** The current version of each scope: remembered by this isolate for `VERSION_MEMO_MS` at most, else from D1. */
export async function currentCacheVersions(db: Db, scopes: string[], lookup: VersionLookup = {}): Promise<Map<string, number>> {
  if (!lookup.fresh) {
    const known = new Map<string, number>();
    for (const scope of scopes) {
      const version = memo.get(scope);
      if (version === undefined) break;
      known.set(scope, version);
    }
    if (known.size === scopes.length) return known;
  }
  const key = scopes.join("\n");
  const pending = lookup.fresh ? undefined : inFlight.get(key);
  if (pending) return pending;
  const read = readCacheVersions(db, scopes).then((versions) => {
    for (const [scope, version] of versions) memo.set(scope, version);
    return versions;
  });
  if (!lookup.fresh) {
    inFlight.set(key, read);
    void read.finally(() => inFlight.delete(key)).catch(() => undefined);
  }
  return read;
}

/** After a change committed in this isolate: its next lookups read D1 (other isolates within `VERSION_MEMO_MS`). */
export function forgetCacheVersions(scopes: string[]): void {
  for (const scope of scopes) memo.delete(scope);
}
