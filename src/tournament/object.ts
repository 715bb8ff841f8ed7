import { DurableObject } from "cloudflare:workers";
import { configure, markPaid, remove, settleHolds, withdraw } from "../domain/registration/changes.ts";
import { type Clock, decisionClock } from "../domain/registration/clock.ts";
import { REGISTER_LIMIT } from "../domain/registration/rate-limit.ts";
import { register } from "../domain/registration/register.ts";
import { randomToken } from "../lib/encoding.ts";
import type {
  ChangeResult,
  ChangesPage,
  ConfigureResult,
  EntryView,
  RegisterRequest,
  RegisterResult,
  RemoveRequest,
  TournamentConfig,
  TournamentSnapshot,
  WithdrawRequest,
} from "./contract.ts";
import type { ApplyShotsResult, ConflictView, EventStandings, ScoringActor, ShotOpInput } from "./contract.ts";
import { checkRegister, checkRemove, checkWithdraw, toConfiguration } from "./guards.ts";
import { LiveScoring } from "./live/index.ts";
import { outboxDueAt, recordFailure, sendToD1, settleBatch, takeBatch } from "./outbox.ts";
import { SqliteBook } from "./sqlite-book.ts";
import { migrate } from "./storage.ts";
import { changesSince, entriesOf, outboxPending, snapshot } from "./views.ts";

/**
 * The single writer for one tournament's entries and live scores. The registration rules live in
 * src/domain/registration; this class gives them storage, a clock and a transaction, and copies every
 * change to D1 through the outbox and its alarm.
 */
