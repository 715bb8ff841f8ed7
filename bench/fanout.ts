/**
 * `npm run bench:fanout`: how fast one shot reaches 2,000 live scoreboards. Starts Tenring locally (fresh
 * state, demo data) and bench/baseline (a minimal Worker + Durable Object that broadcasts a same-sized
 * message), opens 2,000 spectator sockets on each, and sends one message every 100 ms for 30 s to each:
 * a shot through Tenring's shots API with a scoring token, a POST to the baseline. Each message is timed
 * from its request to its arrival at the first and at the last socket. The two take turns in rounds of
 * 10 s, so the shared machine's changing load falls on both alike. Loopback only, bounded in count and
 * time. Tenring serves a prebuilt bundle, so an edit in the checkout cannot restart it mid-run; wrangler's
 * request log and trace collector are off for both. Both are reached on the runtime's own port, past
 * wrangler dev's proxy (a local-development hop that re-sends every frame; production has none). FANOUT_VIA_PROXY=1 goes through it, FANOUT_DEFLATE=1
 * uses spectators that offer permessage-deflate as browsers do, FANOUT_SOCKETS changes the crowd,
 * FANOUT_INTERVAL_MS the pace (e.g. 1000: what one message costs when nothing queues behind it).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { executeLocalSql, sqlText } from "../scripts/load-data.ts";
import { startTenring, type Tenring } from "../scripts/local-runtime.ts";
import { randomToken, sha256 } from "../src/lib/encoding.ts";
import { Crowd, markedSeqs } from "./fanout/crowd.ts";
import { buildBundle } from "./lib/bundle.ts";
import { quietRuntime } from "./lib/quiet-runtime.ts";
import { type Baseline, fileLimits, residentMiB, rerunWithFileLimit, runtimePort, startBaseline } from "./fanout/processes.ts";
import { type Figures, percentiles, Side, whole } from "./fanout/rounds.ts";

const SOCKETS = Number(process.env.FANOUT_SOCKETS ?? 2000);
const INTERVAL_MS = Number(process.env.FANOUT_INTERVAL_MS ?? 100);
const DURATION_MS = 30_000;
const ROUNDS = 3;
const MESSAGES = ROUNDS * Math.max(1, Math.round(DURATION_MS / INTERVAL_MS / ROUNDS));
const TENRING_PORT = Number(process.env.FANOUT_PORT ?? 8793);
const BASELINE_PORT = Number(process.env.FANOUT_BASELINE_PORT ?? 8794);
/** After a round's last message, how long stragglers may take before they count as lost. */
const DRAIN_MS = 15_000;
const SLUG = "nordheide-air-open";
const DEFLATE = process.env.FANOUT_DEFLATE === "1";
const VIA_PROXY = process.env.FANOUT_VIA_PROXY === "1";
const TARGET_RATIO = 1.5;
const TARGET_P99_MS = 150;

const rerun = await rerunWithFileLimit(SOCKETS * 4 + 1024);
quietRuntime();
if (rerun !== null) process.exit(rerun);

const ms = (v: number) => `${v.toFixed(1)} ms`;
const mib = (v: number) => `${v.toFixed(1)} MiB`;

/** The runtime's own address (or wrangler's proxy with FANOUT_VIA_PROXY=1) and the runtime's pid, for its memory. */
async function endpoint(publicUrl: string, publicPort: number, probe: (url: string) => Promise<boolean>) {
  const runtime = await runtimePort(publicPort, probe);
  if (!runtime) throw new Error(`could not find the runtime's own port behind ${publicUrl}`);
  const url = VIA_PROXY ? publicUrl : `http://127.0.0.1:${runtime.port}`;
  const route = VIA_PROXY ? `through wrangler dev's proxy on ${publicPort}` : `straight to the runtime's port ${runtime.port} (wrangler dev's proxy on ${publicPort} bypassed)`;
  return { url, pid: runtime.pid, route };
}

/** VmRSS of the runtime's workerd (the child of wrangler serving the app; not wrangler's proxy). */
function memory(name: string, pid: number, when: string): void {
  const runtime = residentMiB([pid]);
  console.log(`${name}: workerd resident memory ${when}: ${mib(runtime.rss)} (pid ${pid}, peak so far ${mib(runtime.peak)})`);
}

