import { configure, markPaid, remove, settleHolds, withdraw } from "../../domain/registration/changes.ts";
import { REGISTER_LIMIT } from "../../domain/registration/rate-limit.ts";
import { ANSWERS_KEPT_MS, register } from "../../domain/registration/register.ts";
import { randomToken } from "../../lib/encoding.ts";
import {
  type ChangeResult,
  type PracticalChoice,
  type PracticalRefusalReason,
  type ChangesPage,
  type ConfigureResult,
  type EntryView,
  type RegisterRequest,
  type RegisterResult,
  type RemoveRequest,
  type TournamentConfig,
  type TournamentSnapshot,
  type WithdrawRequest,
  registerRequestSchema,
  removeRequestSchema,
  withdrawRequestSchema,
} from "../contract/index.ts";
import type { Decisions } from "../decisions.ts";
import { settleLeaving } from "../payments/decide.ts";
import type { PaymentStore } from "../payments/store.ts";
import { toConfiguration } from "./input.ts";
import { changesSince, entriesOf, outboxPending, snapshot } from "./reads.ts";
import type { SqliteBook } from "./sqlite-book.ts";

/**
 * What a match shape adds to a new entry (registration or walk-up), inside its decision (practical shooting:
 * division and power factor): a refusal before anything is written, and what to write with an accepted entry.
 */
export interface EntryHooks {
  check(req: { eventId: number; practical?: PracticalChoice | undefined }): { outcome: "refused"; reason: PracticalRefusalReason; message: string; replayed: false } | null;
  accepted(req: { practical?: PracticalChoice | undefined }, entry: EntryView, now: number): void;
}

/**
 * Registration inside the tournament object: the configuration, a competitor's own changes and the reads
 * behind pages and the API. The rules live in src/domain/registration; this gives them the object's
 * storage (`book`) and its decisions.
 */
export class Registration {
  constructor(
    private readonly sql: SqlStorage,
    private readonly book: SqliteBook,
    private readonly decisions: Decisions,
    private readonly payments: PaymentStore,
  ) {}

  /** Applies a configuration pushed by the Worker (ignored when older than the one in force). */
  async configure(config: TournamentConfig): Promise<ConfigureResult> {
    const configuration = toConfiguration(config);
    const outcome = await this.decisions.commit((clock) => configure(this.book, configuration, clock));
    return { applied: outcome.applied, revision: outcome.revision, promoted: outcome.promoted.length };
  }

  /**
   * A place on the relay (or the earliest relay with room for "any"), else the event's waitlist. Even a
   * refusal may have let due holds lapse, which queued changes for D1.
   */
  async register(req: RegisterRequest, shape?: EntryHooks): Promise<RegisterResult> {
    const parsed = registerRequestSchema.parse(req);
    const { userId, eventId, relayId, idempotencyKey } = parsed;
    const idSuffix = randomToken(12);
    return this.decisions.commit((clock) => {
      const refused = shape?.check(parsed);
      if (refused) return refused;
      const result = register(this.book, { userId, eventId, relay: relayId, idempotencyKey, idSuffix }, clock);
      if (result.outcome !== "refused" && !result.replayed) shape?.accepted(parsed, result.entry, clock.now);
      return result;
    });
  }

  async withdraw(req: WithdrawRequest): Promise<ChangeResult> {
    const { entryId, userId } = withdrawRequestSchema.parse(req);
    return this.decisions.commit((clock) => {
      const result = withdraw(this.book, { entryId, userId }, clock);
      // A paid entry that leaves is refunded by the policy in the same decision.
      if (result.outcome === "changed") settleLeaving(this.book, this.payments, result.entry, "withdrawal", clock);
      return result;
    });
  }

  async remove(req: RemoveRequest): Promise<ChangeResult> {
    const { entryId, reason } = removeRequestSchema.parse(req);
    return this.decisions.commit((clock) => {
      const result = remove(this.book, { entryId, reason }, clock);
      if (result.outcome === "changed") settleLeaving(this.book, this.payments, result.entry, "removal", clock);
      return result;
    });
  }

  async markPaid(entryId: string): Promise<ChangeResult> {
    return this.decisions.commit((clock) => markPaid(this.book, { entryId: String(entryId) }, clock));
  }

  /** The alarm's housekeeping: lapses due holds, forgets attempts and answers that no longer count. */
  tidy(): void {
    this.decisions.decide((clock) => {
      settleHolds(this.book, clock);
      this.book.pruneAttempts(clock.now - REGISTER_LIMIT.windowMs);
      this.book.pruneAnswers(clock.now - ANSWERS_KEPT_MS);
    });
  }

  /** When the earliest hold lapses; null when nothing is held. */
  nextHoldExpiry(): number | null {
    return this.book.nextHoldExpiry();
  }

  entriesOf(userId: number): EntryView[] {
    return entriesOf(this.sql, userId);
  }

  entry(id: string): EntryView | null {
    return this.book.entry(String(id));
  }

  snapshot(): TournamentSnapshot {
    return snapshot(this.sql, this.book, Date.now());
  }

  changesSince(since: number, limit: number): ChangesPage {
    return changesSince(this.sql, Number(since) || 0, Math.min(Math.max(1, Math.trunc(limit)), 2000));
  }

  outboxPending(): number {
    return outboxPending(this.sql);
  }
}
