/**
 * `npm run bench:sync`: offline scoring devices reconnecting at once, against a local Tenring (wrangler dev,
 * workerd) over loopback. 10 devices each hold 1,000 queued shot operations (5% replays, 2% values that
 * conflict with another device's) and send them as the scoring app does (browser/offline/sync.ts: batches of
 * up to 500, in device order, with the device's report). Beside it, in the same run, one device sends the same
 * number of operations (same mix) to another event. Prints drain time, operations/s and latency per batch,
 * then checks that the server's state is exactly what the operation set implies; exits non-zero if not.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { executeLocalSql, newRunId, seedLoad, sqlText } from "../scripts/load-data.ts";
import { applyMigrations, ROOT, startTenring, stripAnsi, type Tenring } from "../scripts/local-runtime.ts";
import { randomToken, sha256 } from "../src/lib/encoding.ts";
import { buildBundle } from "./lib/bundle.ts";
import { figures, type Figures, freePort, pool, timedFetch, type Timed } from "./lib/load.ts";
import { waitForOutbox } from "./lib/outbox.ts";
import { quietRuntime } from "./lib/quiet-runtime.ts";
import { checkSync, type Device, type ServerCard, type ServerConflict, syncPlan } from "./lib/sync-plan.ts";
import { type RushTournament, tournamentStatements } from "./lib/tournament.ts";

const DEVICES = 10;
const OPS_PER_DEVICE = 1_000;
const REPLAYS = 0.05;
const CONFLICTS = 0.02;
const BATCH = 500;
const PER_EVENT = 160;
const RELAYS = 10;
const RUN_LIMIT_MS = 15 * 60_000;
const SERVER_LOG = path.join(ROOT, "bench", "results", "sync-server.log");

quietRuntime();
const limit = setTimeout(() => {
  console.error(`bench:sync: gave up after ${RUN_LIMIT_MS / 60_000} min`);
  process.exit(3);
}, RUN_LIMIT_MS);
limit.unref();

function syncTournament(runId: string): RushTournament {
  const relays = Array.from({ length: RELAYS }, (_, i) => ({ name: `Relay ${i + 1}`, firingPoints: PER_EVENT / RELAYS }));
  return {
    slug: `sync-${runId}`,
    organiserEmail: `sync-organiser-${runId}@load.tenring.test`,
    organiserToken: `trp_${randomToken(24)}`,
    events: [
      { position: 1, title: "Devices", discipline: "air-rifle-10m", relays },
      { position: 2, title: "One device", discipline: "air-rifle-10m", relays },
    ],
  };
}

interface Sent {
  batches: Timed[];
  outcomes: Map<string, string[]>;
}

/** One device draining its queue as the app does: one batch after the other, each with its report. */
async function drain(url: string, slug: string, token: string, device: Device, sent: Sent): Promise<void> {
  for (let i = 0; i < device.queue.length; i += BATCH) {
    const ops = device.queue.slice(i, i + BATCH);
    const report = { deviceId: device.deviceId, label: "bench:sync", pending: device.queue.length - i, conflicts: 0 };
    const res = await timedFetch(`${url}/api/v1/tournaments/${slug}/shots`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ ops: ops.map(({ opId, entryId, shotNo, value, deviceId, deviceSeq, enteredAt }) => ({ opId, entryId, shotNo, value, deviceId, deviceSeq, enteredAt })), device: report }),
    });
    sent.batches.push(res);
    if (res.status !== 200) throw new Error(`a batch of ${device.deviceId} answered ${res.status}: ${res.body.slice(0, 300)}`);
    const { results } = JSON.parse(res.body) as { results: { opId: string; outcome: string }[] };
    ops.forEach((op, k) => sent.outcomes.set(op.opId, [...(sent.outcomes.get(op.opId) ?? []), results[k]?.opId === op.opId ? results[k]!.outcome : "missing"]));
  }
}

async function run(devices: Device[], url: string, slug: string, token: string) {
  const sent: Sent = { batches: [], outcomes: new Map() };
  const started = performance.now();
  await Promise.all(devices.map((d) => drain(url, slug, token, d, sent)));
  const wallMs = performance.now() - started;
  return { sent, wallMs, ops: devices.reduce((n, d) => n + d.queue.length, 0), batch: figures(sent.batches, wallMs) };
}

async function serverState(url: string, slug: string, token: string, relayIds: number[]) {
  const cards: ServerCard[] = [];
  const conflicts = new Map<string, ServerConflict>();
  for (const id of relayIds) {
    const res = await fetch(`${url}/api/v1/tournaments/${slug}/relays/${id}/cards`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`relay ${id} cards answered ${res.status}`);
    const body = (await res.json()) as { entries: ServerCard[]; conflicts: ServerConflict[] };
    cards.push(...body.entries);
    for (const c of body.conflicts) conflicts.set(c.opId, c);
  }
  return { cards, conflicts: [...conflicts.values()] };
}

const line = (name: string, r: { wallMs: number; ops: number; batch: Figures }) =>
  `${name.padEnd(34)} ${String(r.ops).padStart(6)} ops ${String(r.batch.count).padStart(3)} batches   drain ${(r.wallMs / 1000).toFixed(2).padStart(6)} s   ${(r.ops / (r.wallMs / 1000)).toFixed(0).padStart(6)} ops/s   batch p50 ${r.batch.p50.toFixed(0).padStart(5)} ms  p99 ${r.batch.p99.toFixed(0).padStart(5)} ms  max ${r.batch.max.toFixed(0).padStart(5)} ms`;