function report(name: string, f: Figures): void {
  const first = percentiles(f.firstMs);
  const last = percentiles(f.lastMs);
  const req = percentiles(f.requestMs);
  const r = f.report;
  const compression = r.extensions.includes("permessage-deflate")
    ? `ON (negotiated "${r.extensions}")`
    : DEFLATE
      ? "off (offered, not accepted)"
      : "off (the spectators do not offer it)";
  console.log(`\n${name}: ${r.sockets} sockets opened in ${f.openSeconds.toFixed(1)} s; permessage-deflate ${compression}`);
  console.log(`  ${f.requestMs.length} requests answered in p50 ${ms(req.p50)}, p99 ${ms(req.p99)}; messages ${Math.round(f.sizes.reduce((a, b) => a + b, 0) / Math.max(1, f.sizes.length))} bytes on average`);
  const perSocket = r.frames / Math.max(1, r.sockets);
  console.log(`  each socket got its ${f.lastMs.length} messages in ${perSocket.toFixed(1)} frames on average (${(f.lastMs.length / Math.max(1, perSocket)).toFixed(2)} messages a frame)`);
  console.log(`  request → first socket: p50 ${ms(first.p50)}, p99 ${ms(first.p99)}, max ${ms(first.max)}`);
  console.log(`  request → last socket:  p50 ${ms(last.p50)}, p99 ${ms(last.p99)}, max ${ms(last.max)}`);
  console.log(
    `  every socket got all ${MESSAGES} messages once and in order: ${whole(f, MESSAGES) ? "yes" : "NO"} (${r.complete}/${r.sockets} sockets complete, ` +
      `${r.lost} lost, ${r.outOfOrder} out of order, ${r.dropped} sockets dropped, ${f.lastMs.length}/${MESSAGES} messages timed, ${f.failed} requests failed)`,
  );
  if (r.dropped > 0 || f.failed > 0) {
    console.log("  (wrangler dev restarts the runtime, closing every socket, when a source file changes: run again while nobody edits)");
  }
}

