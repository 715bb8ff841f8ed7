import type { Discipline } from "./disciplines.ts";

/** A shot as stored: tenths for decimal, points for integer, 1/0 for hit/miss. */
export interface ShotValue {
  value: number;
  innerTen: boolean;
}

export type ParsedShot = ({ ok: true } & ShotValue) | { ok: false; message: string };

export type ValueProblem = { reason: "out_of_range" | "inner_ten_not_allowed"; message: string };
export type ShotNoProblem = { reason: "beyond_match" | "invalid_shot_no"; message: string };

const NUMBER = /^[+-]?(\d+)(?:\.(\d*))?$/;

function highest(d: Discipline): string {
  switch (d.scoring) {
    case "decimal":
      return `${formatTenths(d.maxValue)} is the highest decimal score`;
    case "integer":
      return `${d.maxValue} is the highest score`;
    case "hitmiss":
      return "A target is either hit (1) or missed (0)";
  }
}

/** Is this stored value possible in the discipline? null when it is. */
export function validateShotValue(d: Discipline, value: number, innerTen = false): ValueProblem | null {
  if (!Number.isInteger(value)) {
    const unit = d.scoring === "decimal" ? "whole tenths (10.4 is 104)" : "whole numbers";
    return { reason: "out_of_range", message: `Scores are stored as ${unit}` };
  }
  if (value < 0) return { reason: "out_of_range", message: "A score cannot be negative" };
  if (value > d.maxValue) return { reason: "out_of_range", message: highest(d) };
  if (innerTen) {
    if (d.scoring === "hitmiss") {
      return { reason: "inner_ten_not_allowed", message: "Hit/miss targets have no inner ten" };
    }
    if (d.scoring === "integer" && value !== 10) {
      return { reason: "inner_ten_not_allowed", message: "Only a 10 can be an inner ten" };
    }
    if (d.scoring === "decimal" && value < 100) {
      return { reason: "inner_ten_not_allowed", message: "Only a 10.0 or better can be an inner ten" };
    }
  }
  return null;
}

/** Is this a match shot number of the discipline? null when it is. */
export function validateShotNo(d: Discipline, shotNo: number): ShotNoProblem | null {
  if (!Number.isInteger(shotNo) || shotNo < 1) {
    return { reason: "invalid_shot_no", message: `${capitalise(d.shotNoun)} numbers start at 1` };
  }
  if (shotNo > d.shots) {
    return {
      reason: "beyond_match",
      message: `${capitalise(d.shotNoun)} ${shotNo} is beyond the ${d.shots}-${d.shotNoun} match`,
    };
  }
  return null;
}

/**
 * Reads what a range officer types (or an integration sends) into a stored value.
 * decimal: "10.4", "10,4", "9", "10.4*" (inner ten); integer: "0".."10", "10*" / "X" / "10x" (inner ten);
 * hit/miss: "1"/"x"/"hit" and "0"/"-"/"miss".
 */
export function parseShot(d: Discipline, input: string | number): ParsedShot {
  if (typeof input === "number" && !Number.isFinite(input)) return fail(prompt(d));
  const text = String(input).trim();
  if (text === "") return fail(prompt(d));
  switch (d.scoring) {
    case "decimal":
      return parseDecimal(d, text);
    case "integer":
      return parseInteger(d, text);
    case "hitmiss":
      return parseHitMiss(text);
  }
}

function parseDecimal(d: Discipline, text: string): ParsedShot {
  const innerTen = text.endsWith("*");
  const body = (innerTen ? text.slice(0, -1) : text).trim().replace(",", ".");
  if (/^x$/i.test(body)) return fail("Enter the decimal value of the inner ten, e.g. 10.4");
  const m = NUMBER.exec(body);
  if (!m) return fail(prompt(d));
  if (body.startsWith("-")) return fail("A score cannot be negative");
  if (Number(body) > d.maxValue / 10) return fail(highest(d));
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  if (fraction.length > 1) return fail("Decimal scores have one digit after the point, e.g. 10.4");
  return checked(d, Number(m[1]) * 10 + Number(fraction || "0"), innerTen);
}

function parseInteger(d: Discipline, text: string): ParsedShot {
  const upper = text.toUpperCase();
  if (upper === "X" || upper === "10*" || upper === "10X") return checked(d, 10, true);
  const innerTen = upper.endsWith("*") || upper.endsWith("X");
  const body = innerTen ? upper.slice(0, -1).trim() : upper;
  const m = NUMBER.exec(body);
  if (!m) return fail(prompt(d));
  if (body.startsWith("-")) return fail("A score cannot be negative");
  if ((m[2] ?? "").replace(/0+$/, "") !== "") return fail("Scores are whole numbers from 0 to 10");
  if (Number(body) > d.maxValue) return fail(highest(d));
  return checked(d, Number(m[1]), innerTen);
}

const HIT = new Set(["1", "x", "hit", "h"]);
const MISS = new Set(["0", "-", "miss", "m", "o"]);

function parseHitMiss(text: string): ParsedShot {
  const lower = text.toLowerCase();
  if (HIT.has(lower)) return { ok: true, value: 1, innerTen: false };
  if (MISS.has(lower)) return { ok: true, value: 0, innerTen: false };
  return fail("Enter hit (1 or x) or miss (0 or -)");
}

function checked(d: Discipline, value: number, innerTen: boolean): ParsedShot {
  const problem = validateShotValue(d, value, innerTen);
  return problem ? fail(problem.message) : { ok: true, value, innerTen };
}

function prompt(d: Discipline): string {
  switch (d.scoring) {
    case "decimal":
      return "Enter a score like 10.4";
    case "integer":
      return "Enter a score from 0 to 10, or X for an inner ten";
    case "hitmiss":
      return "Enter hit (1 or x) or miss (0 or -)";
  }
}

function fail(message: string): ParsedShot {
  return { ok: false, message };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** 104 → "10.4"; 6123 → "612.3". */
export function formatTenths(tenths: number): string {
  const sign = tenths < 0 ? "-" : "";
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

/** A stored shot for display: "10.4", "10.4*", "10*", "9", "hit", "miss". */
export function formatShot(d: Discipline, value: number, innerTen = false): string {
  const star = innerTen ? "*" : "";
  switch (d.scoring) {
    case "decimal":
      return formatTenths(value) + star;
    case "integer":
      return String(value) + star;
    case "hitmiss":
      return value === 1 ? "hit" : "miss";
  }
}

/** A series or match total for display: decimal "612.3", otherwise whole points or hits. */
export function formatTotal(d: Discipline, total: number): string {
  return d.scoring === "decimal" ? formatTenths(total) : String(total);
}
