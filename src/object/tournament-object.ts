import type * as C from "./contract/index.ts";
import { objectCallSchema } from "./contract/call.ts";
import type { Practical } from "./practical/practical.ts";
import { openingFigures } from "./registration/opening-figures.ts";
import { callableMethod, forRequest } from "./request-scope.ts";
import { shotPositions } from "./scoring/positions.ts";
import { TournamentParts } from "./tournament-parts.ts";

/**
 * The single writer for one tournament's entries and live scores. Each RPC method hands its call to the
 * part that owns the concern (tournament-parts.ts): registration, payments, the organisers' desk, live
 * scoring, finals, practical shooting. They all write through `Decisions` (one synchronous transaction, then
 * the alarm), and the alarm copies every change to D1 through the outboxes.
 */
export class TournamentObject extends TournamentParts {
  /**
   * How the Worker's client calls every method below: with the id of the request it works for, which the
   * object's log lines then carry (request-scope.ts). A name that is not such a method is refused.
   */
  call(requestId: string, method: string, args: unknown[]): unknown {
    const parsed = objectCallSchema.parse({ requestId, method, args });
    return forRequest(parsed.requestId, () => {
      const target = callableMethod(TournamentObject.prototype, parsed.method);
      if (!target) {
        this.log.warn("object: a call named no method of the tournament object", { method: parsed.method });
        throw new Error(`The tournament object has no method ${parsed.method}`);
      }
      return target.apply(this, parsed.args);
    });
  }

  // ---------- Registration: src/object/registration ----------

  /** Applies a configuration pushed by the Worker (ignored when older than the one in force). */
  async configure(config: C.TournamentConfig): Promise<C.ConfigureResult> {
    const result = await this.registration.configure(config);
    if (result.applied) this.practical.configure(config.practical);
    return result;
  }

  /** A place on the relay, or "any" relay's earliest, else the waitlist; held until paid when there is a fee. */
  register(req: C.RegisterRequest): Promise<C.RegisterResult> {
    return this.registration.register(req, this.practical.entryHooks);
  }

  /** The owner withdraws; the freed place goes to the first waiting entry that fits, in the same decision. */
  withdraw(req: C.WithdrawRequest): Promise<C.ChangeResult> {
    return this.registration.withdraw(req);
  }

  /** An organiser removes an entry with a reason (the Worker has checked the organiser's role). */
  remove(req: C.RemoveRequest): Promise<C.ChangeResult> {
    return this.registration.remove(req);
  }

  /** Payment received: a held entry becomes confirmed (refused when its hold already lapsed). */
  markPaid(entryId: string): Promise<C.ChangeResult> {
    return this.registration.markPaid(entryId);
  }

  /** Places, counts and window for pages and the API. */
  snapshot(): C.TournamentSnapshot {
    return this.registration.snapshot();
  }

  /** Every entry of the user in this tournament, active or not, oldest first. */
  entriesOf(userId: number): C.EntryView[] {
    return this.registration.entriesOf(userId);
  }

  entry(id: string): C.EntryView | null {
    return this.registration.entry(id);
  }

  /** The organisers' feed: entries changed after `since` (epoch ms), about `limit` per page. */
  changesSince(since: number, limit = 500): C.ChangesPage {
    return this.registration.changesSince(since, limit);
  }

  /** Entry changes not yet in D1 (for benchmarks and tests that wait for the copy). */
  outboxPending(): number {
    return this.registration.outboxPending();
  }

  // ---------- Payments (Stripe Checkout for held entries): src/object/payments ----------

  /** "Pay now" on a held entry: the attempt to create a session for, or the session still open. */
  startCheckout(req: C.StartCheckoutRequest): Promise<C.StartCheckoutResult> {
    return this.payments.startCheckout(req);
  }

  recordCheckout(req: C.RecordCheckoutRequest): Promise<void> {
    return this.payments.recordCheckout(req);
  }

  /** A verified Stripe event about a session or a charge of this tournament (each event id applied once). */
  paymentEvent(ev: C.PaymentEvent): Promise<C.PaymentEventResult> {
    return this.payments.paymentEvent(ev);
  }

  /** An organiser's refund (the Worker has checked the role and audits it); the alarm makes it on Stripe. */
  refundEntry(req: C.RefundEntryRequest): Promise<C.RefundEntryResult> {
    return this.payments.refundEntry(req);
  }

  /** Every Checkout Session (of one entry when given), oldest first. */
  checkoutSessions(entryId: string | null = null): C.CheckoutView[] {
    return entryId === null ? this.payments.sessions() : this.payments.sessionsOf(entryId);
  }

  // ---------- Organisers (the Worker has checked the role): src/object/organiser ----------

  move(req: C.MoveRequest): Promise<C.ChangeResult> {
    return this.organiser.move(req);
  }

  addEntry(req: C.WalkUpRequest): Promise<C.WalkUpResult> {
    return this.organiser.addEntry(req, this.practical.entryHooks);
  }