const runId = newRunId();
const state = await mkdtemp(path.join(tmpdir(), "tenring-sync-"));
let tenring: Tenring | null = null;
let exitCode = 1;
try {
  const t = syncTournament(runId);
  const scoringToken = `trs_${randomToken(24)}`;
  const tokenRow = `INSERT INTO api_tokens (token_hash, kind, user_id, tournament_id, name, created_at) VALUES (${sqlText(await sha256(scoringToken))}, 'scoring',
    (SELECT id FROM users WHERE email = ${sqlText(t.organiserEmail)}), (SELECT id FROM tournaments WHERE slug = ${sqlText(t.slug)}), 'bench tablets', ${Date.now()});`;
  await applyMigrations(state);
  const seeded = await seedLoad({ tournament: t.slug, competitors: PER_EVENT * 2, persistTo: state, before: [...(await tournamentStatements(t)), tokenRow] });
  const script = await buildBundle(path.join(state, "bundle"));
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  tenring = await startTenring({ port: await freePort(), persistTo: state, seed: false, script, onOutput: (chunk) => log.write(stripAnsi(chunk)) });
  const { url } = tenring;
  const live = (await (await fetch(`${url}/api/v1/tournaments/${t.slug}`)).json()) as { events: { id: number; relays: { id: number }[] }[] };
  const [devicesEvent, oneEvent] = live.events;
  if (!devicesEvent || !oneEvent) throw new Error("the benchmark tournament lost an event");

  // 160 confirmed competitors per event, 16 per relay (free entries confirm at once).
  const registrations = seeded.competitors.map((c, i) => {
    const event = i < PER_EVENT ? devicesEvent : oneEvent;
    return { token: c.token, event: event.id, relay: event.relays[Math.floor((i % PER_EVENT) / (PER_EVENT / RELAYS))]!.id };
  });
  const entered = await pool(registrations, 20, (r) =>
    timedFetch(`${url}/api/v1/tournaments/${t.slug}/entries`, {
      method: "POST",
      headers: { Authorization: `Bearer ${r.token}`, "Content-Type": "application/json", "Idempotency-Key": `sync-${runId}-${r.token.slice(-8)}` },
      body: JSON.stringify({ event: r.event, relay: r.relay }),
    }),
  );
  const ids = entered.results.map((r) => (r.status === 201 ? String((JSON.parse(r.body) as { id: string }).id) : ""));
  if (ids.some((id) => id === "")) throw new Error(`registration failed: ${entered.results.find((r) => r.status !== 201)?.body.slice(0, 300)}`);
  await waitForOutbox(url, t.slug, t.organiserToken);

  const many = syncPlan(`${runId}-many`, ids.slice(0, PER_EVENT), DEVICES, OPS_PER_DEVICE, REPLAYS, CONFLICTS);
  const one = syncPlan(`${runId}-one`, ids.slice(PER_EVENT), 1, DEVICES * OPS_PER_DEVICE, REPLAYS, CONFLICTS);
  // Warm the object and the isolate, outside the figures.
  await fetch(`${url}/api/v1/tournaments/${t.slug}/relays/${devicesEvent.relays[0]!.id}/cards`, { headers: { Authorization: `Bearer ${scoringToken}` } });

  const together = await run(many, url, t.slug, scoringToken);
  const alone = await run(one, url, t.slug, scoringToken);

  const checks = [
    ...checkSync(many, together.sent.outcomes, await serverState(url, t.slug, scoringToken, devicesEvent.relays.map((r) => r.id))).map((c) => ({ ...c, name: `${DEVICES} devices: ${c.name}` })),
    ...checkSync(one, alone.sent.outcomes, await serverState(url, t.slug, scoringToken, oneEvent.relays.map((r) => r.id))).map((c) => ({ ...c, name: `1 device: ${c.name}` })),
  ];
  const [reported] = await executeLocalSql(`SELECT count(*) AS n, sum(ops_sent) AS sent FROM scoring_devices sd JOIN tournaments t ON t.id = sd.tournament_id WHERE t.slug = ${sqlText(t.slug)};`, state);
  const row = reported?.results[0] as { n: number; sent: number } | undefined;
  checks.push({ name: "every device's reports recorded (devices page)", ok: row?.n === DEVICES + 1 && row.sent === together.ops + alone.ops, detail: `${row?.n} devices, ${row?.sent} ops reported` });

  console.log(`\nbench:sync on ${availableParallelism()} CPUs, tournament ${t.slug}: ${DEVICES} devices × ${OPS_PER_DEVICE} queued ops (${REPLAYS * 100}% replays, ${CONFLICTS * 100}% conflicting), batches of ≤ ${BATCH}`);
  console.log(line(`${DEVICES} devices reconnecting at once`, together));
  console.log(line("1 device, same number of ops", alone));
  console.log(`ratio: ${DEVICES} devices drain in ${(together.wallMs / alone.wallMs).toFixed(2)}× the time of one device with the same operations`);
  for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name} (${c.detail})`);
  exitCode = checks.every((c) => c.ok) ? 0 : 1;
} catch (error) {
  console.error(`bench:sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nServer log: ${SERVER_LOG}`);
} finally {
  await tenring?.stop();
  await rm(state, { recursive: true, force: true });
}
process.exit(exitCode);
