import { type Discipline, stageSpans } from "../../domain/scoring/index.ts";
import { ScoreTailCells, ScoreTailHeads } from "../../lib/score-columns.tsx";
import type { NamedRow } from "../../object/contract/index.ts";

export type ResultsStatus = "unofficial" | "official";

export const resultsPath = (slug: string, eventId: number) => `/t/${slug}/results/${eventId}`;
export const csvPath = (slug: string, eventId: number) => `/t/${slug}/results/${eventId}.csv`;
export const comparePath = (slug: string, eventId: number) => `/t/${slug}/live/${eventId}/compare`;
export const livePath = (slug: string, eventId: number) => `/t/${slug}/live/${eventId}`;

export function ResultsStatusBadge({ status }: { status: ResultsStatus }) {
  return (
    <span class={`badge results-${status}`} data-testid="results-status">
      {status === "official" ? "Official" : "Unofficial"}
    </span>
  );
}

/** Above the series headings, the match's stages (25 m: precision, rapid fire), each over its series. */
function StageHeads({ d, compare }: { d: Discipline; compare: boolean }) {
  const spans = stageSpans(d);
  if (spans.length === 0) return null;
  const tail = d.scoring === "hitmiss" ? 2 : 3;
  return (
    <tr class="stages" data-testid="stage-heads">
      <td colSpan={compare ? 3 : 2}></td>
      {spans.map((s) => (
        <th scope="colgroup" colSpan={s.lastSeries - s.firstSeries + 1} class="stage">
          {s.name}
        </th>
      ))}
      <td colSpan={tail}></td>
    </tr>
  );
}

/**
 * The ranked list: rank ("=2" for a shared rank), competitor, every series, total, inner tens, shots.
 * With `compare`, each row gets a checkbox for the compare form around the table.
 */
export function ResultsTable({ rows, d, caption, compare = false }: { rows: NamedRow[]; d: Discipline; caption: string; compare?: boolean }) {
  const seriesShort = d.seriesNoun === "round" ? "R" : "S";
  const seriesWord = d.seriesNoun === "round" ? "Round" : "Series";
  const seriesCount = rows[0]?.series.length ?? Math.ceil(d.shots / d.seriesLength);
  return (
    <div class="table-scroll">
      <table class="results">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <StageHeads d={d} compare={compare} />
          <tr>
            {compare && (
              <th scope="col" class="pick">
                <span class="visually-hidden">Compare</span>
              </th>
            )}
            <th scope="col" class="rank">
              Rank
            </th>
            <th scope="col">Competitor</th>
            {Array.from({ length: seriesCount }, (_, i) => (
              <th scope="col" class="num series">
                <abbr title={`${seriesWord} ${i + 1}`}>
                  {seriesShort}
                  {i + 1}
                </abbr>
              </th>
            ))}
            <ScoreTailHeads d={d} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr id={`result-${row.entryId}`} class={row.shared ? "result shared" : "result"} data-entry={row.entryId}>
              {compare && (
                <td class="pick">
                  <input type="checkbox" name="entries" value={row.entryId} id={`pick-${row.entryId}`} />
                  <label for={`pick-${row.entryId}`} class="visually-hidden">
                    Compare {row.name}
                  </label>
                </td>
              )}
              <td class="rank">{row.rankLabel || "–"}</td>
              <th scope="row" class="competitor">
                <span class="name">{row.name}</span>
                {row.club !== "" && <span class="club">{row.club}</span>}
              </th>
              {row.display.series.map((s) => (
                <td class="num series">{s}</td>
              ))}
              <ScoreTailCells d={d} total={row.display.total} innerTens={row.innerTens} shotsFired={row.shotsFired} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
