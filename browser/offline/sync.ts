import {
  conflictCount,
  countPending,
  deviceState,
  type LoggedOp,
  type OpStatus,
  pendingOps,
  relayKey,
  type RelayPack,
  loadRelay,
  loadSquad,
  saveRelay,
  saveSquad,
  type SquadPack,
  settle,
  updateDevice,
} from "./log.ts";

/** The server takes at most this many operations per request (MAX_OPS_PER_BATCH). */
export const BATCH = 500;
const MAX_BACKOFF_MS = 60_000;

export type SyncProblem = null | "offline" | "signed-out" | "refused" | "server";

export interface SyncStatus {
  pending: number;
  conflicts: number;
  lastSyncAt: number | null;
  syncing: boolean;
  problem: SyncProblem;
  detail: string;
  /** When the next automatic try is due after a failure (backoff), else null. */
  retryAt: number | null;
}

type Listener = (s: SyncStatus) => void;
const listeners = new Set<Listener>();
let running: Promise<boolean> | null = null;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let last: Pick<SyncStatus, "problem" | "detail" | "retryAt"> = { problem: null, detail: "", retryAt: null };

let onChange: (() => void) | null = null;

/** Called when a retry on its own (after backoff) changed what the page shows. */
export function onSyncChange(listener: () => void): void {
  onChange = listener;
}

export function onSyncStatus(listener: Listener): void {
  listeners.add(listener);
}

export async function syncStatus(): Promise<SyncStatus> {
  const [pending, conflicts, device] = await Promise.all([countPending(), conflictCount(), deviceState()]);
  return { pending, conflicts, lastSyncAt: device.lastSyncAt, syncing: running !== null, ...last };
}

async function announce(): Promise<void> {
  const s = await syncStatus();
  for (const l of listeners) l(s);
}

