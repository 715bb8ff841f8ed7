import { disciplineName } from "../../domain/practical/discipline-name.ts";
import { Empty } from "../components/empty.tsx";
import { csvPath, livePath, resultsPath, type ResultsStatus, ResultsStatusBadge } from "./results-table.tsx";

export interface ResultsIndexModel {
  tournament: { slug: string; title: string };
  events: { id: number; title: string; discipline: string; resultsStatus: ResultsStatus }[];
}

/** Every event of a tournament with the way to its results, for links that name no event. */
export function ResultsIndexPage({ model }: { model: ResultsIndexModel }) {
  const { tournament, events } = model;
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/t/${tournament.slug}`}>{tournament.title}</a>
      </p>
      <header class="page-head">
        <p class="eyebrow">{tournament.title}</p>
        <h1>Results</h1>
      </header>
      {events.length === 0 ? (
        <Empty>This tournament has no events.</Empty>
      ) : (
        <ul class="cards results-events">
          {events.map((e) => (
            <li class="card">
              <h2 class="card-title">
                <a href={resultsPath(tournament.slug, e.id)}>{e.title}</a>
              </h2>
              <p class="meta">{disciplineName(e.discipline)}</p>
              <ResultsStatusBadge status={e.resultsStatus} />
              <p class="card-note">
                <a href={livePath(tournament.slug, e.id)}>Live scoreboard</a> · <a href={csvPath(tournament.slug, e.id)}>CSV</a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
