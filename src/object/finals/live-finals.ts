import { qualifiers } from "../../domain/finals/index.ts";
import { discipline, shotsOf, type Discipline, type FinalFormat } from "../../domain/scoring/index.ts";
import type { Log } from "../../lib/log.ts";
import {
  type ApplyShotsResult,
  type CreateFinalResult,
  type FinalShotOpInput,
  type FinalSummary,
  type FinalView,
  type ScoringActor,
  createFinalSchema,
  finalShotBatchSchema,
  positiveId,
  scoringActorSchema,
} from "../contract/index.ts";
import { wireText } from "../scoreboard/wire.ts";
import { CLOSE_POLICY } from "../scoreboard/limits.ts";
import { currentRequestId } from "../request-scope.ts";
import { CompetitorNames } from "../scoring/names.ts";
import { ScoringStore } from "../scoring/store.ts";
import { applyFinalBatch } from "./apply.ts";
import { finalFormat, finalMessage } from "./board-view.tsx";
import { FinalsStore } from "./store.ts";

const finalTag = (finalId: number) => `final:${finalId}`;
const SOCKET_PATH = /\/finals\/([1-9][0-9]{0,14})\/socket$/;
/** Sockets one client address may hold on one final. */
const SOCKETS_PER_CLIENT = 8;

/** A finals scoreboard socket's state through hibernation. */
interface FinalSocket {
  finalId: number;
  /** The request that opened it, for its log lines (src/object/request-scope.ts). */
  requestId?: string;
}

export function finalSocketOf(ws: WebSocket): FinalSocket | null {
  const s = ws.deserializeAttachment() as Partial<FinalSocket> | null;
  return s && typeof s.finalId === "number" ? { finalId: s.finalId } : null;
}

export function isFinalsSocketRequest(request: Request): boolean {
  return SOCKET_PATH.test(new URL(request.url).pathname);
}

/**
 * Finals in the tournament object: made from an event's qualification (the best eight by its tie-breaks,
 * from zero), shots and shoot-off shots applied like every shot (one transaction per batch, idempotent by
 * opId), and the finals scoreboard's sockets (hibernation API, tag `final:<id>`), each change sent as the
 * whole board. Eight rows: a message is small, and a socket that missed one is brought up to date by the next.
 */
