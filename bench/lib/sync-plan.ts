/**
 * bench:sync's fixed workload: devices each holding a queue of shot operations, as the offline scoring app
 * keeps them (browser/offline/log.ts), with replays (an operation sent again after a lost answer) and values
 * that conflict with another device's, and the check that the server's state is exactly what that set implies.
 */
import { seededRandom, shuffle } from "./load.ts";

export interface PlannedOp {
  opId: string;
  entryId: string;
  shotNo: number;
  value: number;
  deviceId: string;
  deviceSeq: number;
  enteredAt: number;
}

export interface Device {
  deviceId: string;
  /** In the order the device sends them (deviceSeq), replays included. */
  queue: PlannedOp[];
}

const SHOTS = 60;
const value = (random: () => number) => 95 + Math.floor(random() * 15); // 9.5 to 10.9, in tenths

/**
 * `devices` devices with `perDevice` operations each over `entries` (each device its own block of entries):
 * `replays` of them resend an earlier operation of the same device (same opId), `conflicts` write another
 * value into a slot another device also fills (the next device's; the baseline's single device, its own).
 */
export function syncPlan(tag: string, entries: string[], devices: number, perDevice: number, replayShare: number, conflictShare: number): Device[] {
  const random = seededRandom(devices * 7919 + perDevice);
  const replays = Math.round(perDevice * replayShare);
  const conflicts = Math.round(perDevice * conflictShare);
  const fresh = perDevice - replays - conflicts;
  const perBlock = Math.floor(entries.length / devices);
  if (perBlock * SHOTS < fresh) throw new Error(`${entries.length} entries are too few for ${devices} devices of ${fresh} shots`);
  const owned: PlannedOp[][] = Array.from({ length: devices }, (_, d) =>
    Array.from({ length: fresh }, (_, i) => ({
      opId: `${tag}-d${d}-op${i}`,
      entryId: entries[d * perBlock + Math.floor(i / SHOTS)]!,
      shotNo: (i % SHOTS) + 1,
      value: value(random),
      deviceId: `${tag}-device-${d}`,
      deviceSeq: 0,
      enteredAt: 0,
    })),
  );
  return owned.map((mine, d) => {
    const neighbour = owned[(d + 1) % devices]!;
    const clashing = shuffle([...neighbour], random)
      .slice(0, conflicts)
      .map((o, i) => ({ ...o, opId: `${tag}-d${d}-clash${i}`, deviceId: `${tag}-device-${d}`, value: o.value === 109 ? 95 : o.value + 1 }));
    const queue = shuffle([...mine, ...clashing], random);
    // A replay follows the operation it repeats: sent again after an answer that never arrived.
    for (let r = 0; r < replays; r++) {
      const at = Math.floor(random() * queue.length);
      queue.splice(at + 1, 0, { ...queue[at]! });
    }
    const t0 = Date.UTC(2026, 10, 29, 9);
    return { deviceId: `${tag}-device-${d}`, queue: queue.map((o, i) => ({ ...o, deviceSeq: i + 1, enteredAt: t0 + i * 1000 })) };
  });
}

export interface ServerCard {
  entryId: string;
  shots: { shotNo: number; value: number }[];
}

export interface ServerConflict {
  opId: string;
  entryId: string;
  shotNo: number;
  standing: { value: number; opId: string };
  incoming: { value: number };
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * The server's state equals the operation set: every slot written holds one of its written values (the one
 * of the first operation applied), each slot written with two values has exactly one conflict holding the
 * other, nothing else is filled, and every replay was answered as a duplicate of its first send.
 */
export function checkSync(devices: Device[], outcomes: Map<string, string[]>, server: { cards: ServerCard[]; conflicts: ServerConflict[] }): Check[] {
  const { cards, conflicts } = server;
  const written = new Map<string, Set<number>>();
  const opsBySlot = new Map<string, Set<string>>();
  for (const op of devices.flatMap((d) => d.queue)) {
    const slot = `${op.entryId}#${op.shotNo}`;
    written.set(slot, (written.get(slot) ?? new Set()).add(op.value));
    opsBySlot.set(slot, (opsBySlot.get(slot) ?? new Set()).add(op.opId));
  }
  const held = new Map<string, number>(cards.flatMap((c) => c.shots.map((s) => [`${c.entryId}#${s.shotNo}`, s.value] as const)));
  const bySlot = new Map<string, ServerConflict[]>();
  for (const c of conflicts) bySlot.set(`${c.entryId}#${c.shotNo}`, [...(bySlot.get(`${c.entryId}#${c.shotNo}`) ?? []), c]);

  const wrongValue = [...written].filter(([slot, values]) => !values.has(held.get(slot) ?? -1));
  const extra = [...held.keys()].filter((slot) => !written.has(slot));
  const twoValued = [...written].filter(([, v]) => v.size === 2);
  const badConflicts = twoValued.filter(([slot, values]) => {
    const found = bySlot.get(slot) ?? [];
    const standing = held.get(slot);
    return found.length !== 1 || found[0]!.standing.value !== standing || !values.has(found[0]!.incoming.value) || found[0]!.incoming.value === standing;
  });
  const strayConflicts = [...bySlot.keys()].filter((slot) => (written.get(slot)?.size ?? 0) < 2);
  const answers = [...outcomes.values()];
  const sentTwice = answers.filter((a) => a.length > 1);
  const replayNotDuplicate = sentTwice.filter((a) => a.slice(1).some((o) => o !== "duplicate"));
  const rejected = answers.filter((a) => a.includes("rejected") || a.includes("missing"));
  const applied = answers.filter((a) => a[0] === "applied").length;
  return [
    { name: "every written slot holds one of its values", ok: wrongValue.length === 0, detail: `${written.size - wrongValue.length}/${written.size} slots` },
    { name: "no slot filled that no operation wrote", ok: extra.length === 0, detail: `${extra.length} extra` },
    { name: "one conflict per slot written with two values", ok: badConflicts.length === 0 && strayConflicts.length === 0, detail: `${twoValued.length} two-valued slots, ${conflicts.length} conflicts, ${badConflicts.length} wrong, ${strayConflicts.length} stray` },
    { name: "every replay answered as a duplicate", ok: replayNotDuplicate.length === 0, detail: `${sentTwice.length} replayed ops` },
    { name: "no operation rejected or unanswered", ok: rejected.length === 0, detail: `${rejected.length}` },
    { name: "applied once per slot", ok: applied === written.size, detail: `${applied} applied, ${written.size} slots` },
  ];
}