export class TournamentObject extends DurableObject<Env> {
  private readonly book: SqliteBook;
  /** Shot operations, standings, scoreboard sockets: src/tournament/live. */
  private readonly live: LiveScoring;
  /** The alarm this instance knows to be pending; null when none is. */
  private alarmAt: number | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.book = new SqliteBook(ctx.storage.sql);
    this.live = new LiveScoring(ctx, env);
    // Scoreboard keep-alives are answered without waking a hibernating object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
    void ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage);
      this.alarmAt = await ctx.storage.getAlarm();
      await this.scheduleAlarm();
    });
  }

  /** One decision: a synchronous transaction on the object's clock. Nothing is awaited inside it. */
  private decide<T>(rule: (clock: Clock) => T): T {
    const now = Date.now();
    return this.ctx.storage.transactionSync(() => rule(decisionClock(now, (at) => this.book.advanceStamp(at))));
  }

  /** Applies a configuration pushed by the Worker (ignored when older than the one in force). */
  async configure(config: TournamentConfig): Promise<ConfigureResult> {
    const configuration = toConfiguration(config);
    const outcome = this.decide((clock) => configure(this.book, configuration, clock));
    await this.scheduleAlarm();
    return { applied: outcome.applied, revision: outcome.revision, promoted: outcome.promoted.length };
  }

  /**
   * Registers the user for an event: a place on the relay (or the earliest relay with room for "any"),
   * else the event's waitlist. Confirmed at once without a fee, held until paid with one.
   */
  async register(req: RegisterRequest): Promise<RegisterResult> {
    const { userId, eventId, relayId, idempotencyKey } = checkRegister(req);
    const idSuffix = randomToken(12);
    const result = this.decide((clock) =>
      register(this.book, { userId, eventId, relay: relayId, idempotencyKey, idSuffix }, clock),
    );
    // Even a refusal may have let due holds lapse, which queued changes for D1.
    if (!result.replayed) await this.scheduleAlarm();
    return result;
  }

  /** The owner withdraws; the freed place goes to the first waiting entry that fits, in the same decision. */
  async withdraw(req: WithdrawRequest): Promise<ChangeResult> {
    const { entryId, userId } = checkWithdraw(req);
    const result = this.decide((clock) => withdraw(this.book, { entryId, userId }, clock));
    await this.scheduleAlarm();
    return result;
  }

  /** An organiser removes an entry with a reason (the Worker has checked the organiser's role). */
  async remove(req: RemoveRequest): Promise<ChangeResult> {
    const { entryId, reason } = checkRemove(req);
    const result = this.decide((clock) => remove(this.book, { entryId, reason }, clock));
    await this.scheduleAlarm();
    return result;
  }

  /** Payment received: a held entry becomes confirmed (refused when its hold already lapsed). */
  async markPaid(entryId: string): Promise<ChangeResult> {
    const result = this.decide((clock) => markPaid(this.book, { entryId: String(entryId) }, clock));
    await this.scheduleAlarm();
    return result;
  }

  /** Every entry of the user in this tournament, active or not, oldest first. */
  entriesOf(userId: number): EntryView[] {
    return entriesOf(this.ctx.storage.sql, userId);
  }

  entry(id: string): EntryView | null {
    return this.book.entry(String(id));
  }

  /** Places, counts and window for pages and the API. */
  snapshot(): TournamentSnapshot {
    return snapshot(this.ctx.storage.sql, this.book, Date.now());
  }

  /** The organisers' feed: entries changed after `since` (epoch ms), about `limit` per page. */
  changesSince(since: number, limit = 500): ChangesPage {
    return changesSince(this.ctx.storage.sql, Number(since) || 0, Math.min(Math.max(1, Math.trunc(limit)), 2000));
  }

  /** Entry changes not yet in D1 (for benchmarks and tests that wait for the copy). */
  outboxPending(): number {
    return outboxPending(this.ctx.storage.sql);
  }

  /** Applies up to 500 shot operations in one transaction (the Worker has checked the actor is staff). */
  async applyShots(ops: ShotOpInput[], actor: ScoringActor): Promise<ApplyShotsResult> {
    const result = this.live.applyShots(ops, actor);
    await this.scheduleAlarm();
    return result;
  }

  /** An event's standings (names are the Worker's: it reads them from D1). */
  results(eventId: number): EventStandings | null {
    return this.live.results(Number(eventId));
  }

  /** Later, different values for filled slots, kept for the organiser (open ones unless asked for all). */
  conflicts(eventId: number | null = null, includeResolved = false): ConflictView[] {
    return this.live.conflicts(eventId === null ? null : Number(eventId), includeResolved === true);
  }

  /** Scoring changes not yet in D1. */
  shotsOutboxPending(): number {
    return this.live.outboxPending();
  }

  /** Only the scoreboard's WebSocket upgrade comes through fetch; everything else is RPC. */
  override async fetch(request: Request): Promise<Response> {
    return this.live.hub.accept(request);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    this.live.hub.onMessage(ws, message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.live.hub.onClose(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket, error: unknown): Promise<void> {
    this.live.hub.onError(ws, error);
  }

  /** Lapses due holds, copies waiting changes to D1, and sets itself again for whatever is left. */
  override async alarm(): Promise<void> {
    this.alarmAt = null;
    this.decide((clock) => {
      settleHolds(this.book, clock);
      this.book.pruneAttempts(clock.now - REGISTER_LIMIT.windowMs);
    });
    await this.drainOutbox();
    await this.live.drainOutbox();
    await this.scheduleAlarm();
  }

  private async drainOutbox(): Promise<void> {
    const sql = this.ctx.storage.sql;
    const batch = takeBatch(sql);
    if (!batch) return;
    try {
      await sendToD1(this.env.DB, batch.entries);
    } catch (err) {
      const retryAt = this.ctx.storage.transactionSync(() => recordFailure(sql, Date.now()));
      console.error(`outbox: D1 refused ${batch.entries.length} entries; next try at ${new Date(retryAt).toISOString()}`, err);
      return;
    }
    this.ctx.storage.transactionSync(() => settleBatch(sql, batch.lastRowId));
  }

  /** Sets the alarm for the earliest work due (outbox, hold expiry) unless an earlier one is pending. */
  private async scheduleAlarm(): Promise<void> {
    const now = Date.now();
    if (this.alarmAt !== null && this.alarmAt <= now) return;
    const due = [outboxDueAt(this.ctx.storage.sql, now), this.book.nextHoldExpiry(), this.live.outboxDueAt(now)].filter((t): t is number => t !== null);
    if (due.length === 0) return;
    const at = Math.min(...due);
    if (this.alarmAt !== null && this.alarmAt <= at) return;
    this.alarmAt = at;
    await this.ctx.storage.setAlarm(at);
  }
}
