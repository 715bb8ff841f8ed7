import type { Context } from "hono";
import {
  type Category,
  divisionSlug,
  formatFourDecimals,
  formatTwoDecimals,
  isCategory,
  isDivision,
  resultsInput,
  type Division,
} from "../../domain/practical/index.ts";
import type { AppEnv } from "../../env.ts";
import { csvFile } from "../../lib/csv.ts";
import { cacheTags } from "../../middleware/edge-cache.ts";
import { MatchTable, SeqMarker, StageTable } from "../../object/scoreboard/practical-protocol.tsx";
import { loadPracticalEvent, practicalMatchRows } from "../../queries/results/practical.ts";
import { PracticalComparePage } from "../../views/results/practical-compare.tsx";
import { PRACTICAL_COMPARE_MAX, PRACTICAL_LIVE_SCRIPTS, PracticalResultsPage } from "../../views/results/practical-page.tsx";

/**
 * Practical (IPSC) events on the public results and scoreboard addresses: the shot-by-shot routes find no
 * discipline for them and hand over here (so shot events pay nothing for it). null: not a practical event.
 */
type Loaded = NonNullable<Awaited<ReturnType<typeof loadPracticalEvent>>>;

/** `?category=` when it names a category; anything else is everyone. */
function categoryOf(c: Context<AppEnv>): Category | null {
  const asked = c.req.query("category");
  return asked !== undefined && isCategory(asked) ? asked : null;
}

function pageModel(p: Loaded, live: boolean, category: Category | null) {
  const input = { book: p.book, names: p.names };
  const pools: (Division | null)[] = [null, ...p.book.divisions];
  const { competitors } = resultsInput(p.book, (id) => p.names.get(id)?.name ?? "Competitor");
  return {
    tournament: p.tournament,
    event: p.event,
    official: p.book.official,
    divisions: p.book.divisions,
    stages: p.book.stages,
    competitors: [...competitors].sort((a, b) => a.name.localeCompare(b.name)),
    categories: [...new Set(competitors.flatMap((x) => x.category ?? []))].sort(),
    category,
    live,
    matchTables: (
      <>
        {live && <SeqMarker seq={p.book.seq} kind="page" />}
        {pools.map((pool) => (
          <section id={`pool-${pool === null ? "overall" : divisionSlug(pool)}`} class="table-scroll">
            <MatchTable input={input} pool={pool} category={category} />
          </section>
        ))}
      </>
    ),
    stageTables: p.book.stages.map((s) => (
      <div class="table-scroll">
        <StageTable input={input} stage={s} />
      </div>
    )),
  };
}

export async function practicalPage(c: Context<AppEnv>, slug: string, eventId: number, live: boolean): Promise<Response | null> {
  const p = await loadPracticalEvent(c, slug, eventId);
  if (!p) return null;
  cacheTags(c, [`tournament-${p.tournament.id}`]);
  const title = `${p.event.title} ${live ? "live" : "results"} · ${p.tournament.title}`;
  // The live page follows the socket, whose tables are everyone's: a category is a filter of the results page.
  return c.render(<PracticalResultsPage model={pageModel(p, live, live ? null : categoryOf(c))} />, live ? { title, scripts: PRACTICAL_LIVE_SCRIPTS } : { title });
}

/** Match results as CSV: overall, or `?division=` (stage points relative to that division's best), and `?category=`. */
export async function practicalCsv(c: Context<AppEnv>, slug: string, eventId: number): Promise<Response | null> {
  const p = await loadPracticalEvent(c, slug, eventId);
  if (!p) return null;
  const asked = c.req.query("division");
  const division = asked && isDivision(asked) && p.book.divisions.includes(asked) ? asked : null;
  const category = categoryOf(c);
  const rows = practicalMatchRows(p.book, p.names, division, category);
  const header = ["Rank", "Shared", "Name", "Division", "Power factor", "Category", "Match points", "Percent", "DQ", ...p.book.stages.map((s) => `Stage ${s.number} points`)];
  const lines = rows.map((r) => [
    r.rank ?? "",
    r.shared ? "yes" : "",
    r.competitor.name,
    r.competitor.division,
    r.competitor.powerFactor,
    r.competitor.category ?? "",
    formatFourDecimals(r.matchPoints),
    formatTwoDecimals(r.percent),
    r.competitor.dq ? "DQ" : "",
    ...r.stages.map((s) => formatFourDecimals(s.stagePoints)),
  ]);
  cacheTags(c, [`tournament-${p.tournament.id}`]);
  const name = `${p.tournament.slug}-${p.event.id}${division ? `-${divisionSlug(division)}` : ""}${category ? `-${category.toLowerCase().replace(/ /g, "-")}` : ""}.csv`;
  return c.body(csvFile(header, lines), 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` });
}

/** Two to four competitors stage by stage; null when the event is not practical or the choice is not 2–4 of its entries. */
export async function practicalCompare(c: Context<AppEnv>, slug: string, eventId: number, ids: string[]): Promise<Response | null> {
  const p = await loadPracticalEvent(c, slug, eventId);
  if (!p || ids.length < 2 || ids.length > PRACTICAL_COMPARE_MAX) return null;
  const all = practicalMatchRows(p.book, p.names, null);
  const rows = ids.flatMap((id) => all.find((r) => r.competitor.entryId === id) ?? []);
  if (rows.length !== ids.length) return null;
  cacheTags(c, [`tournament-${p.tournament.id}`]);
  return c.render(<PracticalComparePage model={{ tournament: p.tournament, event: p.event, stages: p.book.stages, rows }} />, {
    title: `Compare · ${p.event.title} · ${p.tournament.title}`,
  });
}
