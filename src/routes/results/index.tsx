import { type Context, Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { cacheTags, edgeCache } from "../../middleware/edge-cache.ts";
import { tournamentScope } from "../../queries/cache-versions.ts";
import { COMPARE_MAX, COMPARE_MIN, ComparePage, compareScripts } from "../../views/results/compare-page.tsx";
import { csvFileName, resultsCsv } from "../../views/results/csv.ts";
import { ResultsIndexPage } from "../../views/results/index-page.tsx";
import { ResultsPage } from "../../views/results/results-page.tsx";
import { loadEventResults, loadResultsIndex } from "../../queries/results/load.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { practicalCompare, practicalCsv, practicalPage } from "./practical.tsx";

/**
 * Public results: per event (page and CSV), an index per tournament, and the compare view. Cached and
 * cookie-blind like every public page. Scores change while an event is shot, so the copies live briefly;
 * the live scoreboard is the place for shot-by-shot updates.
 */
export const resultsRoutes = new Hono<AppEnv>();

const RESULTS_TTL = 30;
const COMPARE_TTL = 5;
const EVENT = "[1-9][0-9]{0,14}";
const ENTRY_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** `query`: the parameters the page reads (the compare view's `entries`); others stay out of the cache key. */
const scoped = (ttlSeconds: number, query: readonly string[] = []) =>
  edgeCache({ ttlSeconds, query, scopes: (c) => [tournamentScope(c.req.param("slug") ?? "")] });

const noEvent = () =>
  new Refusal(404, {
    title: "Results not found",
    detail: "There are no results at this address. The event may not exist, or the tournament may not be public yet.",
  });

resultsRoutes.get("/t/:slug/results", scoped(RESULTS_TTL), async (c) => {
  const model = await loadResultsIndex(c.get("db"), c.req.param("slug"));
  if (!model) throw new Refusal(404, { title: "Tournament not found", detail: "There is no published tournament at this address." });
  cacheTags(c, [`tournament-${model.tournament.id}`]);
  return c.render(<ResultsIndexPage model={model} />, { title: `Results · ${model.tournament.title}` });
});

// `category`: a practical match's results filtered to a category.
resultsRoutes.get(`/t/:slug/results/:eventId{${EVENT}}`, scoped(RESULTS_TTL, ["category"]), async (c) => {
  const results = await loadEventResults(c, c.req.param("slug"), Number(c.req.param("eventId")));
  if (!results) return (await practicalPage(c, c.req.param("slug"), Number(c.req.param("eventId")), false)) ?? Promise.reject(noEvent());
  cacheTags(c, [`tournament-${results.tournament.id}`]);
  return c.render(<ResultsPage model={results} />, { title: `${results.event.title} results · ${results.tournament.title}` });
});

// `division` and `category`: a practical match's division (and category) results.
resultsRoutes.get(`/t/:slug/results/:file{${EVENT}\\.csv}`, scoped(RESULTS_TTL, ["division", "category"]), async (c) => {
  const eventId = Number(c.req.param("file").slice(0, -".csv".length));
  const results = await loadEventResults(c, c.req.param("slug"), eventId);
  if (!results) return (await practicalCsv(c, c.req.param("slug"), eventId)) ?? Promise.reject(noEvent());
  cacheTags(c, [`tournament-${results.tournament.id}`]);
  const name = csvFileName(results.tournament.slug, results.event.title, eventId);
  // The byte-order mark makes spreadsheet programs read the names as UTF-8.
  return c.body(resultsCsv(results.d, results.rows), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name}"`,
  });
});

/** Entry ids from `?entries=a,b,c` or from repeated `entries` fields (the checkboxes of the results page). */
function pickedIds(c: Context<AppEnv>): string[] {
  const all = (c.req.queries("entries") ?? []).flatMap((v) => v.split(","));
  return [...new Set(all.map((v) => v.trim()).filter((v) => v !== ""))];
}

/**
 * The compare view's key: the chosen `entries`, and the `seq` compare.js asks for after a live message, so a
 * copy cached before that shot is never served for it.
 */
const COMPARE_QUERY = ["entries", "seq"];

/** A practical match's compare view: 2 to 4 competitors stage by stage. */
resultsRoutes.get(`/t/:slug/results/:eventId{${EVENT}}/compare`, scoped(RESULTS_TTL, ["entries"]), async (c) => {
  const ids = pickedIds(c).filter((id) => ENTRY_ID.test(id));
  const page = await practicalCompare(c, c.req.param("slug"), Number(c.req.param("eventId")), ids);
  if (page) return page;
  throw new Refusal(422, {
    title: "Choose 2 to 4 competitors",
    detail: "The compare view shows 2 to 4 competitors of this match side by side. Go back to the results and tick 2 to 4.",
  });
});

resultsRoutes.get(`/t/:slug/live/:eventId{${EVENT}}/compare`, scoped(COMPARE_TTL, COMPARE_QUERY), async (c) => {
  const ids = pickedIds(c);
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX || !ids.every((id) => ENTRY_ID.test(id))) {
    throw new Refusal(422, {
      title: "Choose 2 to 4 competitors",
      detail: `The compare view shows ${COMPARE_MIN} to ${COMPARE_MAX} competitors side by side; ${ids.length} were chosen. Go back to the results and tick ${COMPARE_MIN} to ${COMPARE_MAX}.`,
    });
  }
  const results = await loadEventResults(c, c.req.param("slug"), Number(c.req.param("eventId")));
  if (!results) throw noEvent();
  const byId = new Map(results.rows.map((r) => [r.entryId, r]));
  const picked = ids.flatMap((id) => byId.get(id) ?? []);
  if (picked.length !== ids.length) {
    throw new Refusal(404, {
      title: "Competitor not found",
      detail: "At least one of the chosen competitors is not in this event. Choose again from the results.",
    });
  }
  cacheTags(c, [`tournament-${results.tournament.id}`]);
  const positions = await TournamentClient.of(c, results.tournament.id).call("shotPositions", ids);
  return c.render(<ComparePage model={{ ...results, picked, positions }} />, {
    title: `Compare · ${results.event.title} · ${results.tournament.title}`,
    scripts: compareScripts(results.event),
  });
});
