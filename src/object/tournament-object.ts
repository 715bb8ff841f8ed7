import { objectLog } from "../lib/log.ts";
import { DurableObject } from "cloudflare:workers";
import type { EntryRecord } from "../domain/registration/types.ts";
import type {
  CreateFinalInput,
  CreateFinalResult,
  FinalShotOpInput,
  FinalSummary,
  FinalView,
  ApplyShotsResult,
  ChangeResult,
  ChangesPage,
  CheckInCount,
  ConfigureResult,
  ConflictView,
  EntryCard,
  EntryView,
  EventStandings,
  KeepStandingResult,
  OpeningFigures,
  PracticalBook,
  PracticalOpInput,
  StageConflictDecision,
  StageConflictView,
  StageOutcome,
  MoveRequest,
  ReassignRequest,
  RegisterRequest,
  RegisterResult,
  RemoveRequest,
  ScoringActor,
  SetAsideRow,
  ShotOpInput,
  ShotPosition,
  TournamentConfig,
  TournamentSnapshot,
  WalkUpRequest,
  WalkUpResult,
  WithdrawRequest,
} from "./contract/index.ts";
import { Decisions } from "./decisions.ts";
import { Organiser } from "./organiser/organiser.ts";
import { Practical } from "./practical/practical.ts";
import { Outbox } from "./outbox/driver.ts";
import { entriesStream } from "./outbox/entries.ts";
import { entryMails } from "./outbox/mail.ts";
import { SetAside } from "./outbox/set-aside.ts";
import { openingFigures } from "./registration/opening-figures.ts";
import { Registration } from "./registration/registration.ts";
import { SqliteBook } from "./registration/sqlite-book.ts";
import { LiveScoring } from "./scoring/live-scoring.ts";
import { shotPositions } from "./scoring/positions.ts";
import { LiveFinals, finalSocketOf, isFinalsSocketRequest } from "./finals/live-finals.ts";
import { migrate } from "./storage/migrations.ts";

/**
 * The single writer for one tournament's entries and live scores. Each RPC method hands its call to the
 * part that owns the concern: registration, the organisers' desk, live scoring. They all write through
 * `Decisions` (one synchronous transaction, then the alarm), and the alarm copies every change to D1
 * through the outboxes.
 */
