import type { Context } from "hono";
import type { Db } from "../db/client.ts";
import { tournamentOfEntry } from "../domain/registration/entry-id.ts";
import type { AppEnv } from "../env.ts";
import type { ConfigureResult, RegisterRequest, RegisterResult, TournamentSnapshot } from "../object/contract/index.ts";
import type { TournamentObject } from "../object/tournament-object.ts";
import { type Log, logger } from "../lib/log.ts";
import { REQUEST_ID_HEADER } from "../lib/request-id.ts";
import type { Span } from "../lib/request-timing.ts";
import { readConfiguration } from "./configuration.ts";
import { refusalFor } from "./refusals.ts";

type Fn = (...args: any[]) => any;
type Callable = { [K in keyof TournamentObject as TournamentObject[K] extends Fn ? K : never]: Extract<TournamentObject[K], Fn> };
/** The object's RPC methods, minus the runtime's own handlers (only the scoreboard upgrade uses fetch). */
type Method = Exclude<keyof Callable, "fetch" | "alarm" | "webSocketMessage" | "webSocketClose" | "webSocketError">;
type Args<K extends Method> = Parameters<Callable[K]>;
type Result<K extends Method> = Awaited<ReturnType<Callable[K]>>;

/** Where a call is made from: the request's timing span and log. */
export interface CallScope {
  span?: Span | undefined;
  log?: Log | undefined;
  /** The request's id, passed with every call so the object's log lines carry it too. */
  requestId?: string | undefined;
}

/** The scope of a request (its Server-Timing span for the object and its log). */
export function scopeOf(c: {
  get(key: "timing"): AppEnv["Variables"]["timing"];
  get(key: "log"): AppEnv["Variables"]["log"];
  get(key: "requestId"): AppEnv["Variables"]["requestId"];
}): CallScope {
  return { span: c.get("timing")?.object, log: c.get("log"), requestId: c.get("requestId") };
}

interface RpcFailure {
  retryable?: boolean;
  overloaded?: boolean;
}

/**
 * The Worker's one way to a tournament's Durable Object. Every call is retried once when the runtime marks
 * the failure retryable (a dropped connection, an object restart), never when the object is overloaded,
 * which is answered as a 503 refusal instead. Every write the object takes is idempotent (keys, op ids,
 * "unchanged" outcomes), so the retry is safe. A configuration the object lacks, or holds at an older
 * revision than D1, is pushed on the way and the call made again. No route touches a stub directly.
 */
export class TournamentClient {
  private readonly stub: DurableObjectStub<TournamentObject>;
  /** The request's time in the object (`Server-Timing`), when called from a request. */
  private readonly span: Span | undefined;
  /** The request's log, with the tournament id. */
  readonly log: Log;
  /** The request's id (one of its own for a client made outside a request). */
  readonly requestId: string;

  constructor(
    env: Pick<Env, "TOURNAMENT">,
    private readonly db: Db,
    readonly tournamentId: number,
    scope: CallScope = {},
  ) {
    this.stub = env.TOURNAMENT.get(env.TOURNAMENT.idFromName(String(tournamentId)));
    this.span = scope.span;
    this.log = (scope.log ?? logger({})).with({ tournamentId });
    this.requestId = scope.requestId ?? crypto.randomUUID();
  }

  /** The client of the request's tournament (after `tournamentBySlug()`), or of the given id. */
  static of(c: Context<AppEnv>, tournamentId: number = c.get("tournament").id): TournamentClient {
    return new TournamentClient(c.env, c.get("db"), tournamentId, scopeOf(c));
  }

  /** The client of the tournament an entry id names; null when the text is not an entry id. */
  static forEntry(c: Context<AppEnv>, entryId: string): TournamentClient | null {
    const tournamentId = tournamentOfEntry(entryId);
    return tournamentId === null ? null : TournamentClient.of(c, tournamentId);
  }

  /** One RPC call with the retry and overload rules above. */
  async call<K extends Method>(method: K, ...args: Args<K>): Promise<Result<K>> {
    // Through the object's one dispatcher, with the request's id (TournamentObject.call).
    const send = () => this.stub.call(this.requestId, method, args) as Promise<Result<K>>;
    const invoke = () => (this.span ? this.span.measure(send) : send());
    try {
      try {
        return await invoke();
      } catch (err) {
        const failure = err as RpcFailure | null;
        if (failure?.retryable === true && failure.overloaded !== true) return await invoke();
        throw err;
      }
    } catch (err) {
      if ((err as RpcFailure | null)?.overloaded === true) throw refusalFor("overloaded");
      throw err;
    }
  }

  /** Tells the object the configuration D1 holds; null when D1 has no such tournament. */
  async configure(): Promise<ConfigureResult | null> {
    const config = await readConfiguration(this.db, this.tournamentId);
    return config ? this.call("configure", config) : null;
  }

  /**
   * `configure` after an organiser's change D1 already holds. A failure is reported, not thrown: the change
   * is saved, and the next push (any later save, or the repair on the next read) carries it.
   */
  async configureSafely(): Promise<boolean> {
    try {
      await this.configure();
      return true;
    } catch (err) {
      this.log.error("saved in D1 but the tournament object did not take the configuration", err);
      return false;
    }
  }

  /** Registers; an object never configured is configured and asked again (the key makes that safe). */
  async register(request: RegisterRequest): Promise<RegisterResult> {
    const first = await this.call("register", request);
    if (first.outcome !== "refused" || first.reason !== "not_configured") return first;
    await this.configure();
    return this.call("register", request);
  }

  /** Places, counts and window; brought up to date first when behind D1's `revision` (or never configured). */
  async snapshot(revision = 0): Promise<TournamentSnapshot> {
    const first = await this.call("snapshot");
    if (first.configured && first.revision >= revision) return first;
    await this.configure();
    return this.call("snapshot");
  }

  /** The scoreboard's WebSocket upgrade: the one request that goes through the object's fetch. */
  connect(request: Request): Promise<Response> {
    const upgrade = new Request(request);
    upgrade.headers.set(REQUEST_ID_HEADER, this.requestId);
    return this.span ? this.span.measure(() => this.stub.fetch(upgrade)) : this.stub.fetch(upgrade);
  }
}
