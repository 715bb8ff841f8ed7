/**
 * A small per-isolate cache for verified lookups (sessions, API tokens, slugs). Entries live `ttlMs` at most,
 * so anything revoked elsewhere is honoured by every isolate within that time. Bounded: the oldest entry
 * goes first when full.
 */
export class TtlCache<V> {
  private readonly items = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const item = this.items.get(key);
    if (!item) return undefined;
    if (item.until <= now) {
      this.items.delete(key);
      return undefined;
    }
    return item.value;
  }

  set(key: string, value: V, now = Date.now()): void {
    this.items.delete(key);
    if (this.items.size >= this.maxEntries) {
      const oldest = this.items.keys().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
    this.items.set(key, { value, until: now + this.ttlMs });
  }

  /** The cached value, or what `load` finds, kept unless null (a miss is looked up again next time). */
  async getOrLoad(key: string, load: () => Promise<V | null>): Promise<V | null> {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = await load();
    if (value !== null) this.set(key, value);
    return value;
  }

  delete(key: string): void {
    this.items.delete(key);
  }

  /** Drops every entry the predicate matches (e.g. all cached lookups of one revoked token). */
  deleteWhere(match: (value: V) => boolean): void {
    for (const [key, item] of this.items) if (match(item.value)) this.items.delete(key);
  }
}
