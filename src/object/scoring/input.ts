import { formatShot, parseShot, type Discipline, type ShotOperation } from "../../domain/scoring/index.ts";
import { targetFace } from "../../domain/targets/faces.ts";
import { checkAgainstPosition, checkInnerTen } from "../../domain/targets/position.ts";
import type { ShotOpInput } from "../contract/index.ts";

export type ReadOp =
  | { ok: true; op: ShotOperation }
  | { ok: false; reason: "display_mismatch" | "off_target" | "position_mismatch"; message: string };

/** A position in mm as integer hundredths of a mm (how the object and D1 store it). */
const hundredths = (mm: number) => Math.round(mm * 100);

/** Why a position cannot be on the discipline's target card, or null when it is. */
function offTarget(d: Discipline, input: ShotOpInput): string | null {
  if (input.x === undefined && input.y === undefined) return null;
  if (d.targetCardMm === undefined) return `${d.name} has no shot positions: send the shot without x and y`;
  const half = d.targetCardMm / 2;
  const outside = [input.x, input.y].some((v) => v !== undefined && Math.abs(v) > half);
  return outside ? `x and y must lie on the ${d.targetCardMm} mm target card: at most ${half} mm from the centre` : null;
}

/**
 * Why the value (or a stated inner-ten flag) cannot be where the shot landed, or null (also when the discipline has no face here or the
 * shot has no position). An electronic target may send the decimal value beside an integer one: both must fit.
 */
function positionMismatch(d: Discipline, input: ShotOpInput, value: number | null, innerTen: boolean | undefined): string | null {
  const face = targetFace(d.id);
  if (!face || input.x === undefined || input.y === undefined || value === null) return null;
  const decimal = input.decimal === undefined ? null : Math.round(input.decimal * 10);
  if (decimal !== null && d.scoring === "decimal" && decimal !== value) {
    return `decimal ${input.decimal} and value ${value} (tenths) disagree`;
  }
  if (decimal !== null && d.scoring === "integer" && Math.floor(decimal / 10) !== value) {
    return `decimal ${input.decimal} and value ${value} disagree: the integer value is the decimal's whole points`;
  }
  const reported = d.scoring === "decimal" || decimal !== null ? { decimal: decimal ?? value } : { integer: value };
  const check = checkAgainstPosition(face, reported, input.x, input.y);
  if (!check.ok) return check.message;
  // Only a stated flag is checked: "10" typed without one says nothing about the inner ten.
  const stated = input.innerTen ?? (innerTen === true ? true : undefined);
  const inner = stated === undefined ? null : checkInnerTen(face, stated, input.x, input.y);
  return inner === null || inner.ok ? null : inner.message;
}

/**
 * Turns what a client sent into the domain's operation. `display` is read with the event's discipline (so
 * an integration may send "10.4" without knowing the storage unit); when `value` comes too, both must agree,
 * which catches a client sending points where tenths are stored.
 */
export function readOperation(d: Discipline, input: ShotOpInput, now: number): ReadOp {
  let value = input.value ?? null;
  let innerTen = input.innerTen;
  if (input.display !== undefined) {
    const parsed = parseShot(d, input.display);
    if (!parsed.ok) return { ok: false, reason: "display_mismatch", message: parsed.message };
    if (input.value !== undefined && input.value !== null && input.value !== parsed.value) {
      return {
        ok: false,
        reason: "display_mismatch",
        message: `"${input.display}" is ${parsed.value} in stored units, not ${input.value} (${formatShot(d, parsed.value)})`,
      };
    }
    if (innerTen !== undefined && innerTen !== parsed.innerTen) {
      return { ok: false, reason: "display_mismatch", message: `"${input.display}" ${parsed.innerTen ? "marks" : "does not mark"} an inner ten, but innerTen is ${innerTen}` };
    }
    value = parsed.value;
    innerTen = parsed.innerTen;
  }
  const off = offTarget(d, input);
  if (off) return { ok: false, reason: "off_target", message: off };
  const mismatch = positionMismatch(d, input, value, innerTen);
  if (mismatch) return { ok: false, reason: "position_mismatch", message: mismatch };
  const op: ShotOperation = {
    opId: input.opId,
    entryId: input.entryId,
    shotNo: input.shotNo,
    value,
    enteredAt: input.enteredAt ?? now,
  };
  if (innerTen !== undefined) op.innerTen = innerTen;
  if (input.x !== undefined) op.x = hundredths(input.x);
  if (input.y !== undefined) op.y = hundredths(input.y);
  if (input.deviceId !== undefined) op.deviceId = input.deviceId;
  if (input.deviceSeq !== undefined) op.deviceSeq = input.deviceSeq;
  if (input.replaces !== undefined) op.replaces = input.replaces;
  if (input.reason !== undefined) op.reason = input.reason;
  return { ok: true, op };
}