export class TournamentObject extends DurableObject<Env> {
  private readonly decisions: Decisions;
  private readonly registration: Registration;
  private readonly organiser: Organiser;
  /** Shot operations, standings, scoreboard sockets: src/object/scoring. */
  private readonly live: LiveScoring;
  /** Finals, their shots and their scoreboard sockets: src/object/finals. */
  private readonly finals: LiveFinals;
  private readonly entriesOutbox: Outbox<EntryRecord>;
  private readonly setAside: SetAside;
  /** Practical shooting (IPSC): stages, divisions, stage scores, DQs: src/object/practical. */
  private readonly practical: Practical;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    const log = objectLog(ctx.id);
    const book = new SqliteBook(sql);
    this.decisions = new Decisions(ctx.storage, book, {
      dueTimes: (now) => [
        this.entriesOutbox.dueAt(now),
        this.registration.nextHoldExpiry(),
        this.live.outboxDueAt(now),
        this.setAside.dueAt(now),
        this.practical.outboxDueAt(now),
      ],
      // Live scoring's kept boards are read from entries.
      entriesChanged: () => this.live.forgetBoards(),
    });
    this.setAside = new SetAside(sql, log);
    this.entriesOutbox = new Outbox(ctx.storage, env.DB, entriesStream, this.setAside, log, entryMails(env.MAIL_QUEUE, env.PUBLIC_ORIGIN));
    this.registration = new Registration(sql, book, this.decisions);
    this.organiser = new Organiser(sql, book, this.decisions);
    this.live = new LiveScoring(ctx, env, this.decisions, this.setAside, log);
    this.finals = new LiveFinals(ctx, env, log);
    this.practical = new Practical(ctx, env, this.setAside, log, this.live.hub);
    // Scoreboard keep-alives are answered without waking a hibernating object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
    void ctx.blockConcurrencyWhile(() => this.onStart());
  }

  /** Once per start (and after hibernation): the schema, then any alarm work already due. */
  private async onStart(): Promise<void> {
    migrate(this.ctx.storage);
    await this.decisions.start();
  }

  // ---------- Registration: src/object/registration ----------

  /** Applies a configuration pushed by the Worker (ignored when older than the one in force). */
  async configure(config: TournamentConfig): Promise<ConfigureResult> {
    const result = await this.registration.configure(config);
    if (result.applied) this.practical.configure(config.practical);
    return result;
  }

  /** A place on the relay, or "any" relay's earliest, else the waitlist; held until paid when there is a fee. */
  register(req: RegisterRequest): Promise<RegisterResult> {
    return this.registration.register(req, this.practical.entryHooks);
  }

  /** The owner withdraws; the freed place goes to the first waiting entry that fits, in the same decision. */
  withdraw(req: WithdrawRequest): Promise<ChangeResult> {
    return this.registration.withdraw(req);
  }

  /** An organiser removes an entry with a reason (the Worker has checked the organiser's role). */
  remove(req: RemoveRequest): Promise<ChangeResult> {
    return this.registration.remove(req);
  }

  /** Payment received: a held entry becomes confirmed (refused when its hold already lapsed). */
  markPaid(entryId: string): Promise<ChangeResult> {
    return this.registration.markPaid(entryId);
  }

  /** Places, counts and window for pages and the API. */
  snapshot(): TournamentSnapshot {
    return this.registration.snapshot();
  }

  /** Every entry of the user in this tournament, active or not, oldest first. */
  entriesOf(userId: number): EntryView[] {
    return this.registration.entriesOf(userId);
  }

  entry(id: string): EntryView | null {
    return this.registration.entry(id);
  }

  /** The organisers' feed: entries changed after `since` (epoch ms), about `limit` per page. */
  changesSince(since: number, limit = 500): ChangesPage {
    return this.registration.changesSince(since, limit);
  }

  /** Entry changes not yet in D1 (for benchmarks and tests that wait for the copy). */
  outboxPending(): number {
    return this.registration.outboxPending();
  }

  // ---------- Organisers (the Worker has checked the role): src/object/organiser ----------

  move(req: MoveRequest): Promise<ChangeResult> {
    return this.organiser.move(req);
  }

  addEntry(req: WalkUpRequest): Promise<WalkUpResult> {
    return this.organiser.addEntry(req, this.practical.entryHooks);
  }

  /** A walk-up entry claimed by its competitor's verified account. */
  reassign(req: ReassignRequest): Promise<ChangeResult> {
    return this.organiser.reassign(req);
  }

  checkIn(entryId: string, checkedIn: boolean): Promise<ChangeResult> {
    return this.organiser.checkIn(entryId, checkedIn);
  }

  assignFiringPoint(entryId: string, point: number): Promise<ChangeResult> {
    return this.organiser.assignFiringPoint(entryId, point);
  }

  /** Every entry, oldest first: what the organisers' tables, start lists and check-in show. */
  allEntries(): EntryView[] {
    return this.organiser.allEntries();
  }

  checkInCounts(): CheckInCount[] {
    return this.organiser.checkInCounts();
  }

  /** Rows D1 refused for good and the outboxes set aside, oldest first. */
  setAsideRows(): SetAsideRow[] {
    return this.setAside.rows();
  }

  // ---------- Live scoring (the Worker has checked the actor is staff): src/object/scoring ----------

  /** Applies up to 500 shot operations in one transaction. */
  applyShots(ops: ShotOpInput[], actor: ScoringActor): Promise<ApplyShotsResult> {
    return this.live.applyShots(ops, actor);
  }

  /** An event's standings (names are the Worker's: it reads them from D1). */
  results(eventId: number): EventStandings | null {
    return this.live.results(eventId);
  }

  /** One entry's shots and standing line, for the scoring page. */
  card(entryId: string): EntryCard | null {
    return this.live.card(entryId);
  }

  /** Later, different values for filled slots, kept for the organiser (open ones unless asked for all). */
  conflicts(eventId: number | null = null, includeResolved = false): ConflictView[] {
    return this.live.conflicts(eventId, includeResolved);
  }

  /** Resolves a scoring conflict by keeping the value that stands (the other way is a correction). */
  keepStandingValue(conflictOpId: string): Promise<KeepStandingResult> {
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
  shotPositions(entryIds: string[]): Record<string, ShotPosition[]> {
    return shotPositions(this.ctx.storage.sql, Array.isArray(entryIds) ? entryIds : []);
  }

  /** Scoring changes not yet in D1. */
  shotsOutboxPending(): number {
    return this.live.outboxPending();
  }

  // ---------- Finals (the Worker has checked the role): src/object/finals ----------

  /** A final for an event: its best eight by the qualification's tie-breaks start from zero. */
  createFinal(input: CreateFinalInput): CreateFinalResult {
    return this.finals.create(input);
  }

  finalsList(): FinalSummary[] {
    return this.finals.list();
  }

  final(id: number): FinalView | null {
    return this.finals.view(id);
  }

  /** Final and shoot-off shots, applied like every shot operation. */
  applyFinalShots(finalId: number, ops: FinalShotOpInput[], actor: ScoringActor): ApplyShotsResult {
    return this.finals.applyShots(finalId, ops, actor);
  }

  /** Registrations per second, places left, outbox lag and sockets: the admin dashboard's opening minute. */
  openingFigures(): OpeningFigures {
    const now = Date.now();
    return openingFigures(this.ctx.storage.sql, this.registration.snapshot(), this.live.outboxPending(), this.ctx.getWebSockets().length, now);
  }

  // ---------- Practical shooting (the Worker has checked the actor is staff): src/object/practical ----------

  /** Up to 500 stage scores and DQs in one transaction. */
  applyStageScores(ops: PracticalOpInput[], actor: ScoringActor): Promise<{ outcomes: StageOutcome[] }> {
    return this.decisions.withAlarm(() => ({ outcomes: this.practical.applyOps(ops, actor) }));
  }

  /** A practical event's stages, divisions, entries and scores; null for any other event. */
  practicalBook(eventId: number): PracticalBook | null {
    return this.practical.book(eventId);
  }

  /** Division, power factor, category and DQ of every practical entry. */
  practicalChoices(): ReturnType<Practical["choices"]> {
    return this.practical.choices();
  }

  stageConflicts(eventId: number, includeResolved = false): StageConflictView[] {
    return this.practical.conflicts(eventId, includeResolved);
  }

  /** An organiser's decision on a stage conflict (the Worker has checked the role). */
  resolveStageConflict(decision: StageConflictDecision, actor: ScoringActor): Promise<StageOutcome> {
    return this.decisions.withAlarm(() => this.practical.resolveConflict(decision, actor));
  }

  /** Practical changes not yet in D1. */
  practicalOutboxPending(): number {
    return this.practical.outboxPending();
  }

  // ---------- Lifecycle ----------

  /** Only the scoreboard's WebSocket upgrade comes through fetch; everything else is RPC. */
  override async fetch(request: Request): Promise<Response> {
    if (isFinalsSocketRequest(request)) return this.finals.accept(request);
    return this.live.hub.accept(request);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const final = finalSocketOf(ws);
    if (final) return this.finals.onMessage(ws, final, message);
    this.live.hub.onMessage(ws, message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.live.hub.onClose(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket, error: unknown): Promise<void> {
    this.live.hub.onError(ws, error);
  }

  /** Lapses due holds and tidies, copies waiting changes to D1, reports set-aside rows, and sets itself again. */
  override async alarm(): Promise<void> {
    this.decisions.alarmRan();
    this.registration.tidy();
    await this.entriesOutbox.drain();
    await this.live.drainOutbox();
    await this.practical.drainOutbox();
    await this.setAside.report(this.env.DB);
    await this.decisions.scheduleAlarm();
  }
}