export class LiveFinals {
  private readonly store: FinalsStore;
  private readonly scoring: ScoringStore;
  private readonly names: CompetitorNames;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: DurableObjectState,
    env: Env,
    private readonly log: Log,
  ) {
    this.store = new FinalsStore(ctx.storage.sql);
    this.scoring = new ScoringStore(ctx.storage.sql);
    this.names = new CompetitorNames(ctx.storage.sql, env.DB, log);
  }

  /** The final of an event: its best eight qualify; refused with a reason the organiser can act on. */
  create(input: unknown): CreateFinalResult {
    const { eventId, formatId, createdBy } = createFinalSchema.parse(input);
    return this.ctx.storage.transactionSync((): CreateFinalResult => {
      const refuse = (reason: Extract<CreateFinalResult, { outcome: "refused" }>["reason"], message: string, tied: string[] = []) =>
        ({ outcome: "refused", reason, message, tied }) as const;
      const event = this.scoring.event(eventId);
      const d = event ? discipline(event.discipline) : undefined;
      if (!event || !d) return refuse("unknown_event", "There is no such event in this tournament");
      if (d.scoring === "hitmiss") return refuse("no_final", `${d.name} finals are shot on clays, not with this format`);
      if (this.store.finalOfEvent(eventId) !== null) return refuse("final_exists", "This event already has its final");
      const format = finalFormat(formatId)!;
      const cards = this.scoring.eventCards(eventId);
      const chosen = qualifiers(d, cards.map((c) => ({ entryId: c.entryId, shots: shotsOf(c) })), format.finalists);
      if (!chosen.ok) return refuse(chosen.reason, chosen.message, chosen.tied);
      const userOf = new Map(cards.map((c) => [c.entryId, c.userId]));
      const finalists = chosen.entryIds.map((entryId) => ({ entryId, userId: userOf.get(entryId)! }));
      return { outcome: "created", finalId: this.store.create(eventId, format.id, finalists, createdBy, Date.now()) };
    });
  }

  list(): FinalSummary[] {
    return this.store.list();
  }

  /** The final with its finalists' shots; null for a final this object does not know. */
  view(id: number): FinalView | null {
    const final = this.store.final(positiveId.parse(id));
    const event = final ? this.scoring.event(final.eventId) : null;
    if (!final || !event) return null;
    return {
      id: final.id,
      eventId: event.id,
      eventTitle: event.title,
      discipline: event.discipline,
      formatId: final.formatId,
      seq: final.seq,
      finalists: this.store.finalists(final.id),
    };
  }

  private rules(view: FinalView): { d: Discipline; format: FinalFormat } | null {
    const d = discipline(view.discipline);
    const format = finalFormat(view.formatId);
    return d && format ? { d, format } : null;
  }

  /** Final and shoot-off shots, in one transaction; the board goes to the final's sockets once it is durable. */
  applyShots(finalId: number, ops: FinalShotOpInput[], actor: ScoringActor): ApplyShotsResult {
    const id = positiveId.parse(finalId);
    const checked = { ops: finalShotBatchSchema.parse({ ops }).ops, actor: scoringActorSchema.parse(actor) };
    const view = this.view(id);
    const rules = view ? this.rules(view) : null;
    if (!view || !rules) {
      return {
        results: checked.ops.map((op) => ({
          opId: op.opId, entryId: op.entryId, shotNo: op.shotNo, outcome: "rejected", reason: "unknown_entry", message: "There is no such final in this tournament",
        })),
      };
    }
    const finalists = new Set(view.finalists.map((f) => f.entryId));
    const { results, changed } = this.ctx.storage.transactionSync(() => {
      const batch = applyFinalBatch(this.store, { id, ...rules, finalists }, checked.ops, checked.actor, Date.now());
      if (batch.changed) this.store.bumpSeq(id);
      return batch;
    });
    if (changed) this.broadcast(id);
    return { results };
  }

  /** Accepts a finals scoreboard socket (`.../finals/<id>/socket`). */
  accept(request: Request): Response {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("This address takes a WebSocket connection.", { status: 426, headers: { Upgrade: "websocket" } });
    }
    const finalId = Number(SOCKET_PATH.exec(new URL(request.url).pathname)?.[1]);
    if (!this.store.final(finalId)) return new Response("No such final.", { status: 404 });
    const { 0: client, 1: server } = new WebSocketPair();
    const address = request.headers.get("CF-Connecting-IP")?.trim() || "local";
    const clientTag = `final-client:${finalId}:${address.slice(0, 200)}`;
    if (this.ctx.getWebSockets(clientTag).length >= SOCKETS_PER_CLIENT) {
      server.accept();
      server.close(CLOSE_POLICY, `Too many connections to this final from your address (${SOCKETS_PER_CLIENT})`);
      return new Response(null, { status: 101, webSocket: client });
    }
    this.ctx.acceptWebSocket(server, [finalTag(finalId), clientTag]);
    server.serializeAttachment({ finalId, requestId: currentRequestId() } satisfies FinalSocket);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** A hello (`{"type":"hello","seq":N}`) from a page behind the final: the whole board to that socket. */
  onMessage(ws: WebSocket, state: FinalSocket, message: string | ArrayBuffer): void {
    let seq: unknown = null;
    try {
      seq = typeof message === "string" && message.length < 200 ? (JSON.parse(message) as { seq?: unknown }).seq : null;
    } catch {
      seq = null;
    }
    const final = this.store.final(state.finalId);
    if (final && seq !== final.seq) this.send(state.finalId, [ws]);
  }

  private broadcast(finalId: number): void {
    if (this.ctx.getWebSockets(finalTag(finalId)).length === 0) return;
    this.send(finalId, null);
  }

  /** Renders the board once (after the names it needs) and sends it; messages leave in order. */
  private send(finalId: number, to: WebSocket[] | null): void {
    this.queue = this.queue
      .then(async () => {
        const first = this.view(finalId);
        if (!first) return;
        const ids = first.finalists.map((f) => f.userId);
        const { missing } = this.names.gaps(ids, Date.now());
        if (missing.length > 0) await this.names.fetch(missing);
        // Read again after the await: the message describes one moment, the latest.
        const view = this.view(finalId)!;
        const rules = this.rules(view);
        if (!rules) return;
        const text = wireText(finalMessage(view, rules.d, rules.format, this.names.known(ids)));
        for (const ws of to ?? this.ctx.getWebSockets(finalTag(finalId))) {
          try {
            ws.send(text);
          } catch {
            // Closed meanwhile; webSocketClose tidies up.
          }
        }
      })
      .catch((err) => this.log.error("finals: a scoreboard message failed", err, { finalId }));
  }
}
