import type { Log } from "../../lib/log.ts";
import type { OutboxStreamName } from "../contract/index.ts";
import type { Refused, SetAside } from "./set-aside.ts";

/** A first change waits this long for company, so a rush reaches D1 in a few batches, not one per change. */
const COALESCE_MS = 200;
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 5 * 60_000;
/**
 * A constraint failure may be a row D1 does not have *yet* (a competitor created a moment ago), so it is
 * retried like any failure first; only when the batch keeps failing that way is the culprit set aside.
 */
export const TRIES_BEFORE_SET_ASIDE = 5;

/** The object's outbox tables; each has an integer `id` and its own back-off in `meta`. */
export type OutboxTable = "outbox" | "shots_outbox" | "practical_outbox" | "payments_outbox";

/**
 * One copy to D1: which outbox table names the changes, and how what they name becomes D1 statements.
 * Items are sent as they stand now, not as they were when queued, and every statement is idempotent
 * (upserts that only overwrite older states), so a resend, a split resend or a late one changes nothing.
 */
export interface OutboxStream<Item> {
  name: OutboxStreamName;
  table: OutboxTable;
  /** Outbox rows taken per drain; the rest waits for the next alarm (set at once). */
  rowsPerDrain: number;
  /**
   * Whether a drain waits out the back-off of a failed try. Entries do not: they are retried whenever the
   * alarm runs anyway, so a registration rush never waits for a back-off begun in a D1 hiccup.
   */
  waitsOutBackOff: boolean;
  /** What the outbox rows up to `lastRowId` name, read synchronously before D1 is called. */
  take(sql: SqlStorage, lastRowId: number): Item[];
  statements(d1: D1Database, items: Item[]): D1PreparedStatement[];
  /** The item as it is shown and audited when D1 refuses it for good. */
  describe(item: Item): { tournamentId: number | null; subject: string; row: string };
}

export interface OutboxBatch<Item> {
  /** Outbox rows up to this id are covered by `items`. */
  lastRowId: number;
  items: Item[];
}

/** The oldest waiting changes of the stream; null when its outbox is empty. */
export function takeBatch<Item>(sql: SqlStorage, stream: OutboxStream<Item>): OutboxBatch<Item> | null {
  const last = sql.exec(`SELECT MAX(id) AS id FROM (SELECT id FROM ${stream.table} ORDER BY id LIMIT ?)`, stream.rowsPerDrain).one().id;
  if (last === null) return null;
  const lastRowId = Number(last);
  return { lastRowId, items: stream.take(sql, lastRowId) };
}

/** Sends items in one `db.batch`, which D1 runs as one transaction: all of it lands or none. */
export async function sendItems<Item>(d1: D1Database, stream: OutboxStream<Item>, items: Item[]): Promise<void> {
  const statements = items.length === 0 ? [] : stream.statements(d1, items);
  if (statements.length > 0) await d1.batch(statements);
}

