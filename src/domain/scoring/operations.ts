import type { Discipline } from "./disciplines.ts";
import { formatShot, validateShotNo, validateShotValue, type ShotValue } from "./values.ts";

/** One write to a card, as sent by a scoring page, an offline device or an electronic target. */
export interface ShotOperation {
  opId: string;
  entryId: string;
  shotNo: number;
  /** Stored units (tenths for decimal). null only in a correction, to clear the slot (undo of an entry). */
  value: number | null;
  innerTen?: boolean;
  /** Where the shot hit, in hundredths of a mm from the centre (integers). */
  x?: number;
  y?: number;
  deviceId?: string;
  deviceSeq?: number;
  enteredAt: number;
  /** Present on a correction: the value the slot holds now and that this operation replaces. */
  replaces?: { value: number; innerTen?: boolean };
  /** Why a correction was made; required on every correction, for the audit. */
  reason?: string;
}

export interface ShotSlot extends ShotValue {
  /** The operation that put this value here. */
  opId: string;
}

/** One entry's card as the tournament DO holds it. */
export interface CardState {
  entryId: string;
  slots: ReadonlyMap<number, ShotSlot>;
  /** Operation ids already recorded (the DO may pass a tournament-wide set or just the one lookup). */
  appliedOpIds: ReadonlySet<string>;
}

export interface Correction {
  opId: string;
  shotNo: number;
  from: ShotSlot;
  /** null when the correction cleared the slot. */
  to: ShotValue | null;
  reason: string;
}

export interface ShotConflict {
  shotNo: number;
  /** The first value, which stands. */
  standing: ShotSlot;
  /** The later, different value, kept for the organiser to resolve. */
  incoming: ShotSlot;
}

export type RejectionReason =
  | "invalid_shot_no"
  | "beyond_match"
  | "out_of_range"
  | "inner_ten_not_allowed"
  | "reason_required"
  | "correction_of_empty_slot"
  | "stale_correction"
  | "clear_without_correction";

interface About {
  opId: string;
  entryId: string;
  shotNo: number;
  message: string;
}

export type OperationResult =
  | (About & { outcome: "applied"; slot: ShotSlot | null; correction: Correction | null })
  | (About & { outcome: "duplicate"; why: "known_op" | "same_value" })
  | (About & { outcome: "conflict"; conflict: ShotConflict })
  | (About & { outcome: "rejected"; reason: RejectionReason });

/**
 * Decides one operation against one card; the tournament DO writes what it says in one transaction.
 * - A known opId: `duplicate` ("known_op"), nothing changes.
 * - Invalid shot number or value: `rejected`, nothing changes and the opId is not recorded, so a fixed
 *   resend with the same opId can still apply.
 * - An empty slot: `applied`. Shots may arrive in any order.
 * - The slot already holds the same value: `duplicate` ("same_value"): two devices agreeing is not a conflict.
 * - The slot holds a different value and the op is no correction: `conflict`; the first value stands.
 * - A correction (`replaces` + `reason`) naming the current value: `applied`, with the audit record.
 *   Naming any other value, or an empty slot: `rejected`.
 * Record the opId (see `recordsOpId`) for applied, conflict and same-value results, so a resend is a no-op.
 */
export function applyOperation(d: Discipline, card: CardState, op: ShotOperation): OperationResult {
  if (op.entryId !== card.entryId) throw new RangeError(`Operation ${op.opId} is for another entry`);
  const about = { opId: op.opId, entryId: op.entryId, shotNo: op.shotNo };
  const reject = (reason: RejectionReason, message: string): OperationResult => ({
    ...about,
    outcome: "rejected",
    reason,
    message,
  });

  if (card.appliedOpIds.has(op.opId)) {
    return { ...about, outcome: "duplicate", why: "known_op", message: "This operation was already recorded" };
  }
  const shotNoProblem = validateShotNo(d, op.shotNo);
  if (shotNoProblem) return reject(shotNoProblem.reason, shotNoProblem.message);
  const incoming: ShotValue | null = op.value === null ? null : { value: op.value, innerTen: op.innerTen === true };
  if (incoming) {
    const valueProblem = validateShotValue(d, incoming.value, incoming.innerTen);
    if (valueProblem) return reject(valueProblem.reason, valueProblem.message);
  }

  const label = `${d.shotNoun === "shot" ? "Shot" : "Target"} ${op.shotNo}`;
  const show = (v: ShotValue | null) => (v ? formatShot(d, v.value, v.innerTen) : "nothing");
  const current = card.slots.get(op.shotNo) ?? null;

  if (op.replaces) {
    const reason = op.reason?.trim() ?? "";
    if (reason === "") return reject("reason_required", "A correction needs a reason");
    if (!current) return reject("correction_of_empty_slot", `${label} is empty: there is nothing to correct`);
    if (sameValue(current, incoming)) {
      return { ...about, outcome: "duplicate", why: "same_value", message: `${label} already holds ${show(current)}` };
    }
    const named = { value: op.replaces.value, innerTen: op.replaces.innerTen === true };
    if (!sameValue(current, named)) {
      return reject(
        "stale_correction",
        `${label} holds ${show(current)}, not ${show(named)}: correct the value it holds now`,
      );
    }
    const slot = incoming ? { ...incoming, opId: op.opId } : null;
    return {
      ...about,
      outcome: "applied",
      slot,
      correction: { opId: op.opId, shotNo: op.shotNo, from: current, to: incoming, reason },
      message: `${label} corrected from ${show(current)} to ${show(incoming)}`,
    };
  }

  if (!incoming) return reject("clear_without_correction", `Clearing ${label} is a correction: name the value and a reason`);
  if (!current) {
    return {
      ...about,
      outcome: "applied",
      slot: { ...incoming, opId: op.opId },
      correction: null,
      message: `${label}: ${show(incoming)}`,
    };
  }
  if (sameValue(current, incoming)) {
    return { ...about, outcome: "duplicate", why: "same_value", message: `${label} already holds ${show(current)}` };
  }
  return {
    ...about,
    outcome: "conflict",
    conflict: { shotNo: op.shotNo, standing: current, incoming: { ...incoming, opId: op.opId } },
    message: `${label} already holds ${show(current)}; ${show(incoming)} is kept as a conflict for the organiser`,
  };
}

function sameValue(a: ShotValue, b: ShotValue | null): boolean {
  return b !== null && a.value === b.value && a.innerTen === b.innerTen;
}

/** Whether the DO records the opId of this result as applied (a resend is then a known-op duplicate). */
export function recordsOpId(result: OperationResult): boolean {
  return result.outcome === "applied" || result.outcome === "conflict" || result.outcome === "duplicate";
}

/** The card after a result: what the DO's transaction writes, as a new value (the input is not changed). */
export function nextCard(card: CardState, result: OperationResult): CardState {
  if (!recordsOpId(result) || card.appliedOpIds.has(result.opId)) return card;
  const appliedOpIds = new Set(card.appliedOpIds).add(result.opId);
  if (result.outcome !== "applied") return { ...card, appliedOpIds };
  const slots = new Map(card.slots);
  if (result.slot) slots.set(result.shotNo, result.slot);
  else slots.delete(result.shotNo);
  return { ...card, slots, appliedOpIds };
}

/** A card's slots as the shots that totals and ranking read. */
export function shotsOf(card: Pick<CardState, "slots">): { shotNo: number; value: number; innerTen: boolean }[] {
  return [...card.slots].map(([shotNo, slot]) => ({ shotNo, value: slot.value, innerTen: slot.innerTen }));
}
