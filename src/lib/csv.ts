/**
 * The one CSV encoder (admin entry lists, published results): RFC 4180, comma-separated, CRLF, a field with a
 * comma, quote, line break or edge whitespace quoted and its quotes doubled. A text cell a spreadsheet would
 * read as a formula (starting with = + - @, or a tab or carriage return before one) gets a leading
 * apostrophe and quotes (as OWASP advises), so a competitor named "=HYPERLINK(...)" stays text; numbers are
 * written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  const formula = typeof value === "string" && FORMULA_START.test(text);
  const safe = formula ? `'${text}` : text;
  return formula || /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole file: header and rows, CRLF line ends, with a BOM so spreadsheet programs read UTF-8 names right. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[csvLine(header), ...rows.map(csvLine)].join("\r\n")}\r\n`;
}