/** A failure no retry will cure: D1 refused the data itself (FOREIGN KEY, UNIQUE, NOT NULL, CHECK). */
export function refusedForGood(err: unknown): boolean {
  const message = err instanceof Error ? `${err.message} ${String(err.cause ?? "")}` : String(err);
  return /SQLITE_CONSTRAINT|constraint failed/i.test(message);
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The driver every stream shares: take a batch, send it, and settle it only once D1 has it; on failure keep
 * it and back off (1 s, 2 s, 4 s ... 5 min). A batch that keeps failing on a constraint is split until the
 * rows D1 refuses for good are found; those are set aside and the rest goes through.
 */
export class Outbox<Item> {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly d1: D1Database,
    private readonly stream: OutboxStream<Item>,
    private readonly setAside: SetAside,
    private readonly log: Log,
    /**
     * What follows once D1 has the items (the entries' mails go on the mail queue). It runs before the
     * batch is settled, so a failure retries the batch: D1's upserts and the mails' keys make that harmless.
     */
    private readonly afterSent?: (items: Item[]) => Promise<void>,
  ) {}

  async drain(): Promise<void> {
    const sql = this.storage.sql;
    if (this.stream.waitsOutBackOff && retryAt(sql, this.stream.table) > Date.now()) return;
    const batch = takeBatch(sql, this.stream);
    if (!batch) return;
    try {
      await sendItems(this.d1, this.stream, batch.items);
    } catch (err) {
      await this.refused(batch, err);
      return;
    }
    try {
      await this.afterSent?.(batch.items);
    } catch (err) {
      const at = this.storage.transactionSync(() => recordFailure(sql, Date.now(), this.stream.table));
      this.log.error("outbox: reached D1 but its follow-up failed", err, { stream: this.stream.name, nextTry: new Date(at).toISOString() });
      return;
    }
    this.storage.transactionSync(() => settleBatch(sql, batch.lastRowId, this.stream.table));
  }

  /** D1 refused the batch: once a constraint failure has lasted, set its culprits aside; otherwise back off. */
  private async refused(batch: OutboxBatch<Item>, err: unknown): Promise<void> {
    const sql = this.storage.sql;
    const { table } = this.stream;
    let failure = err;
    let culprits: Refused[] | null = null;
    if (refusedForGood(err) && failures(sql, table) + 1 >= TRIES_BEFORE_SET_ASIDE) {
      try {
        culprits = await this.isolate(batch.items, err);
      } catch (isolating) {
        failure = isolating;
      }
    }
    if (culprits === null) {
      const at = this.storage.transactionSync(() => recordFailure(sql, Date.now(), table));
      this.log.error("outbox: D1 refused a batch; it is kept and tried again", failure, { stream: this.stream.name, upToRow: batch.lastRowId, nextTry: new Date(at).toISOString() });
      return;
    }
    const setAside = culprits;
    // Their audit rows reach D1 with the alarm's report (SetAside.report), which retries them.
    this.storage.transactionSync(() => {
      this.setAside.add(this.stream.name, setAside, Date.now());
      settleBatch(sql, batch.lastRowId, table);
    });
  }

  /**
   * Halves a refused set until each refused item stands alone; the halves D1 takes are in D1 once this
   * returns. A failure that is not a constraint (D1 gone meanwhile) ends the search: the batch is retried.
   */
  private async isolate(items: Item[], err: unknown): Promise<Refused[]> {
    if (items.length === 1) return [{ ...this.stream.describe(items[0]!), error: errorText(err) }];
    const mid = Math.ceil(items.length / 2);
    const refused: Refused[] = [];
    for (const half of [items.slice(0, mid), items.slice(mid)]) {
      try {
        await sendItems(this.d1, this.stream, half);
      } catch (halfErr) {
        if (!refusedForGood(halfErr)) throw halfErr;
        refused.push(...(await this.isolate(half, halfErr)));
      }
    }
    return refused;
  }

  /** When the outbox next wants the alarm: shortly, or after the back-off of a failed try; null when empty. */
  dueAt(now: number): number | null {
    const sql = this.storage.sql;
    if (sql.exec(`SELECT 1 FROM ${this.stream.table} LIMIT 1`).toArray().length === 0) return null;
    return Math.max(now + COALESCE_MS, retryAt(sql, this.stream.table));
  }

  /** Changes not yet in D1. */
  pending(): number {
    return Number(this.storage.sql.exec(`SELECT COUNT(*) AS n FROM ${this.stream.table}`).one().n);
  }
}

const metaValue = (sql: SqlStorage, key: string) => Number(sql.exec("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? 0);
const failures = (sql: SqlStorage, table: OutboxTable) => metaValue(sql, `${table}_failures`);
const retryAt = (sql: SqlStorage, table: OutboxTable) => metaValue(sql, `${table}_retry_at`);

/** D1 has the batch: its rows leave the outbox. Rows added meanwhile have higher ids and stay. */
function settleBatch(sql: SqlStorage, lastRowId: number, table: OutboxTable): void {
  sql.exec(`DELETE FROM ${table} WHERE id <= ?`, lastRowId);
  sql.exec("DELETE FROM meta WHERE key IN (?, ?)", `${table}_failures`, `${table}_retry_at`);
}

/** D1 refused: the rows stay, and the next try waits longer each time. Returns when it is. */
function recordFailure(sql: SqlStorage, now: number, table: OutboxTable): number {
  const count = failures(sql, table) + 1;
  const at = now + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (count - 1));
  const upsert = "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  sql.exec(upsert, `${table}_failures`, count);
  sql.exec(upsert, `${table}_retry_at`, at);
  return at;
}
