import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { PowerFactor, StageHits, StageSpec } from "../practical-rules.ts";

/**
 * The device's append-only operation log in IndexedDB. An operation is written here before anything else
 * happens (before the card changes, before any request); sync only adds its outcome. `kind` says what it
 * writes: "shot" (a shot slot) or "stage" (a practical-shooting stage score), through the same log and
 * the same sync.
 */
export type OpStatus = "pending" | "applied" | "duplicate" | "conflict" | "rejected";

export interface LoggedOp {
  kind: "shot" | "stage";
  opId: string;
  deviceId: string;
  deviceSeq: number;
  /** The tournament it is sent to, and the relay it was entered on (the card it belongs to). */
  slug: string;
  relayId: number;
  entryId: string;
  shotNo: number;
  /** Stored units; null clears the slot (an undo: a correction naming `replaces`). */
  value: number | null;
  innerTen: boolean;
  enteredAt: number;
  replaces?: { value: number; innerTen: boolean };
  reason?: string;
  /** A practical stage score (kind "stage"): `relayId` is the squad, `shotNo` the stage id. */
  stage?: StageOpHits;
  status: OpStatus;
  /** The server's answer, for people ("Shot 3 already holds 10.1; 9.8 is kept as a conflict ..."). */
  message?: string;
  settledAt?: number;
}

/** What a stage operation sends: the counters, the time in seconds and the competitor's confirmation. */
export type StageOpHits = Omit<StageHits, "timeHundredths"> & { stage: number; time: number; confirmed: boolean };

/** One relay's cards as last fetched online: what the page needs to score it with no connection. */
export interface RelayPack {
  key: string;
  slug: string;
  tournamentTitle: string;
  event: { id: number; title: string };
  discipline: string;
  relay: { id: number; name: string; startsAt: number };
  entries: { entryId: string; firingPoint: number | null; name: string; club: string; status: string; shots: { shotNo: number; value: number; innerTen: boolean }[] }[];
  conflicts: {
    opId: string;
    entryId: string;
    shotNo: number;
    standing: { value: number; innerTen: boolean; opId: string };
    incoming: { value: number; innerTen: boolean; deviceId: string | null };
  }[];
  fetchedAt: number;
  openedAt: number;
}

/** One practical squad's cards as last fetched online (/api/v1/tournaments/<slug>/squads/<id>/cards). */
export interface SquadPack {
  key: string;
  slug: string;
  tournamentTitle: string;
  event: { id: number; title: string };
  official: boolean;
  squad: { id: number; name: string; startsAt: number };
  stages: StageSpec[];
  entries: { entryId: string; name: string; division: string; powerFactor: PowerFactor; dq: boolean }[];
  scores: { entryId: string; stageId: number; hits: StageHits; confirmed: boolean }[];
  fetchedAt: number;
  openedAt: number;
}

export interface DeviceState {
  deviceId: string;
  nextSeq: number;
  lastSyncAt: number | null;
  /** Tournament scoring tokens this device was enrolled with (by slug): sent instead of a session. */
  enrolments: Record<string, string>;
}

interface LogSchema extends DBSchema {
  ops: { key: string; value: LoggedOp; indexes: { status: OpStatus; relay: [string, number] } };
  relays: { key: string; value: RelayPack; indexes: { openedAt: number } };
  squads: { key: string; value: SquadPack; indexes: { openedAt: number } };
  device: { key: "device"; value: DeviceState };
}

export const relayKey = (slug: string, relayId: number) => `${slug}/${relayId}`;

let opened: Promise<IDBPDatabase<LogSchema>> | null = null;

export function logDb(): Promise<IDBPDatabase<LogSchema>> {
  opened ??= openDB<LogSchema>("tenring-scoring", 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const ops = db.createObjectStore("ops", { keyPath: "opId" });
        ops.createIndex("status", "status");
        ops.createIndex("relay", ["slug", "relayId"]);
        db.createObjectStore("relays", { keyPath: "key" }).createIndex("openedAt", "openedAt");
        db.createObjectStore("device");
      }
      // Version 2: practical squads' cards, beside the relays' (the ops of a squad use its id as `relayId`).
      if (oldVersion < 2) db.createObjectStore("squads", { keyPath: "key" }).createIndex("openedAt", "openedAt");
    },
  });
  return opened;
}

