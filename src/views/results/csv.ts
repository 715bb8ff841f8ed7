import type { Discipline } from "../../domain/scoring/index.ts";
import { csvFile } from "../../lib/csv.ts";
import type { NamedRow } from "../../object/contract/index.ts";

/**
 * The event's results as a CSV file (src/lib/csv.ts: with its BOM, formulas made text): header and one line
 * per competitor, in ranking order. A shared rank is the rank plus "yes" under "Shared".
 */
export function resultsCsv(d: Discipline, rows: NamedRow[]): string {
  const seriesLabel = d.seriesNoun === "round" ? "Round" : "Series";
  const seriesCount = rows[0]?.series.length ?? Math.ceil(d.shots / d.seriesLength);
  const innerTens = d.scoring !== "hitmiss";
  const header = [
    "Rank",
    "Shared",
    "Name",
    "Club",
    ...Array.from({ length: seriesCount }, (_, i) => `${seriesLabel} ${i + 1}`),
    "Total",
    ...(innerTens ? ["Inner tens"] : []),
    d.shotNoun === "target" ? "Targets" : "Shots",
  ];
  const lines = rows.map((row) => {
    const fired = row.shotsFired > 0;
    return [
      row.rank ?? "",
      row.shared ? "yes" : "",
      row.name,
      row.club,
      ...row.display.series.map((s) => (s === "–" ? "" : s)),
      fired ? row.display.total : "",
      ...(innerTens ? [row.innerTens] : []),
      row.shotsFired,
    ];
  });
  return csvFile(header, lines);
}

/** "nordheide-open-10-m-air-rifle-results.csv": ASCII only, safe in a Content-Disposition header. */
export function csvFileName(slug: string, eventTitle: string, eventId: number): string {
  const title = eventTitle
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug.replace(/[^A-Za-z0-9-]/g, "-")}-${title || `event-${eventId}`}-results.csv`;
}
