import { formatShot, parseShot, type Discipline, type ShotOperation } from "../../domain/scoring/index.ts";
import type { ShotOpInput } from "../contract/index.ts";

export type ReadOp = { ok: true; op: ShotOperation } | { ok: false; message: string };

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
    if (!parsed.ok) return { ok: false, message: parsed.message };
    if (input.value !== undefined && input.value !== null && input.value !== parsed.value) {
      return {
        ok: false,
        message: `"${input.display}" is ${parsed.value} in stored units, not ${input.value} (${formatShot(d, parsed.value)})`,
      };
    }
    if (innerTen !== undefined && innerTen !== parsed.innerTen) {
      return { ok: false, message: `"${input.display}" ${parsed.innerTen ? "marks" : "does not mark"} an inner ten, but innerTen is ${innerTen}` };
    }
    value = parsed.value;
    innerTen = parsed.innerTen;
  }
  const op: ShotOperation = {
    opId: input.opId,
    entryId: input.entryId,
    shotNo: input.shotNo,
    value,
    enteredAt: input.enteredAt ?? now,
  };
  if (innerTen !== undefined) op.innerTen = innerTen;
  if (input.x !== undefined) op.x = input.x;
  if (input.y !== undefined) op.y = input.y;
  if (input.deviceId !== undefined) op.deviceId = input.deviceId;
  if (input.deviceSeq !== undefined) op.deviceSeq = input.deviceSeq;
  if (input.replaces !== undefined) op.replaces = input.replaces;
  if (input.reason !== undefined) op.reason = input.reason;
  return { ok: true, op };
}
