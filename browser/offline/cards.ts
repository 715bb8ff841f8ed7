import {
  applyOperation,
  type CardState,
  type CardTotals,
  type Discipline,
  nextCard,
  rankCards,
  shotsOf,
  type ShotSlot,
} from "../scoring-rules.ts";
import type { LoggedOp, RelayPack } from "./log.ts";

/** A conflict as the card shows it: which shot, both values, which device. */
export interface CardConflict {
  shotNo: number;
  standing: { value: number; innerTen: boolean; opId?: string };
  other: { value: number; innerTen: boolean; deviceId: string | null };
  /** Whether this device entered the value that did not stand (`ours`), or the one that stands. */
  ours: boolean;
  standingOurs: boolean;
}

export interface ComputedCard {
  entryId: string;
  name: string;
  club: string;
  firingPoint: number | null;
  status: string;
  slots: Map<number, ShotSlot>;
  totals: CardTotals;
  rankLabel: string;
  pending: number;
  conflicts: CardConflict[];
  /** The highest filled shot: what undo clears. */
  last: { shotNo: number; value: number; innerTen: boolean } | null;
}

/**
 * The relay's cards as this device sees them: the shots the server held when the relay was last fetched,
 * then every operation of this device that the server has not refused, replayed in device order by the same
 * rules the server applies (an operation the server already holds replays as a same-value duplicate or a
 * correction of an empty slot: no change). Ranks among the relay's competitors, by the rulebook.
 */
export function computeCards(d: Discipline, pack: RelayPack, ops: LoggedOp[]): ComputedCard[] {
  const myOpIds = new Set(ops.map((o) => o.opId));
  const states = new Map<string, CardState>();
  for (const e of pack.entries) {
    const slots = new Map<number, ShotSlot>(e.shots.map((s) => [s.shotNo, { ...s, opId: `server:${s.shotNo}` }]));
    states.set(e.entryId, { entryId: e.entryId, slots, appliedOpIds: new Set() });
  }
  const conflicts = new Map<string, CardConflict[]>();
  const addConflict = (entryId: string, c: CardConflict) => conflicts.set(entryId, [...(conflicts.get(entryId) ?? []), c]);
  const openServerConflicts = new Set(pack.conflicts.map((c) => c.opId));
  for (const c of pack.conflicts) {
    addConflict(c.entryId, { shotNo: c.shotNo, standing: c.standing, other: c.incoming, ours: myOpIds.has(c.opId), standingOurs: myOpIds.has(c.standing.opId) });
  }
  for (const op of ops) {
    if (op.kind !== "shot") continue;
    const card = states.get(op.entryId);
    if (!card) continue;
    if (op.status === "conflict") {
      // Shown from the server's list once fetched; until then from the batch's answer. Resolved: gone from both.
      const fetchedAfter = (op.settledAt ?? 0) <= pack.fetchedAt;
      if (!openServerConflicts.has(op.opId) && !fetchedAfter) {
        const standing = card.slots.get(op.shotNo);
        if (standing) addConflict(op.entryId, { shotNo: op.shotNo, standing, other: { value: op.value ?? 0, innerTen: op.innerTen, deviceId: op.deviceId }, ours: true, standingOurs: false });
      }
      continue;
    }
    if (op.status === "rejected") continue;
    const result = applyOperation(d, card, {
      opId: op.opId,
      entryId: op.entryId,
      shotNo: op.shotNo,
      value: op.value,
      innerTen: op.innerTen,
      enteredAt: op.enteredAt,
      replaces: op.replaces,
      reason: op.reason,
    });
    states.set(op.entryId, nextCard(card, result));
  }
  const ranked = new Map(rankCards(d, [...states.values()].map((s) => ({ entryId: s.entryId, shots: shotsOf(s) }))).map((r) => [r.entryId, r]));
  return pack.entries.map((e) => {
    const state = states.get(e.entryId)!;
    const r = ranked.get(e.entryId)!;
    const filled = [...state.slots.keys()].sort((a, b) => b - a);
    const lastNo = filled[0];
    const lastSlot = lastNo === undefined ? undefined : state.slots.get(lastNo);
    return {
      entryId: e.entryId,
      name: e.name,
      club: e.club,
      firingPoint: e.firingPoint,
      status: e.status,
      slots: new Map(state.slots),
      totals: r.totals,
      rankLabel: r.rankLabel,
      pending: ops.filter((o) => o.entryId === e.entryId && o.status === "pending").length,
      conflicts: (conflicts.get(e.entryId) ?? []).sort((a, b) => a.shotNo - b.shotNo),
      last: lastNo !== undefined && lastSlot ? { shotNo: lastNo, value: lastSlot.value, innerTen: lastSlot.innerTen } : null,
    };
  });
}

/** The shot number the form offers: the first empty slot. */
export function nextShotNo(d: Discipline, slots: Map<number, unknown>): number | null {
  for (let n = 1; n <= d.shots; n++) if (!slots.has(n)) return n;
  return null;
}
