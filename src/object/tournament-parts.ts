import { DurableObject } from "cloudflare:workers";
import type { EntryRecord } from "../domain/registration/types.ts";
import { type Log, objectLog } from "../lib/log.ts";
import { REQUEST_ID_HEADER } from "../lib/request-id.ts";
import { stripeClient } from "../payments/stripe.ts";
import { Decisions } from "./decisions.ts";
import { LiveFinals, finalSocketOf, isFinalsSocketRequest } from "./finals/live-finals.ts";
import { Organiser } from "./organiser/organiser.ts";
import { Outbox } from "./outbox/driver.ts";
import { entriesStream } from "./outbox/entries.ts";
import { entryMails } from "./outbox/mail.ts";
import { paymentMails, paymentsStream } from "./outbox/payments.ts";
import { SetAside } from "./outbox/set-aside.ts";
import { Payments } from "./payments/payments.ts";
import { PaymentStore } from "./payments/store.ts";
import { Practical } from "./practical/practical.ts";
import { Registration } from "./registration/registration.ts";
import { SqliteBook } from "./registration/sqlite-book.ts";
import { currentRequestId, forRequest } from "./request-scope.ts";
import { socketRequestId } from "./scoreboard/hub.ts";
import { LiveScoring } from "./scoring/live-scoring.ts";
import { migrate } from "./storage/migrations.ts";

/**
 * The tournament object's parts and lifecycle: which part owns which concern, how they are built, and what
 * the runtime calls (start, the scoreboard's socket upgrade, socket events, the alarm). The RPC surface the
 * Worker calls is the subclass, `TournamentObject` (tournament-object.ts).
 */
export abstract class TournamentParts extends DurableObject<Env> {
  protected readonly decisions: Decisions;
  protected readonly registration: Registration;
  protected readonly organiser: Organiser;
  /** Shot operations, standings, scoreboard sockets: src/object/scoring. */
  protected readonly live: LiveScoring;
  /** Finals, their shots and their scoreboard sockets: src/object/finals. */
  protected readonly finals: LiveFinals;
  protected readonly entriesOutbox: Outbox<EntryRecord>;
  protected readonly setAside: SetAside;
  /** Practical shooting (IPSC): stages, divisions, stage scores, DQs: src/object/practical. */
  protected readonly practical: Practical;
  /** Checkout Sessions, payments and refunds: src/object/payments. */
  protected readonly payments: Payments;
  protected readonly paymentsOutbox: Outbox<unknown>;
  protected readonly log: Log;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    const log = objectLog(ctx.id, currentRequestId);
    this.log = log;
    const book = new SqliteBook(sql);
    this.decisions = new Decisions(ctx.storage, book, {
      dueTimes: (now) => [
        this.entriesOutbox.dueAt(now),
        this.registration.nextHoldExpiry(),
        this.live.outboxDueAt(now),
        this.setAside.dueAt(now),
        this.practical.outboxDueAt(now),
        this.paymentsOutbox.dueAt(now),
        this.payments.dueAt(now),
      ],
      // Live scoring's kept boards are read from entries.
      entriesChanged: () => this.live.forgetBoards(),
    });
    this.setAside = new SetAside(sql, log);
    this.entriesOutbox = new Outbox(ctx.storage, env.DB, entriesStream, this.setAside, log, entryMails(env.MAIL_QUEUE, env.PUBLIC_ORIGIN));
    const paymentStore = new PaymentStore(sql);
    this.registration = new Registration(sql, book, this.decisions, paymentStore);
    this.payments = new Payments(book, paymentStore, this.decisions);
    this.paymentsOutbox = new Outbox(ctx.storage, env.DB, paymentsStream, this.setAside, log, paymentMails(env.MAIL_QUEUE, env.PUBLIC_ORIGIN)) as Outbox<unknown>;
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

  // ---------- Lifecycle ----------

  /** Only the scoreboard's WebSocket upgrade comes through fetch; everything else is RPC. */
  override async fetch(request: Request): Promise<Response> {
    const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
    return forRequest(requestId, () => (isFinalsSocketRequest(request) ? this.finals.accept(request) : this.live.hub.accept(request)));
  }

  // A socket's lines carry the id of the request that opened it (kept with the socket through hibernation).
  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const final = finalSocketOf(ws);
    forRequest(socketRequestId(ws), () => (final ? this.finals.onMessage(ws, final, message) : this.live.hub.onMessage(ws, message)));
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    forRequest(socketRequestId(ws), () => this.live.hub.onClose(ws, code, reason));
  }

  override async webSocketError(ws: WebSocket, error: unknown): Promise<void> {
    forRequest(socketRequestId(ws), () => this.live.hub.onError(ws, error));
  }

  /** Lapses due holds and tidies, copies waiting changes to D1, reports set-aside rows, and sets itself again. */
  override async alarm(): Promise<void> {
    // An alarm run is no visitor's request: it gets an id of its own, so its lines still group.
    return forRequest(`alarm-${crypto.randomUUID()}`, () => this.runAlarm());
  }

  private async runAlarm(): Promise<void> {
    this.decisions.alarmRan();
    // D1 knows every payment before Stripe is asked for anything (a refund's charge.refunded is looked up there);
    // sessions of lapsed holds are expired on Stripe before `tidy` releases the places.
    await this.paymentsOutbox.drain();
    await this.payments.work(stripeClient(this.env), this.log);
    this.registration.tidy();
    await this.entriesOutbox.drain();
    await this.paymentsOutbox.drain();
    await this.live.drainOutbox();
    await this.practical.drainOutbox();
    await this.setAside.report(this.env.DB);
    await this.decisions.scheduleAlarm();
  }
}
