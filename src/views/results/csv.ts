import type { Discipline } from "../../domain/scoring/index.ts";
import type { NamedRow } from "../../object/contract/index.ts";

/**
 * An event's results as CSV (RFC 4180: CRLF lines, fields with a comma, quote or line break quoted, quotes
 * doubled). A cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
 * spreadsheet never runs a competitor's name as a formula.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || /^\s|\s$/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(cells: (string | number)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Header and one line per competitor, in ranking order. A shared rank is the rank plus "yes" under "Shared". */
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
  let out = csvLine(header);
  for (const row of rows) {
    const fired = row.shotsFired > 0;
    out += csvLine([
      row.rank ?? "",
      row.shared ? "yes" : "",
      row.name,
      row.club,
      ...row.display.series.map((s) => (s === "–" ? "" : s)),
      fired ? row.display.total : "",
      ...(innerTens ? [row.innerTens] : []),
      row.shotsFired,
    ]);
  }
  return out;
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
