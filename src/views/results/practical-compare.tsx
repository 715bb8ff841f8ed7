import { formatFourDecimals, formatTime, formatTwoDecimals, rankLabel, type MatchRow, type StageSpec } from "../../domain/practical/index.ts";

/** Up to four competitors side by side, stage by stage: hit factor, time and stage points (overall). */
export function PracticalComparePage({ model }: { model: { tournament: { slug: string; title: string }; event: { id: number; title: string }; stages: StageSpec[]; rows: MatchRow[] } }) {
  const { tournament, event, stages, rows } = model;
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/t/${tournament.slug}/results/${event.id}`}>{event.title} results</a>
      </p>
      <h1>Compare: {rows.map((r) => r.competitor.name).join(", ")}</h1>
      <div class="table-scroll">
        <table class="practical-compare" data-testid="practical-compare">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {rows.map((r) => (
                <th scope="col" class="num">
                  {r.competitor.name}
                  <span class="club">{r.competitor.division}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stages.map((s, i) => (
              <tr>
                <th scope="row">
                  {s.number}. {s.name}
                </th>
                {rows.map((r) => {
                  const line = r.stages[i];
                  return (
                    <td class="num">
                      {line && line.hitFactor !== null && line.hits
                        ? `HF ${formatFourDecimals(line.hitFactor)} · ${formatTime(line.hits.timeHundredths)} s · ${formatFourDecimals(line.stagePoints)} pts`
                        : "–"}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">Match</th>
              {rows.map((r) => (
                <td class="num total">
                  {rankLabel(r)} · {formatFourDecimals(r.matchPoints)} · {formatTwoDecimals(r.percent)} %
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