/** This browser's device id (made once, kept), its sequence and enrolments. */
export async function deviceState(): Promise<DeviceState> {
  const db = await logDb();
  const tx = db.transaction("device", "readwrite");
  let state = await tx.store.get("device");
  if (!state) {
    state = { deviceId: crypto.randomUUID(), nextSeq: 1, lastSyncAt: null, enrolments: {} };
    await tx.store.put(state, "device");
  }
  await tx.done;
  return state;
}

export async function updateDevice(change: (s: DeviceState) => void): Promise<DeviceState> {
  await deviceState();
  const db = await logDb();
  const tx = db.transaction("device", "readwrite");
  const state = (await tx.store.get("device"))!;
  change(state);
  await tx.store.put(state, "device");
  await tx.done;
  return state;
}

export type NewOp = Omit<LoggedOp, "opId" | "deviceId" | "deviceSeq" | "status" | "enteredAt">;

/** Appends one operation with the next sequence number, in one transaction: durable once this resolves. */
export async function appendOp(op: NewOp): Promise<LoggedOp> {
  await deviceState();
  const db = await logDb();
  const tx = db.transaction(["device", "ops"], "readwrite");
  const device = tx.objectStore("device");
  const state = (await device.get("device"))!;
  const logged: LoggedOp = { ...op, opId: crypto.randomUUID(), deviceId: state.deviceId, deviceSeq: state.nextSeq, enteredAt: Date.now(), status: "pending" };
  state.nextSeq += 1;
  await device.put(state, "device");
  await tx.objectStore("ops").add(logged);
  await tx.done;
  return logged;
}

/** The oldest pending operations of these kinds, in device order. */
export async function pendingOps(limit: number, kinds: readonly LoggedOp["kind"][]): Promise<LoggedOp[]> {
  const db = await logDb();
  const ops = await db.getAllFromIndex("ops", "status", "pending");
  return ops.filter((o) => kinds.includes(o.kind)).sort((a, b) => a.deviceSeq - b.deviceSeq).slice(0, limit);
}

export async function countPending(): Promise<number> {
  return (await logDb()).countFromIndex("ops", "status", "pending");
}

export async function opsOfRelay(slug: string, relayId: number): Promise<LoggedOp[]> {
  const ops = await (await logDb()).getAllFromIndex("ops", "relay", [slug, relayId]);
  return ops.sort((a, b) => a.deviceSeq - b.deviceSeq);
}

export async function conflictCount(): Promise<number> {
  return (await logDb()).countFromIndex("ops", "status", "conflict");
}

/** Writes the server's outcomes back; an op already settled keeps its first outcome. */
export async function settle(outcomes: { opId: string; outcome: OpStatus; message: string }[]): Promise<void> {
  const db = await logDb();
  const tx = db.transaction("ops", "readwrite");
  for (const o of outcomes) {
    const op = await tx.store.get(o.opId);
    if (!op || op.status !== "pending") continue;
    await tx.store.put({ ...op, status: o.outcome, message: o.message, settledAt: Date.now() });
  }
  await tx.done;
}

export async function saveRelay(pack: RelayPack): Promise<void> {
  await (await logDb()).put("relays", pack);
}

export async function loadRelay(key: string): Promise<RelayPack | undefined> {
  return (await logDb()).get("relays", key);
}

/** The relays opened on this device, the latest first. */
export async function recentRelays(): Promise<RelayPack[]> {
  return (await (await logDb()).getAllFromIndex("relays", "openedAt")).reverse();
}

export async function saveSquad(pack: SquadPack): Promise<void> {
  await (await logDb()).put("squads", pack);
}

export async function loadSquad(key: string): Promise<SquadPack | undefined> {
  return (await logDb()).get("squads", key);
}

/** The practical squads opened on this device, the latest first. */
export async function recentSquads(): Promise<SquadPack[]> {
  return (await (await logDb()).getAllFromIndex("squads", "openedAt")).reverse();
}
