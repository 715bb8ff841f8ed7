/**
 * SIUS shot log (SiusData's per-shot log export: one shot a line, fields separated by ";", the file named
 * after its day, YYYYMMDD…), read into Tenring's shot operations. The fields this reads, by position (0-based):
 *  0 start number · 1 primary (integer) score · 2 kind: 0 sighter, 1 match shot, 8 final shot · 3 firing point ·
 *  4 secondary (decimal) score · 6 time HH:MM:SS.ff · 7 inner ten 1/0 · 8 x mm · 9 y mm · 13 demonstration 1/0 ·
 *  16 InsDel: 1 inserted by hand, 2 ignore · 20 log event number (increasing) · 21 log type: 3 own shot,
 *  10 cross shot, 12 illegal shot. (Field list as documented by github.com/eerriikk-pro/sius-parse.)
 * Everything else is kept out. Each shooter's shots are numbered in log order per kind (1, 2, …).
 */

export type ShotKind = "match" | "sighter" | "final";

export interface ImportedOp {
  kind: ShotKind;
  opId: string;
  entryId: string;
  shotNo: number;
  /** Stored units of the event: tenths where it scores decimals, whole points otherwise; finals always tenths. */
  value: number;
  decimal: number;
  innerTen: boolean;
  x: number;
  y: number;
  enteredAt: number;
  deviceId: string;
  sighter?: true;
}

export interface ImportResult {
  ops: ImportedOp[];
  /** Lines left out, with why (1-based line numbers). */
  skipped: { line: number; reason: string }[];
}

export interface ImportOptions {
  /** The log's day, YYYY-MM-DD (SIUS names the file after it); times in the log are read as UTC on that day. */
  day: string;
  /** The event's scoring: "decimal" events store tenths, "integer" ones whole points. */
  scoring: "decimal" | "integer";
  /** The entry shooting under a start number, or undefined when none. */
  entryFor: (startNumber: string) => string | undefined;
}

const KINDS: Record<string, ShotKind> = { "0": "sighter", "1": "match", "8": "final" };
const LOG_TYPES: Record<string, string> = { "10": "a cross shot (on another shooter's target)", "12": "an illegal shot" };
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

function number(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  const n = Number(text.trim().replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** Reads a SIUS shot log into operations for the shots API (match shots and sighters) and the finals API. */
export function importSiusShotLog(text: string, options: ImportOptions): ImportResult {
  const ops: ImportedOp[] = [];
  const skipped: ImportResult["skipped"] = [];
  const counters = new Map<string, number>();
  const dayStart = Date.parse(`${options.day}T00:00:00Z`);
  if (!Number.isFinite(dayStart)) throw new RangeError(`"${options.day}" is not a day (YYYY-MM-DD)`);

  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    const f = raw.split(";");
    const skip = (reason: string) => skipped.push({ line, reason });
    if (f.length < 22) return skip(`${f.length} fields: a shot line has at least 22`);
    if (f[21] !== "3") return skip(`log type ${f[21]}: ${LOG_TYPES[f[21]!] ?? "not a shot of this shooter"}`);
    if (f[16] === "2") return skip("marked to be ignored (InsDel 2)");
    if (f[13] === "1") return skip("a demonstration shot");
    const kind = KINDS[f[2]!];
    if (!kind) return skip(`shot kind ${f[2]} is neither sighter (0), match (1) nor final (8)`);
    const startNumber = f[0]!.trim();
    const entryId = options.entryFor(startNumber);
    if (!entryId) return skip(`start number ${startNumber} has no entry`);
    const [primary, decimal, x, y, logEvent] = [number(f[1]), number(f[4]), number(f[8]), number(f[9]), number(f[20])];
    const time = TIME.exec(f[6]!.trim());
    if (primary === null || decimal === null || x === null || y === null || logEvent === null || !time) {
      return skip("a score, position, time or log event number is missing or unreadable");
    }
    const key = `${startNumber}:${kind}`;
    const shotNo = (counters.get(key) ?? 0) + 1;
    counters.set(key, shotNo);
    const [, h, m, s, frac = "0"] = time;
    const tenths = Math.round(decimal * 10);
    ops.push({
      kind,
      opId: `sius-${options.day}-${logEvent}`,
      entryId,
      shotNo,
      value: kind === "final" || options.scoring === "decimal" ? tenths : primary,
      decimal,
      innerTen: f[7] === "1",
      x,
      y,
      enteredAt: dayStart + ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Math.round(Number(`0.${frac}`) * 1000),
      deviceId: `sius-fp-${f[3]!.trim()}`,
      ...(kind === "sighter" ? { sighter: true as const } : {}),
    });
  });
  return { ops, skipped };
}