async function headersFor(slug: string): Promise<Record<string, string>> {
  const token = (await deviceState()).enrolments[slug];
  const h: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

class SyncFailure extends Error {
  constructor(readonly problem: Exclude<SyncProblem, null>, detail: string) {
    super(detail);
  }
}

async function problemOf(res: Response): Promise<SyncFailure> {
  const body = (await res.json().catch(() => null)) as { title?: string; detail?: string } | null;
  const detail = body?.detail ?? `The server answered ${res.status}.`;
  if (res.status === 401) return new SyncFailure("signed-out", "Your session ended: sign in again, the waiting operations are kept and sent then.");
  if (res.status >= 500) return new SyncFailure("server", detail);
  return new SyncFailure("refused", `${body?.title ?? "Refused"}: ${detail}`);
}

/** Where each kind of operation goes, and how it is written there. */
const ENDPOINTS: Record<LoggedOp["kind"], (slug: string) => string> = {
  shot: (slug) => `/api/v1/tournaments/${encodeURIComponent(slug)}/shots`,
  stage: (slug) => `/api/v1/tournaments/${encodeURIComponent(slug)}/stage-scores`,
};
const SENDABLE = Object.keys(ENDPOINTS) as LoggedOp["kind"][];

function wireOp(o: LoggedOp): Record<string, unknown> {
  if (o.kind === "stage" && o.stage) {
    const { stage, confirmed, ...hits } = o.stage;
    return { opId: o.opId, entryId: o.entryId, stage, ...hits, confirmed };
  }
  return {
    opId: o.opId,
    entryId: o.entryId,
    shotNo: o.shotNo,
    value: o.value,
    innerTen: o.innerTen,
    deviceId: o.deviceId,
    deviceSeq: o.deviceSeq,
    enteredAt: o.enteredAt,
    ...(o.replaces ? { replaces: o.replaces, reason: o.reason ?? "undo" } : {}),
  };
}

type Outcome = { opId: string; outcome: OpStatus; message: string };

/** Sends one batch of one tournament's pending operations of one kind, in device order, and writes the outcomes back. */
async function sendBatch(ops: LoggedOp[]): Promise<void> {
  const { slug, kind } = ops[0]!;
  const batch = ops.filter((o) => o.slug === slug && o.kind === kind);
  const device = await deviceState();
  const body = {
    ops: batch.map(wireOp),
    device: { deviceId: device.deviceId, pending: await countPending(), conflicts: await conflictCount(), label: navigator.userAgent.slice(0, 200) },
  };
  let res: Response;
  try {
    res = await fetch(ENDPOINTS[kind](slug), {
      method: "POST",
      headers: await headersFor(slug),
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new SyncFailure("offline", "No connection: the operations wait on this device.");
  }
  if (!res.ok) throw await problemOf(res);
  // The shots API answers `results`, the stage-scores API `outcomes`: the same outcome per operation.
  const answer = (await res.json()) as { results?: Outcome[]; outcomes?: Outcome[] };
  await settle(answer.results ?? answer.outcomes ?? []);
}

/** Fetches a relay's cards (names, firing points, rules, shots, open conflicts) and keeps them for offline use. */
export async function fetchRelay(slug: string, relayId: number): Promise<RelayPack> {
  const res = await fetch(`/api/v1/tournaments/${encodeURIComponent(slug)}/relays/${relayId}/cards`, {
    headers: await headersFor(slug),
    credentials: "same-origin",
  });
  if (!res.ok) throw await problemOf(res);
  const body = (await res.json()) as Omit<RelayPack, "key" | "openedAt" | "fetchedAt">;
  const before = await loadRelay(relayKey(slug, relayId));
  const pack: RelayPack = { ...body, key: relayKey(slug, relayId), fetchedAt: Date.now(), openedAt: before?.openedAt ?? Date.now() };
  await saveRelay(pack);
  return pack;
}

/** Fetches a practical squad's cards (stages, competitors, scores so far) and keeps them for offline use. */
export async function fetchSquad(slug: string, squadId: number): Promise<SquadPack> {
  const res = await fetch(`/api/v1/tournaments/${encodeURIComponent(slug)}/squads/${squadId}/cards`, {
    headers: await headersFor(slug),
    credentials: "same-origin",
  });
  if (!res.ok) throw await problemOf(res);
  const body = (await res.json()) as Omit<SquadPack, "key" | "openedAt" | "fetchedAt">;
  const key = relayKey(slug, squadId);
  const before = await loadSquad(key);
  const pack: SquadPack = { ...body, key, fetchedAt: Date.now(), openedAt: before?.openedAt ?? Date.now() };
  await saveSquad(pack);
  return pack;
}

/** What a sync refreshes after sending: a relay's cards (shots) or a squad's (stage scores). */
export interface CardsRef {
  slug: string;
  relayId: number;
  kind?: LoggedOp["kind"];
}

/** Whether anything the page shows changed: an operation settled or a relay's cards fetched again. */
async function drain(refresh: CardsRef[]): Promise<boolean> {
  let changed = false;
  const refKey = (r: CardsRef) => `${r.kind ?? "shot"}:${relayKey(r.slug, r.relayId)}`;
  const touched = new Map(refresh.map((r) => [refKey(r), r]));
  for (;;) {
    const ops = await pendingOps(BATCH, SENDABLE);
    if (ops.length === 0) break;
    for (const o of ops) touched.set(refKey(o), { slug: o.slug, relayId: o.relayId, kind: o.kind });
    await sendBatch(ops);
    changed = true;
    await announce();
  }
  // The server's cards now include this device's shots and other devices' ones, and conflicts resolved since.
  for (const r of touched.values()) {
    const fetched = r.kind === "stage" ? fetchSquad(r.slug, r.relayId) : fetchRelay(r.slug, r.relayId);
    if (await fetched.then(() => true, () => false)) changed = true;
  }
  await updateDevice((s) => {
    s.lastSyncAt = Date.now();
  });
  return changed;
}

/**
 * Sends everything pending, one batch after another, then refreshes the relays it touched (and `refresh`).
 * One run at a time; a failed batch stays pending and is tried again with backoff (1 s, 2 s, 4 s ... 60 s).
 */
export function syncNow(refresh: CardsRef[] = []): Promise<boolean> {
  running ??= (async () => {
    let changed = false;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    last = { problem: null, detail: "", retryAt: null };
    await announce();
    try {
      changed = await drain(refresh);
      failures = 0;
    } catch (e) {
      failures += 1;
      const problem = e instanceof SyncFailure ? e.problem : "server";
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1));
      last = { problem, detail: e instanceof Error ? e.message : String(e), retryAt: Date.now() + delay };
      if (typeof setTimeout === "function" && problem !== "signed-out") retryTimer = setTimeout(() => void syncNow().then((changed) => changed && onChange?.()), delay);
    } finally {
      running = null;
      await announce();
    }
    return changed;
  })();
  return running;
}

/** Tells the page's listeners the log changed (after an operation was appended). */
export const refreshStatus = announce;
