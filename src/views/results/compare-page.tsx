import type { Discipline } from "../../domain/scoring/index.ts";
import { LIVE_SOCKET_SCRIPTS } from "../layout.tsx";
import { socketPath } from "../scoreboard/page.tsx";
import type { NamedRow, ShotPosition } from "../../object/contract/index.ts";
import { ComparePlots } from "./plots.tsx";
import { livePath, resultsPath, type ResultsStatus } from "./results-table.tsx";

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export interface CompareModel {
  tournament: { slug: string; title: string };
  event: { id: number; title: string; resultsStatus: ResultsStatus };
  d: Discipline;
  /** The chosen competitors in the order asked for. */
  picked: NamedRow[];
  /** Their shots with a position, by entry. */
  positions: Record<string, ShotPosition[]>;
}

/** Which of the values is best (all that share it); none when every value is the same, or unshot. */
function bestOf(values: (number | null)[]): Set<number> {
  const shot = values.filter((v): v is number => v !== null);
  if (shot.length < 2) return new Set();
  const top = Math.max(...shot);
  if (top === Math.min(...shot)) return new Set();
  return new Set(values.flatMap((v, i) => (v === top ? [i] : [])));
}

function Cells({ values, shown }: { values: (number | null)[]; shown: string[] }) {
  const best = bestOf(values);
  return (
    <>
      {shown.map((text, i) => (
        <td class={best.has(i) ? "num best" : "num"}>
          {text}
          {best.has(i) && <span class="visually-hidden"> (best)</span>}
        </td>
      ))}
    </>
  );
}

/** While the results are unofficial the page follows the event's socket: its scripts. */
export function compareScripts(event: { resultsStatus: ResultsStatus }): string[] {
  return event.resultsStatus === "unofficial" ? [...LIVE_SOCKET_SCRIPTS, "/scripts/compare.js"] : [];
}

/**
 * 2–4 competitors side by side, series by series, the best value of each line marked. While the results
 * are unofficial the page follows the event's scoreboard socket and reloads the table when a shot
 * concerns one of them (public/scripts/compare.js); the page itself stays the same for everyone.
 */
export function ComparePage({ model }: { model: CompareModel }) {
  const { tournament, event, d, picked } = model;
  const word = d.seriesNoun === "round" ? "Round" : "Series";
  const seriesCount = picked[0]?.series.length ?? Math.ceil(d.shots / d.seriesLength);
  const live = event.resultsStatus === "unofficial";
  const follow = live ? { "data-live-socket": socketPath(tournament.slug, event.id) } : {};
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/t/${tournament.slug}`}>{tournament.title}</a> › <a href={resultsPath(tournament.slug, event.id)}>{event.title} results</a>
      </p>
      <header class="page-head">
        <p class="eyebrow">{event.title}</p>
        <h1>Compare {picked.map((r) => r.name).join(", ")}</h1>
        {live && (
          <p id="live-status" class="live-status" role="status" data-state="connecting">
            Connecting to live scores…
          </p>
        )}
      </header>
      <div id="compare" {...follow} data-entries={picked.map((r) => r.entryId).join(",")}>
        <div id="compare-table" class="table-scroll">
          <table class="compare">
            <caption class="visually-hidden">
              {word} by {word.toLowerCase()}, side by side
            </caption>
            <thead>
              <tr>
                <td></td>
                {picked.map((r) => (
                  <th scope="col" class="num competitor" data-entry={r.entryId}>
                    <span class="name">{r.name}</span>
                    {r.club !== "" && <span class="club">{r.club}</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr class="rank-line">
                <th scope="row">Rank</th>
                {picked.map((r) => (
                  <td class="num rank">{r.rankLabel || "–"}</td>
                ))}
              </tr>
              {Array.from({ length: seriesCount }, (_, i) => (
                <tr class="series-line">
                  <th scope="row">
                    {word} {i + 1}
                  </th>
                  <Cells
                    values={picked.map((r) => (r.display.series[i] === "–" ? null : (r.series[i] ?? null)))}
                    shown={picked.map((r) => r.display.series[i] ?? "–")}
                  />
                </tr>
              ))}
              <tr class="total-line">
                <th scope="row">Total</th>
                <Cells values={picked.map((r) => (r.shotsFired > 0 ? r.total : null))} shown={picked.map((r) => r.display.total)} />
              </tr>
              {d.scoring !== "hitmiss" && (
                <tr>
                  <th scope="row">Inner tens</th>
                  <Cells values={picked.map((r) => r.innerTens)} shown={picked.map((r) => String(r.innerTens))} />
                </tr>
              )}
              <tr>
                <th scope="row">{d.shotNoun === "target" ? "Targets" : "Shots"}</th>
                {picked.map((r) => (
                  <td class="num">{r.shotsFired}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Average</th>
                {picked.map((r) => (
                  <td class="num">{r.display.average}</td>
                ))}
              </tr>
            </tbody>
          </table>
          <ComparePlots d={d} picked={picked.map((r) => ({ name: r.name, shots: model.positions[r.entryId] ?? [] }))} />
        </div>
      </div>
      <p class="results-actions">
        <a class="button small secondary" href="">
          Refresh
        </a>
        <a class="button small secondary" href={livePath(tournament.slug, event.id)}>
          Live scoreboard
        </a>
        <a class="button small secondary" href={resultsPath(tournament.slug, event.id)}>
          Choose others
        </a>
      </p>
    </>
  );
}
