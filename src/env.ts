import type { ApiTokenKind } from "./auth/api-tokens.ts";
import type { StaffRole } from "./auth/roles.ts";
import type { Db } from "./db/client.ts";
import type { Refusal } from "./lib/refusal.ts";
import type { Log } from "./lib/log.ts";
import type { RequestTiming } from "./lib/request-timing.ts";
import type { tournaments } from "./db/schema.ts";

export interface SignedInUser {
  id: number;
  email: string;
  name: string;
  club: string;
  /** Whether `email` was proven by a mailed link: nothing is granted to an unproven address. */
  verified: boolean;
  /** An address asked for, not yet confirmed. */
  pendingEmail: string | null;
  /** Hash of the session token: the basis of this session's CSRF token. */
  sessionHash: string;
}

/** Who an API request acts for: a session, a personal token, or a tournament's scoring token. */
export interface ApiCaller {
  /** null only for a scoring token made by an account since deleted. */
  userId: number | null;
  via: "session" | "token" | "scoring_token";
  tokenId: number | null;
  /** The tournament a scoring token belongs to. */
  tokenTournamentId: number | null;
  tokenKind: ApiTokenKind | null;
  /** Whether the acting account's address is confirmed (false for scoring tokens). */
  verified: boolean;
}

export type Tournament = typeof tournaments.$inferSelect;

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The per-request script nonce; empty on a cached page, which every visitor shares (edge-cache.ts). */
    nonce: string;
    /** Where the request spent its time (D1, the tournament object), sent as `Server-Timing`. */
    timing: RequestTiming;
    /** This request's structured log (its id on every line). */
    log: Log;
    /** Cloudflare's ray id, else a fresh UUID (src/middleware/request-log.ts). */
    requestId: string;
    /** This session's (or an anonymous visitor's) token for plain forms; set by `csrf()`. */
    csrf: string;
    db: Db;
    /** Set by `loadUser()`: null when signed out. Undefined on cached pages, which never read the session. */
    user: SignedInUser | null | undefined;
    /** Set by `resolveCaller()` on the API. */
    caller: ApiCaller | null;
    /** Set by `tournamentBySlug()`: the tournament of the URL's `:slug`. */
    tournament: Tournament;
    /** Set by `requireStaff()`: the caller's role in that tournament. */
    role: StaffRole;
    /** How a router shows a refusal inside an htmx swap (the scoring card, a registration block). */
    refusalFragment: ((refusal: Refusal) => string | Promise<string>) | undefined;
  };
}
