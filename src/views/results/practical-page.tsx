import type { Child } from "hono/jsx";
import { type Category, divisionSlug, type Division } from "../../domain/practical/index.ts";
import { SCOREBOARD_SCRIPTS } from "../scoreboard/page.tsx";

/** The scoreboard's socket client applies the practical messages too (same numbered partials). */
export const PRACTICAL_LIVE_SCRIPTS = SCOREBOARD_SCRIPTS;
export const PRACTICAL_COMPARE_MAX = 4;

export interface PracticalPageModel {
  tournament: { slug: string; title: string };
  event: { id: number; title: string };
  official: boolean;
  divisions: Division[];
  stages: { id: number; number: number; name: string }[];
  competitors: { entryId: string; name: string; division: string }[];
  /** The categories some competitor declared, and the one the results are filtered to (ranks and percent within it). */
  categories: Category[];
  category: Category | null;
  /** Live: the page follows the event's socket. */
  live: boolean;
  /** The match tables (overall, then per division) and the stage tables, rendered by the scoreboard protocol. */
  matchTables: Child;
  stageTables: Child;
}

export function practicalCsvPath(slug: string, eventId: number, division: Division | null, category: Category | null = null): string {
  const query = new URLSearchParams();
  if (division) query.set("division", division);
  if (category) query.set("category", category);
  const q = query.toString();
  return `/t/${slug}/results/${eventId}.csv${q ? `?${q}` : ""}`;
}

/** Everyone, or one category: links to the results page filtered (the live page's tables are everyone's). */
function CategoryFilter({ model }: { model: PracticalPageModel }) {
  if (model.categories.length === 0) return null;
  const path = `/t/${model.tournament.slug}/results/${model.event.id}`;
  const current = (c: Category | null) => (!model.live && model.category === c ? "page" : undefined);
  return (
    <nav class="event-links" aria-label="Category" data-testid="category-filter">
      Category: <a href={path} aria-current={current(null)}>All</a>
      {model.categories.map((c) => (
        <>
          {" · "}
          <a href={`${path}?category=${encodeURIComponent(c)}`} aria-current={current(c)}>
            {c}
          </a>
        </>
      ))}
    </nav>
  );
}

/**
 * A practical match's results: match results overall and per division, then every stage's results. The live
 * page starts from the markup the socket's messages replace (src/object/scoreboard/practical-protocol.tsx).
 */
export function PracticalResultsPage({ model }: { model: PracticalPageModel }) {
  const { tournament, event } = model;
  const base = `/t/${tournament.slug}`;
  const board = model.live ? { "data-live-socket": `${base}/live/${event.id}/socket` } : {};
  return (
    <>
      <p class="breadcrumbs">
        <a href={base}>{tournament.title}</a>
      </p>
      <header class="scoreboard-head">
        <h1>
          {event.title} <span class="discipline">IPSC handgun</span>
        </h1>
        {model.live ? (
          <p id="live-status" class="live-status" role="status" data-testid="match-status" data-state="connecting" data-match="live" data-match-label="Live">
            Live
          </p>
        ) : (
          <p class="lead">{model.official ? "Official results" : "Unofficial results"}</p>
        )}
      </header>
      <p class="event-links">
        <a href="#pool-overall">Overall</a>
        {model.divisions.map((d) => (
          <>
            {" · "}
            <a href={`#pool-${divisionSlug(d)}`}>{d}</a>
          </>
        ))}
        {" · "}
        <a href="#stages">Stages</a>
        {" · "}
        <a href={model.live ? `${base}/results/${event.id}` : `${base}/live/${event.id}`}>{model.live ? "Results, CSV and compare" : "Live"}</a>
      </p>
      <CategoryFilter model={model} />
      {model.category && (
        <p class="meta" data-testid="category-note">
          {model.category} only: ranks and percent among the category; stage points stay relative to the division's (or everyone's) best.
        </p>
      )}
      <div id="scoreboard" class="scoreboard results" {...board}>
        {model.matchTables}
        <h2 id="stages">Stages</h2>
        {model.stageTables}
      </div>
      {!model.live && <Downloads model={model} />}
      {!model.live && <CompareForm model={model} />}
      <p class="hint">
        Hit factor = points ÷ time; stage points = the stage's max points × hit factor ÷ the best hit factor (within the division for
        division results). Equal match points share a rank (=). DQ: listed last, no points.
      </p>
    </>
  );
}

function Downloads({ model }: { model: PracticalPageModel }) {
  const { tournament, event } = model;
  return (
    <section class="results-actions" aria-labelledby="downloads">
      <h2 id="downloads">Download</h2>
      <p class="event-links">
        <a href={practicalCsvPath(tournament.slug, event.id, null, model.category)}>Overall{model.category && ` · ${model.category}`} (CSV)</a>
        {model.divisions.map((d) => (
          <>
            {" · "}
            <a href={practicalCsvPath(tournament.slug, event.id, d, model.category)}>
              {d}
              {model.category && ` · ${model.category}`} (CSV)
            </a>
          </>
        ))}
      </p>
    </section>
  );
}

function CompareForm({ model }: { model: PracticalPageModel }) {
  const { tournament, event } = model;
  return (
    <section class="results-actions" aria-labelledby="compare-head">
      <h2 id="compare-head">Compare stage by stage</h2>
      <form method="get" action={`/t/${tournament.slug}/results/${event.id}/compare`}>
        <fieldset>
          <legend>Tick 2 to {PRACTICAL_COMPARE_MAX} competitors</legend>
          <ul>
            {model.competitors.map((c) => (
              <li>
                <label>
                  <input type="checkbox" name="entries" value={c.entryId} /> {c.name} <span class="meta">{c.division}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit">Compare</button>
      </form>
    </section>
  );
}
