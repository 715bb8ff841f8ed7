import type { Log } from "../../lib/log.ts";
import { discipline, shotsOf } from "../../domain/scoring/index.ts";
import {
  type ApplyShotsResult,
  type ConflictView,
  type EntryCard,
  type EventStandings,
  type KeepStandingResult,
  type ScoringActor,
  type ShotOpInput,
  conflictOpIdSchema,
  positiveId,
  scoringActorSchema,
  shotBatchSchema,
} from "../contract/index.ts";
import type { Decisions } from "../decisions.ts";
import { Outbox } from "../outbox/driver.ts";
import type { SetAside } from "../outbox/set-aside.ts";
import { type ScoringChange, shotsStream } from "../outbox/shots.ts";
import { LiveHub } from "../scoreboard/hub.ts";
import { socketsPerClient } from "../scoreboard/limits.ts";
import { applyBatch, type EventBoard } from "./apply.ts";
import { CompetitorNames } from "./names.ts";
import { guardOfficial, officialEvents, setOfficial } from "./official.ts";
import { standingRows } from "./standings.ts";
import { ScoringStore } from "./store.ts";

/**
 * Scores go to D1 at most this often: a burst of shots travels in one batch rather than one D1 write per
 * shot, which would compete with the broadcasts for the object's time. The scoreboards never wait for it.
 */
export const D1_COPY_INTERVAL_MS = 1_000;

/**
 * Live scoring inside the tournament object: shot operations, official results, standings, the scoreboard
 * sockets and the copy of scores to D1. The object's methods delegate here one to one.
 */
export class LiveScoring {
  private readonly store: ScoringStore;
  readonly hub: LiveHub;
  private readonly outbox: Outbox<ScoringChange>;
  /** When the scoring outbox was last sent to D1 by this instance (0: not yet). */
  private lastCopyAt = 0;
  /**
   * Events' cards and standings as the last committed batch left them, so the next shot neither reads
   * all of the event's shots again nor ranks the event twice. Dropped whenever entries may have changed.
   */
  private readonly boards = new Map<number, EventBoard>();

  constructor(
    private readonly ctx: DurableObjectState,
    env: Env,
    private readonly decisions: Decisions,
    setAside: SetAside,
    log: Log,
  ) {
    this.store = new ScoringStore(ctx.storage.sql);
    this.hub = new LiveHub(ctx, this.store, new CompetitorNames(ctx.storage.sql, env.DB, log), socketsPerClient(env), log);
    this.outbox = new Outbox(ctx.storage, env.DB, shotsStream, setAside, log);
  }

  /** Applies up to 500 operations; official results are frozen except for corrections (official.ts). */
  async applyShots(ops: ShotOpInput[], actor: ScoringActor): Promise<ApplyShotsResult> {
    // The role is checked before anything is read: an actor without one is refused as a whole.
    const checked = scoringActorSchema.parse(actor);
    return this.decisions.withAlarm(() => guardOfficial(this.ctx.storage.sql, ops, checked.role, (allowed) => this.apply(allowed, checked)));
  }

  /**
   * One transaction for the whole batch, nothing awaited inside it; then one message per changed card is
   * queued for the event's sockets (sent in sequence order, after the transaction is durable).
   */
  private apply(ops: ShotOpInput[], actor: ScoringActor): ApplyShotsResult {
    const checked = { ops: shotBatchSchema.parse({ ops }).ops, actor: scoringActorSchema.parse(actor) };
    const now = Date.now();
    const batch = this.ctx.storage.transactionSync(() => applyBatch(this.store, checked.ops, checked.actor, now, this.boards));
    // Kept only now that the transaction has committed.
    for (const [eventId, board] of batch.boards) this.boards.set(eventId, board);
    this.hub.publish(batch.updates);
    return { results: batch.results };
  }

  /** Entries were registered, withdrawn, confirmed or removed, or events configured: the kept boards may be wrong. */
  forgetBoards(): void {
    this.boards.clear();
  }

  /** Marks an event's results official (frozen except for corrections) or unofficial; returns the official events. */
  setResultsOfficial(eventId: number, official: boolean): number[] {
    const id = positiveId.parse(eventId);
    return this.ctx.storage.transactionSync(() => setOfficial(this.ctx.storage.sql, id, official === true, Date.now()));
  }

  officialEvents(): number[] {
    return officialEvents(this.ctx.storage.sql);
  }

  /** The event's standings with its current sequence number; null for an event this object does not know. */
  results(id: number): EventStandings | null {
    const eventId = Number(id);
    const event = this.store.event(eventId);
    const d = event ? discipline(event.discipline) : undefined;
    if (!event || !d) return null;
    return {
      eventId: event.id,
      title: event.title,
      discipline: event.discipline,
      seq: this.store.seq(eventId),
      rows: standingRows(d, this.store.eventCards(eventId)),
    };
  }

  /** One entry's shots and standing line; null for an entry (or event discipline) this object does not know. */
  card(entryId: string): EntryCard | null {
    const entry = this.store.entry(String(entryId));
    const event = entry ? this.store.event(entry.eventId) : null;
    const d = event ? discipline(event.discipline) : undefined;
    if (!entry || !event || !d) return null;
    const cards = this.store.eventCards(entry.eventId);
    const mine = cards.find((c) => c.entryId === entry.id);
    return {
      entryId: entry.id,
      eventId: entry.eventId,
      userId: entry.userId,
      status: entry.status,
      discipline: event.discipline,
      shots: mine ? shotsOf(mine).sort((a, b) => a.shotNo - b.shotNo) : [],
      standing: standingRows(d, cards).find((r) => r.entryId === entry.id) ?? null,
      official: officialEvents(this.ctx.storage.sql).includes(entry.eventId),
    };
  }

  /**
   * The organiser keeps the value that stands: the slot's open conflicts are settled without changing it.
   * (Taking the other value is a correction through `applyShots`, which settles them itself.)
   */
  async keepStandingValue(conflictOpId: string): Promise<KeepStandingResult> {
    const opId = conflictOpIdSchema.parse(conflictOpId);
    return this.decisions.withAlarm(() => this.keepStanding(opId));
  }

  private keepStanding(conflictOpId: string): KeepStandingResult {
    return this.ctx.storage.transactionSync(() => {
      const conflict = this.store.conflictSlot(conflictOpId);
      if (!conflict) return { outcome: "not_found", settled: [] };
      if (!conflict.open) return { outcome: "unchanged", settled: [] };
      const standing = this.store.slotOp(conflict.entryId, conflict.shotNo) ?? conflict.standingOpId;
      return { outcome: "resolved", settled: this.store.settleConflicts(conflict.entryId, conflict.shotNo, standing, Date.now()) };
    });
  }

  /** Later, different values for filled slots (open ones unless asked for all; every event's when `eventId` is null). */
  conflicts(eventId: number | null, includeResolved: boolean): ConflictView[] {
    return this.store.conflicts(eventId === null ? null : Number(eventId), includeResolved === true);
  }

  drainOutbox(): Promise<void> {
    this.lastCopyAt = Date.now();
    return this.outbox.drain();
  }

  /** When the alarm should next copy scores to D1: when the outbox is due, but not sooner than the interval allows. */
  outboxDueAt(now: number): number | null {
    const due = this.outbox.dueAt(now);
    return due === null ? null : Math.max(due, this.lastCopyAt + D1_COPY_INTERVAL_MS);
  }

  outboxPending(): number {
    return this.outbox.pending();
  }
}
