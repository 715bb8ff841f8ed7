import type { Discipline } from "../../domain/scoring/index.ts";
import type { ShotPosition, StandingRow } from "../../object/contract/index.ts";
import { Empty } from "../components/empty.tsx";
import { DateRange } from "../components/time.tsx";
import { ShotPlots } from "./plots.tsx";
import { livePath, resultsPath, type ResultsStatus, ResultsStatusBadge } from "./results-table.tsx";

export interface MyResult {
  entryId: string;
  event: { id: number; title: string; resultsStatus: ResultsStatus };
  d: Discipline;
  /** The entry's line in the event's standings; null when the object has no card for it. */
  row: StandingRow | null;
  /** Competitors ranked in the event (with at least one shot). */
  ranked: number;
  /** Shots (and sighters) with a position, from an electronic target. */
  positions: ShotPosition[];
}

export interface MyTournamentResults {
  tournament: { slug: string; title: string; startsOn: string; endsOn: string };
  results: MyResult[];
}

function Result({ slug, r }: { slug: string; r: MyResult }) {
  const row = r.row;
  const word = r.d.seriesNoun === "round" ? "R" : "S";
  return (
    <li class="my-result" data-entry={r.entryId}>
      <h3>
        {r.event.title} <span class="discipline">{r.d.name}</span> <ResultsStatusBadge status={r.event.resultsStatus} />
      </h3>
      {!row || row.shotsFired === 0 ? (
        <p class="meta">No shots yet.</p>
      ) : (
        <>
          <dl class="my-figures">
            <div>
              <dt>Rank</dt>
              <dd data-testid="my-rank">
                {row.rankLabel} <span class="meta">of {r.ranked}</span>
              </dd>
            </div>
            <div>
              <dt>Total</dt>
              <dd data-testid="my-total">{row.display.total}</dd>
            </div>
            {r.d.scoring !== "hitmiss" && (
              <div>
                <dt>Inner tens</dt>
                <dd>{row.innerTens}</dd>
              </div>
            )}
            <div>
              <dt>{r.d.shotNoun === "target" ? "Targets" : "Shots"}</dt>
              <dd>
                {row.shotsFired} / {r.d.shots}
              </dd>
            </div>
          </dl>
          <ol class="my-series" aria-label={r.d.seriesNoun === "round" ? "Rounds" : "Series"}>
            {row.display.series.map((s, i) => (
              <li>
                <span class="series-no">
                  {word}
                  {i + 1}
                </span>{" "}
                {s}
              </li>
            ))}
          </ol>
          <ShotPlots d={r.d} shots={r.positions} />
        </>
      )}
      <p class="card-note">
        <a href={livePath(slug, r.event.id)}>Live scoreboard</a> · <a href={resultsPath(slug, r.event.id)}>All results</a>
      </p>
    </li>
  );
}

/** The signed-in competitor's confirmed entries with their scores, newest tournament first. Never cached. */
export function MyResultsPage({ groups }: { groups: MyTournamentResults[] }) {
  return (
    <>
      <header class="page-head">
        <h1>My results</h1>
        <p class="lead">Your scores in every event you are confirmed for, as they stand now.</p>
      </header>
      {groups.length === 0 ? (
        <Empty>
          You have no confirmed entries yet. <a href="/">Find a tournament</a> and register for a relay.
        </Empty>
      ) : (
        groups.map((g) => (
          <section class="my-tournament" aria-labelledby={`my-${g.tournament.slug}`}>
            <h2 id={`my-${g.tournament.slug}`}>
              <a href={`/t/${g.tournament.slug}`}>{g.tournament.title}</a>
            </h2>
            <p class="meta">
              <DateRange startsOn={g.tournament.startsOn} endsOn={g.tournament.endsOn} />
            </p>
            <ul class="my-results">
              {g.results.map((r) => (
                <Result slug={g.tournament.slug} r={r} />
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
