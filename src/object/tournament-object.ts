import { DurableObject } from "cloudflare:workers";
import { configure, markPaid, remove, settleHolds, withdraw } from "../domain/registration/changes.ts";
import { type Clock, decisionClock } from "../domain/registration/clock.ts";
import { assignFiringPoint } from "../domain/registration/firing-points.ts";
import { addWalkUp, checkIn, moveEntry } from "../domain/registration/organiser.ts";
import { REGISTER_LIMIT } from "../domain/registration/rate-limit.ts";
import { ANSWERS_KEPT_MS, register } from "../domain/registration/register.ts";
import { randomToken } from "../lib/encoding.ts";
import { allEntries, checkInCounts } from "./organiser/entries.ts";
import { checkEntryId, checkEventId, checkMove, checkOpId, checkPoint, checkWalkUp } from "./organiser/input.ts";
import { guardOfficial, officialEvents, setOfficial } from "./scoring/official.ts";
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
} from "./contract/index.ts";
import type { ApplyShotsResult, ConflictView, EntryCard, EventStandings, ScoringActor, ShotOpInput } from "./contract/index.ts";
import type { CheckInCount, KeepStandingResult, MoveRequest, WalkUpRequest, WalkUpResult } from "./contract/index.ts";
import { checkRegister, checkRemove, checkWithdraw, toConfiguration } from "./registration/input.ts";
import { LiveScoring } from "./scoring/live-scoring.ts";
import { outboxDueAt, recordFailure, sendToD1, settleBatch, takeBatch } from "./outbox/entries.ts";
import { SqliteBook } from "./registration/sqlite-book.ts";
import { migrate } from "./storage/migrations.ts";
import { changesSince, entriesOf, outboxPending, snapshot } from "./registration/reads.ts";

/**
 * The single writer for one tournament's entries and live scores. The registration rules live in
 * src/domain/registration; this class gives them storage, a clock and a transaction, and copies every
 * change to D1 through the outbox and its alarm.
 */
export class TournamentObject extends DurableObject<Env> {
  private readonly book: SqliteBook;
  /** Shot operations, standings, scoreboard sockets: src/object/scoring. */
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
    const result = this.ctx.storage.transactionSync(() => rule(decisionClock(now, (at) => this.book.advanceStamp(at))));
    // Entries may have changed: live scoring's kept boards must be read again.
    this.live.forgetBoards();
    return result;
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

  // ---------- Organiser changes (the Worker has checked the role): rules in src/domain/registration/organiser.ts ----------

  /** Moves an entry to another relay of its event with a free firing point; the place it leaves is refilled. */
  async move(req: MoveRequest): Promise<ChangeResult> {
    const { entryId, relayId } = checkMove(req);
    const result = this.decide((clock) => moveEntry(this.book, { entryId, relayId }, clock));
    await this.scheduleAlarm();
    return result;
  }

  /** A walk-up entry: confirmed at once on the relay, reserved places allowed, window ignored. */
  async addEntry(req: WalkUpRequest): Promise<WalkUpResult> {
    const cmd = checkWalkUp(req);
    const idSuffix = randomToken(12);
    const result = this.decide((clock) => addWalkUp(this.book, { ...cmd, idSuffix }, clock));
    await this.scheduleAlarm();
    return result;
  }

  /** Checks a competitor in at the range, or undoes it (copied to D1 `entries.checked_in_at`). */
  async checkIn(entryId: string, checkedIn: boolean): Promise<ChangeResult> {
    const id = checkEntryId(entryId);
    const result = this.decide((clock) => checkIn(this.book, { entryId: id, checkedIn: checkedIn === true }, clock));
    await this.scheduleAlarm();
    return result;
  }

  /** Puts an entry on another firing point of its relay (refused when that point is taken). */
  async assignFiringPoint(entryId: string, point: number): Promise<ChangeResult> {
    const id = checkEntryId(entryId);
    const result = this.decide((clock) => assignFiringPoint(this.book, { entryId: id, point: checkPoint(point) }, clock));
    await this.scheduleAlarm();
    return result;
  }

  /** Every entry, oldest first: what the organisers' tables, start lists and check-in show. */
  allEntries(): EntryView[] {
    return allEntries(this.ctx.storage.sql);
  }

  checkInCounts(): CheckInCount[] {
    return checkInCounts(this.ctx.storage.sql);
  }

  /** Marks an event's results official (frozen except for corrections) or unofficial; returns the official events. */
  setResultsOfficial(eventId: number, official: boolean): number[] {
    const id = checkEventId(eventId);
    return this.ctx.storage.transactionSync(() => setOfficial(this.ctx.storage.sql, id, official === true, Date.now()));
  }

  officialEvents(): number[] {
    return officialEvents(this.ctx.storage.sql);
  }

  /** Resolves a scoring conflict by keeping the value that stands (the other way is a correction). */
  async keepStandingValue(conflictOpId: string): Promise<KeepStandingResult> {
    const opId = checkOpId(conflictOpId);
    const result = this.live.keepStanding(opId);
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
    // Official results are frozen except for corrections (src/object/scoring/official.ts).
    const result = guardOfficial(this.ctx.storage.sql, ops, (allowed) => this.live.applyShots(allowed, actor));
    await this.scheduleAlarm();
    return result;
  }

  /** An event's standings (names are the Worker's: it reads them from D1). */
  results(eventId: number): EventStandings | null {
    return this.live.results(Number(eventId));
  }

  /** One entry's shots and standing line, for the scoring page. */
  card(entryId: string): EntryCard | null {
    return this.live.card(String(entryId));
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

  /** Lapses due holds, forgets what no longer counts, copies waiting changes to D1, and sets itself again. */
  override async alarm(): Promise<void> {
    this.alarmAt = null;
    this.decide((clock) => {
      settleHolds(this.book, clock);
      this.book.pruneAttempts(clock.now - REGISTER_LIMIT.windowMs);
      this.book.pruneAnswers(clock.now - ANSWERS_KEPT_MS);
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
