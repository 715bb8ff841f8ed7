/**
 * CSV for spreadsheets (RFC 4180: comma-separated, CRLF, quotes doubled). A cell a spreadsheet would read
 * as a formula (starting with = + - @, or a tab or carriage return before one) gets a leading apostrophe,
 * so a competitor named "=HYPERLINK(...)" stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole file: header and rows, CRLF line ends, with a BOM so spreadsheet programs read UTF-8 names right. */
export function csvFile(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${[csvLine(header), ...rows.map(csvLine)].join("\r\n")}\r\n`;
}
