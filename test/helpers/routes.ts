import { app } from "../../src/app.ts";
import { adminRoutes } from "../../src/routes/admin/index.ts";
import type { Person } from "./accounts.ts";
import type { Call } from "./http.ts";

export interface RouteDef {
  method: string;
  path: string;
}

/** Every route of a tournament's admin, as registered (method and path pattern). */
export function adminTournamentRoutes(): RouteDef[] {
  const seen = new Map<string, RouteDef>();
  for (const r of adminRoutes.routes) {
    if (r.method === "ALL" || !r.path.startsWith("/t/:slug")) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** Not pages: the JSON API, the seed hook, liveness, the scoreboard's socket upgrade. */
const NOT_PAGES = [/^\/api\//, /^\/__seed/, /^\/healthz$/, /\/socket$/, /\*/];

/** Every page of the site people open with GET (public, competitor, account, scoring and admin), as registered. */
export function pageRoutes(): string[] {
  const seen = new Set<string>();
  for (const r of app.routes) {
    if (r.method !== "GET" || NOT_PAGES.some((p) => p.test(r.path))) continue;
    seen.add(r.path);
  }
  return [...seen];
}

/** The path pattern with its `:params` filled in (a param without a value is left visible, to fail loudly). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)(\{[^/]*\})?/g, (_, name: string) => values[name] ?? `?${name}`);
}

/** What the pages need to be filled in: a tournament with an event, a competitor's entry, an owner and a token. */
export interface PageWorld {
  tournament: { slug: string };
  event: { id: number; relays: { id: number }[] };
  entryId: string;
  entryIds: string[];
  competitor: Person;
  owner: Person;
  token: { id: number };
  /** The event's final (a world of eight or more scored entries has one). */
  finalId?: number | undefined;
  /** A practical match of the same tournament with two scored entries, for its own pages. */
  practicalEvent: { id: number };
  practicalEntryIds: string[];
  /** Unused mailed-link tokens for the account pages a link opens. */
  linkTokens: Record<"verify" | "reset" | "invite" | "claim", string>;
}

/** Which mailed link a `:token` page takes. */
const LINK_OF: [RegExp, keyof PageWorld["linkTokens"]][] = [
  [/^\/account\/verify\//, "verify"],
  [/^\/account\/reset\//, "reset"],
  [/^\/account\/invitations\//, "invite"],
  [/^\/account\/claims\//, "claim"],
];

/** Who opens a page: the competitor their own pages, the owner the organisers' and scorers' pages, anyone the rest. */
function visitorOf(path: string, w: PageWorld): string | undefined {
  if (/^\/(me|account|fragments)\b/.test(path) || path.includes("/register")) return w.competitor.cookie;
  if (/^\/(admin|score)\b/.test(path)) return w.owner.cookie;
  return undefined;
}

/** Pages only a practical (IPSC) event has: its match setup, stage score sheet and stage-by-stage compare view. */
const PRACTICAL_PAGES = [/\/match$/, /\/practical\//, /\/results\/:eventId[^/]*\/compare$/];

function urlOf(path: string, w: PageWorld): string {
  const practical = PRACTICAL_PAGES.some((p) => p.test(path));
  const event = String(practical ? w.practicalEvent.id : w.event.id);
  const compared = practical ? w.practicalEntryIds : w.entryIds;
  // The compare view needs two competitors to compare.
  const query = path.endsWith("/compare") ? `?entries=${compared[0]},${compared[1]}` : "";
  return fillPath(path, {
    slug: w.tournament.slug,
    eventId: event,
    relayId: String(w.event.relays[0]!.id),
    entryId: w.entryId,
    id: w.entryId,
    file: `${event}.csv`,
    tokenId: String(w.token.id),
    userId: String(w.owner.user.id),
    opId: "no-such-conflict",
    ...(w.finalId === undefined ? {} : { finalId: String(w.finalId) }),
    token: w.linkTokens[LINK_OF.find(([pattern]) => pattern.test(path))?.[1] ?? "verify"],
  }) + query;
}

/** Routes that answer htmx alone (a plain request is redirected to their page). */
const HTMX_ONLY = new Set(["/me/entries/:id"]);

/** Every page as a request: its route, URL and the visitor who opens it. */
export function pageRequests(w: PageWorld): { path: string; url: string; call: Call }[] {
  return pageRoutes().map((path) => {
    const cookie = visitorOf(path, w);
    return { path, url: urlOf(path, w), call: { ...(cookie ? { cookie } : {}), hx: HTMX_ONLY.has(path) } };
  });
}
