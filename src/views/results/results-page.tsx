import type { Discipline } from "../../domain/scoring/index.ts";
import { Empty } from "../components/empty.tsx";
import type { NamedRow } from "../../object/contract/index.ts";
import { comparePath, csvPath, livePath, type ResultsStatus, ResultsStatusBadge, ResultsTable } from "./results-table.tsx";

export interface EventResultsModel {
  tournament: { slug: string; title: string };
  /** `finalId`: the event's final, linked when there is one. */
  event: { id: number; title: string; resultsStatus: ResultsStatus; finalId?: number | null };
  d: Discipline;
  rows: NamedRow[];
}

/**
 * An event's results: the same cached bytes for everyone. The table sits in a GET form whose checkboxes
 * pick competitors for the compare view, so comparing needs no script.
 */
export function ResultsPage({ model }: { model: EventResultsModel }) {
  const { tournament, event, d, rows } = model;
  const ranked = rows.filter((r) => r.rank !== null).length;
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/t/${tournament.slug}`}>{tournament.title}</a> › <a href={`/t/${tournament.slug}/results`}>Results</a>
      </p>
      <header class="page-head results-head">
        <p class="eyebrow">{tournament.title}</p>
        <h1>
          {event.title} <span class="discipline">{d.name}</span>
        </h1>
        <ResultsStatusBadge status={event.resultsStatus} />
        {event.resultsStatus === "unofficial" && (
          <p class="hint">Unofficial: scores may still be corrected until the organiser declares the results official.</p>
        )}
      </header>
      <p class="results-actions">
        <a class="button small secondary" href={csvPath(tournament.slug, event.id)} download>
          Download CSV
        </a>
        <a class="button small secondary" href={livePath(tournament.slug, event.id)}>
          Live scoreboard
        </a>
        {event.finalId != null && (
          <a class="button small secondary" href={`/t/${tournament.slug}/finals/${event.finalId}`} data-testid="final-link">
            Final
          </a>
        )}
      </p>
      {rows.length === 0 ? (
        <Empty>No competitor is confirmed for this event yet.</Empty>
      ) : (
        <form method="get" action={comparePath(tournament.slug, event.id)} class="compare-form">
          <ResultsTable rows={rows} d={d} caption={`Results: ${event.title}`} compare />
          <p class="form-actions compare-actions">
            <button type="submit" class="secondary">
              Compare selected
            </button>
            <span class="hint">Tick 2 to 4 competitors to see them side by side, series by series.</span>
          </p>
          <p class="hint">
            {ranked} of {rows.length} competitors ranked. A tie after every tie-break is shown with "=".
          </p>
        </form>
      )}
    </>
  );
}
