import type { Log } from "../../lib/log.ts";
import {
  type PracticalBook,
  type PracticalEventConfig,
  type PracticalOpInput,
  type ScoringActor,
  type StageConflictDecision,
  type StageConflictView,
  type StageOutcome,
  practicalBatchSchema,
  practicalChoiceSchema,
  practicalEventConfigSchema,
  scoringActorSchema,
  stageConflictDecisionSchema,
} from "../contract/index.ts";
import { Outbox } from "../outbox/driver.ts";
import { type PracticalChange, practicalStream } from "../outbox/practical.ts";
import type { SetAside } from "../outbox/set-aside.ts";
import type { LiveHub } from "../scoreboard/hub.ts";
import { practicalMessage } from "../scoreboard/practical-protocol.tsx";
import { applyPracticalBatch, choiceProblem } from "./apply.ts";
import { decideConflict } from "./resolve.ts";
import type { EntryHooks } from "../registration/registration.ts";
import { PracticalStore } from "./store.ts";

/**
 * Practical shooting (IPSC) inside the tournament object: stages and divisions, the division and power factor
 * declared at registration, stage scores and DQs (operations with the guarantees shots have), the results'
 * inputs, live messages on the event's scoreboard sockets and the copy to D1. Rules: src/domain/practical.
 */
export class Practical {
  private readonly store: PracticalStore;
  private readonly outbox: Outbox<PracticalChange>;

  constructor(
    private readonly ctx: DurableObjectState,
    env: Env,
    setAside: SetAside,
    log: Log,
    private readonly hub: LiveHub,
  ) {
    this.store = new PracticalStore(ctx.storage.sql);
    this.outbox = new Outbox(ctx.storage, env.DB, practicalStream, setAside, log);
    hub.otherShapes = (eventId) => {
      const book = this.book(eventId);
      if (!book) return null;
      return {
        userIds: book.entries.map((e) => e.userId),
        render: (seq, names) => practicalMessage({ book: { ...book, seq }, names }, seq, "snapshot", new Set(), "all"),
      };
    };
  }

  /** The practical events' stages and divisions (the list is complete), with the tournament's configuration. */
  configure(configs: readonly PracticalEventConfig[] | undefined): void {
    const parsed = (configs ?? []).map((c) => practicalEventConfigSchema.parse(c));
    this.ctx.storage.transactionSync(() => this.store.writeConfigs(parsed));
  }

  /**
   * Registration's hooks, run inside its decision: a practical event needs a division and power factor the
   * event allows (else the registration is refused before anything is written); another event takes none.
   */
  /** The hooks registration and walk-ups run inside their decisions (src/object/registration/registration.ts). */
  readonly entryHooks: EntryHooks = {
    check: (req) => {
      const config = this.store.config(Number(req.eventId));
      if (!config) return null;
      const problem = choiceProblem(config, req.practical);
      return problem ? { outcome: "refused", ...problem, replayed: false } : null;
    },
    accepted: (req, entry, now) => {
      if (!req.practical || !this.store.config(entry.eventId)) return;
      this.store.saveChoice(entry.id, practicalChoiceSchema.parse(req.practical), now);
    },
  };

  /** Up to 500 stage scores and DQs in one transaction; then the changed events' results go to their sockets. */
  applyOps(ops: PracticalOpInput[], actor: ScoringActor): StageOutcome[] {
    const checked = { ops: practicalBatchSchema.parse({ ops }).ops, actor: scoringActorSchema.parse(actor) };
    const now = Date.now();
    const { outcomes, published } = this.ctx.storage.transactionSync(() => {
      const batch = applyPracticalBatch(this.store, checked.ops, checked.actor, now);
      const published = [...batch.changed].map(([eventId, entries]) => ({ eventId, entries, seq: this.claimSeq(eventId) }));
      return { outcomes: batch.outcomes, published };
    });
    for (const { eventId, entries, seq } of published) this.publish(eventId, seq, entries, checked.ops);
    return outcomes;
  }

  /**
   * An organiser settles a stage conflict: keeping the standing score settles it; the later score or a
   * correction replaces the standing one as a correction naming it (applied, published and audited as any).
   */
  resolveConflict(decision: StageConflictDecision, actor: ScoringActor): StageOutcome {
    const d = stageConflictDecisionSchema.parse(decision);
    const a = scoringActorSchema.parse(actor);
    const now = Date.now();
    const decided = this.ctx.storage.transactionSync(() => decideConflict(this.store, d, a.userId, now));
    if ("outcome" in decided) return decided.outcome;
    const outcome = this.applyOps([decided.correction], a)[0]!;
    if (outcome.outcome === "applied") this.ctx.storage.transactionSync(decided.audit);
    return outcome;
  }

  private claimSeq(eventId: number): number {
    const r = this.ctx.storage.sql
      .exec("INSERT INTO live_events (event_id, seq) VALUES (?, 1) ON CONFLICT (event_id) DO UPDATE SET seq = seq + 1 RETURNING seq", eventId)
      .one();
    return Number(r.seq);
  }

  private publish(eventId: number, seq: number, entries: Set<string>, ops: readonly PracticalOpInput[]): void {
    const book = this.book(eventId);
    if (!book) return;
    const stageIds = new Set(ops.filter((op) => entries.has(op.entryId) && "stage" in op).map((op) => ("stage" in op ? op.stage : 0)));
    // A DQ changes every stage's table.
    const stages = ops.some((op) => entries.has(op.entryId) && "dq" in op) ? "all" : stageIds;
    this.hub.publishRendered(eventId, seq, book.entries.map((e) => e.userId), (names) =>
      practicalMessage({ book, names }, seq, "update", entries, stages),
    );
  }

  /** Everything the event's results are computed from; null when the event is not practical. */
  book(eventId: number): PracticalBook | null {
    const id = Number(eventId);
    const config = this.store.config(id);
    if (!config) return null;
    const seq = Number(this.ctx.storage.sql.exec("SELECT seq FROM live_events WHERE event_id = ?", id).toArray()[0]?.seq ?? 0);
    return {
      eventId: id,
      title: this.store.eventTitle(id),
      seq,
      official: this.store.isOfficial(id),
      stages: [...config.stages].sort((a, b) => a.number - b.number),
      divisions: config.divisions,
      entries: this.store.entries(id),
      scores: this.store.scores(id),
    };
  }

  choices() {
    return this.store.choices();
  }

  conflicts(eventId: number, includeResolved: boolean): StageConflictView[] {
    return this.store.conflicts(Number(eventId), includeResolved === true);
  }

  drainOutbox(): Promise<void> {
    return this.outbox.drain();
  }

  outboxDueAt(now: number): number | null {
    return this.outbox.dueAt(now);
  }

  outboxPending(): number {
    return this.outbox.pending();
  }
}