const runStarted = Date.now();
const limits = fileLimits();
console.log(
  `fan-out benchmark: ${SOCKETS} sockets each for Tenring and the baseline, one message every ${INTERVAL_MS} ms for ${DURATION_MS / 1000} s to each ` +
    `(${ROUNDS} alternating rounds of ${MESSAGES / ROUNDS}); Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; ` +
    `open files ${limits.soft}/${limits.hard}`,
);
const state = await mkdtemp(path.join(os.tmpdir(), "tenring-fanout-"));
let tenring: Tenring | null = null;
let baseline: Baseline | null = null;
let code = 1;
try {
  const persist = path.join(state, "tenring");
  const script = await buildBundle(path.join(state, "bundle"));
  // Every spectator socket comes from 127.0.0.1: lift the per-client cap (src/object/scoreboard/limits.ts).
  tenring = await startTenring({ port: TENRING_PORT, persistTo: persist, script, vars: { SCOREBOARD_SOCKETS_PER_CLIENT: "100000" } });
  const token = `trs_${randomToken(24)}`;
  const [, eventRows] = await executeLocalSql(
    `INSERT INTO api_tokens (token_hash, kind, user_id, tournament_id, name, created_at)
       SELECT ${sqlText(await sha256(token))}, 'scoring', created_by, id, 'fan-out benchmark', ${Date.now()} FROM tournaments WHERE slug = ${sqlText(SLUG)};
     SELECT e.id, e.title FROM events e JOIN tournaments t ON t.id = e.tournament_id WHERE t.slug = ${sqlText(SLUG)} ORDER BY e.position LIMIT 1;`,
    persist,
  );
  const event = eventRows?.results[0] as { id: number; title: string } | undefined;
  if (!event) throw new Error(`the demo tournament ${SLUG} has no event`);
  const resultsPath = `/api/v1/tournaments/${SLUG}/results?event=${event.id}`;
  const app = await endpoint(tenring.url, TENRING_PORT, async (url) => (await fetch(url + resultsPath, { signal: AbortSignal.timeout(3_000) })).ok);
  const standings = async () => (await (await fetch(app.url + resultsPath)).json()) as { seq: number; results: { entry: string }[] };
  const entries = (await standings()).results.map((r) => r.entry);
  if (entries.length === 0) throw new Error("the demo event has no confirmed entries to score");

  baseline = await startBaseline(BASELINE_PORT, path.join(state, "baseline"));
  const yard = await endpoint(baseline.url, BASELINE_PORT, async (url) =>
    (await (await fetch(`${url}/socket`, { signal: AbortSignal.timeout(3_000) })).text()).startsWith("POST /broadcast"),
  );
  console.log(`Tenring (fresh state, demo data; event ${event.id} "${event.title}", ${entries.length} competitors): ${app.route}`);
  console.log(`baseline (bench/baseline: each POST body sent to every socket, sized like Tenring's message of the same number): ${yard.route}`);

  const runId = randomToken(6);
  const side = new Side({
    name: "Tenring",
    crowd: new Crowd(markedSeqs('<hx-partial hx-target="#live-seq" hx-swap="outerHTML"><data id="live-seq" value="'), { deflate: DEFLATE }),
    socketUrl: `${app.url.replace("http", "ws")}/t/${SLUG}/live/${event.id}/socket`,
    send: async (i) => {
      const entryId = entries[i % entries.length]!;
      const shotNo = Math.floor(i / entries.length) + 1;
      const sentAt = performance.now();
      const res = await fetch(`${app.url}/api/v1/tournaments/${SLUG}/shots`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ ops: [{ opId: `fanout-${runId}-${i}`, entryId, shotNo, value: 90 + ((i * 7) % 20) }] }),
      });
      const body = (await res.json()) as { results?: { outcome: string }[] };
      return { key: `${entryId}:${shotNo}`, sentAt, requestMs: performance.now() - sentAt, ok: body.results?.[0]?.outcome === "applied" };
    },
    // A shot's message carries its competitor's row, whose shot count tells which shot it was.
    keyOf: (message) => `${/id="row-([A-Za-z0-9_-]+)"/.exec(message)?.[1]}:${/<td class="num shots">(\d+)<\/td>/.exec(message)?.[1]}`,
  });
  const yardSide = new Side({
    name: "baseline",
    crowd: new Crowd((frame) => {
      const m = /^(\d+)\|/.exec(frame.toString("latin1", 0, 24));
      return m ? [{ seq: Number(m[1]), start: 0 }] : [];
    }, { deflate: DEFLATE }),
    socketUrl: `${yard.url.replace("http", "ws")}/socket`,
    send: async (i) => {
      const sentAt = performance.now();
      // The object numbers the messages in the order it handles them (as Tenring does) and says which.
      const res = await fetch(`${yard.url}/broadcast`, { method: "POST", body: "x".repeat(side.sizeOf(i) ?? 1900) });
      const { seq } = (await res.json()) as { seq: number };
      return { key: String(seq), sentAt, requestMs: performance.now() - sentAt, ok: res.ok };
    },
    keyOf: (message) => /^(\d+)\|/.exec(message)?.[1] ?? "",
  });

  await side.open(SOCKETS);
  await yardSide.open(SOCKETS);
  side.startAt((await standings()).seq);
  yardSide.startAt(0);
  memory("Tenring", app.pid, "with the sockets open, before the first shot");
  memory("baseline", yard.pid, "with the sockets open");
  const perRound = MESSAGES / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    await side.round(round * perRound, perRound, INTERVAL_MS, DRAIN_MS);
    await yardSide.round(round * perRound, perRound, INTERVAL_MS, DRAIN_MS);
  }
  const t = side.figures();
  const b = yardSide.figures();
  report("Tenring", t);
  memory("Tenring", app.pid, "after the run");
  report("baseline", b);
  memory("baseline", yard.pid, "after the run");
  await side.close();
  await yardSide.close();

  const tl = percentiles(t.lastMs);
  const bl = percentiles(b.lastMs);
  const tf = percentiles(t.firstMs);
  const bf = percentiles(b.firstMs);
  const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}×`;
  console.log(
    `\nTenring / baseline: first socket p50 ${ratio(tf.p50, bf.p50)}, p99 ${ratio(tf.p99, bf.p99)}; last socket p50 ${ratio(tl.p50, bl.p50)}, p99 ${ratio(tl.p99, bl.p99)}`,
  );
  const targets = [
    { what: `last-socket p99 ≤ ${TARGET_RATIO} × baseline p99 (${ms(tl.p99)} vs ${ms(TARGET_RATIO * bl.p99)})`, ok: tl.p99 <= TARGET_RATIO * bl.p99 },
    { what: `last-socket p99 ≤ ${TARGET_P99_MS} ms (${ms(tl.p99)})`, ok: tl.p99 <= TARGET_P99_MS },
    { what: "no message lost or out of order at any socket, every shot applied", ok: whole(t, MESSAGES) },
  ];
  for (const target of targets) console.log(`target ${target.ok ? "met   " : "MISSED"}: ${target.what}`);
  code = targets.every((x) => x.ok) ? 0 : 2;
  console.log(`fan-out benchmark finished in ${((Date.now() - runStarted) / 1000).toFixed(0)} s: ${code === 0 ? "all targets met" : "targets missed"}`);
} catch (error) {
  console.error(`fan-out benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await baseline?.stop();
  await tenring?.stop();
  await rm(state, { recursive: true, force: true });
}
process.exit(code);