  /** A walk-up entry claimed by its competitor's verified account. */
  reassign(req: C.ReassignRequest): Promise<C.ChangeResult> {
    return this.organiser.reassign(req);
  }

  checkIn(entryId: string, checkedIn: boolean): Promise<C.ChangeResult> {
    return this.organiser.checkIn(entryId, checkedIn);
  }

  assignFiringPoint(entryId: string, point: number): Promise<C.ChangeResult> {
    return this.organiser.assignFiringPoint(entryId, point);
  }

  /** Every entry, oldest first: what the organisers' tables, start lists and check-in show. */
  allEntries(): C.EntryView[] {
    return this.organiser.allEntries();
  }

  checkInCounts(): C.CheckInCount[] {
    return this.organiser.checkInCounts();
  }

  /** Rows D1 refused for good and the outboxes set aside, oldest first. */
  setAsideRows(): C.SetAsideRow[] {
    return this.setAside.rows();
  }

  // ---------- Live scoring (the Worker has checked the actor is staff): src/object/scoring ----------

  /** Applies up to 500 shot operations in one transaction. */
  applyShots(ops: C.ShotOpInput[], actor: C.ScoringActor): Promise<C.ApplyShotsResult> {
    return this.live.applyShots(ops, actor);
  }

  /** An event's standings (names are the Worker's: it reads them from D1). */
  results(eventId: number): C.EventStandings | null {
    return this.live.results(eventId);
  }

  /** One entry's shots and standing line, for the scoring page. */
  card(entryId: string): C.EntryCard | null {
    return this.live.card(entryId);
  }

  /** Later, different values for filled slots, kept for the organiser (open ones unless asked for all). */
  conflicts(eventId: number | null = null, includeResolved = false): C.ConflictView[] {
    return this.live.conflicts(eventId, includeResolved);
  }

  /** Resolves a scoring conflict by keeping the value that stands (the other way is a correction). */
  keepStandingValue(conflictOpId: string): Promise<C.KeepStandingResult> {
    return this.live.keepStandingValue(conflictOpId);
  }

  /** Marks an event's results official (frozen except for corrections) or unofficial; returns the official events. */
  setResultsOfficial(eventId: number, official: boolean): number[] {
    return this.live.setResultsOfficial(eventId, official);
  }

  officialEvents(): number[] {
    return this.live.officialEvents();
  }

  /** Where the entries' shots (and sighters) landed, for the shot plots; at most 100 entries. */
  shotPositions(entryIds: string[]): Record<string, C.ShotPosition[]> {
    return shotPositions(this.ctx.storage.sql, Array.isArray(entryIds) ? entryIds : []);
  }

  /** Scoring changes not yet in D1. */
  shotsOutboxPending(): number {
    return this.live.outboxPending();
  }

  // ---------- Finals (the Worker has checked the role): src/object/finals ----------

  /** A final for an event: its best eight by the qualification's tie-breaks start from zero. */
  createFinal(input: C.CreateFinalInput): C.CreateFinalResult {
    return this.finals.create(input);
  }

  finalsList(): C.FinalSummary[] {
    return this.finals.list();
  }

  final(id: number): C.FinalView | null {
    return this.finals.view(id);
  }

  /** Final and shoot-off shots, applied like every shot operation. */
  applyFinalShots(finalId: number, ops: C.FinalShotOpInput[], actor: C.ScoringActor): C.ApplyShotsResult {
    return this.finals.applyShots(finalId, ops, actor);
  }

  /** Registrations per second, places left, outbox lag and sockets: the admin dashboard's opening minute. */
  openingFigures(): C.OpeningFigures {
    const now = Date.now();
    return openingFigures(this.ctx.storage.sql, this.registration.snapshot(), this.live.outboxPending(), this.ctx.getWebSockets().length, now);
  }

  // ---------- Practical shooting (the Worker has checked the actor is staff): src/object/practical ----------

  /** Up to 500 stage scores and DQs in one transaction. */
  applyStageScores(ops: C.PracticalOpInput[], actor: C.ScoringActor): Promise<{ outcomes: C.StageOutcome[] }> {
    return this.decisions.withAlarm(() => ({ outcomes: this.practical.applyOps(ops, actor) }));
  }

  /** A practical event's stages, divisions, entries and scores; null for any other event. */
  practicalBook(eventId: number): C.PracticalBook | null {
    return this.practical.book(eventId);
  }

  /** Division, power factor, category and DQ of every practical entry. */
  practicalChoices(): ReturnType<Practical["choices"]> {
    return this.practical.choices();
  }

  stageConflicts(eventId: number, includeResolved = false): C.StageConflictView[] {
    return this.practical.conflicts(eventId, includeResolved);
  }

  /** An organiser's decision on a stage conflict (the Worker has checked the role). */
  resolveStageConflict(decision: C.StageConflictDecision, actor: C.ScoringActor): Promise<C.StageOutcome> {
    return this.decisions.withAlarm(() => this.practical.resolveConflict(decision, actor));
  }

  /** Practical changes not yet in D1. */
  practicalOutboxPending(): number {
    return this.practical.outboxPending();
  }
}
