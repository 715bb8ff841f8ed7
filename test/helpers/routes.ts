import { app } from "../../src/app.ts";
import { adminRoutes } from "../../src/routes/admin/index.ts";

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
