/**
 * `npm run bench:rush`: the registration rush against a local Tenring (wrangler dev, workerd) over loopback.
 * A fresh state folder and a free port; a tournament with 500 places over 10 relays plus an event entered
 * as "any relay"; 2,000 competitors with API tokens; 10,000 attempts at concurrency 200. Prints throughput
 * and latency beside a trivial endpoint measured in the same run, waits for the outbox, checks D1, and
 * exits non-zero if any invariant is broken. Speed is reported, never enforced: the ratio to the trivial
 * endpoint is what compares across runs on a shared, noisy machine.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { executeLocalSql, newRunId, seedLoad, sqlText } from "../scripts/load-data.ts";
import { applyMigrations, ROOT, startTenring, stripAnsi, type Tenring } from "../scripts/local-runtime.ts";
import { buildBundle } from "./lib/bundle.ts";
import { checkRush, type D1Entry, type D1Relay } from "./lib/checks.ts";
import { combined, figures, freePort, pool, timedFetch, type Timed } from "./lib/load.ts";
import { rushPlan } from "./lib/plan.ts";
import { waitForOutbox } from "./lib/outbox.ts";
import { quietRuntime } from "./lib/quiet-runtime.ts";
import { printReport } from "./lib/report.ts";
import { capacityOf, rushTournament, tournamentStatements } from "./lib/tournament.ts";

const COMPETITORS = 2_000;
const ATTEMPTS = 10_000;
const CONCURRENCY = 200;
const BASELINE_ROUND = 5_000;
/** The whole run is bounded: a hung server must not hang the benchmark. */
const RUN_LIMIT_MS = 15 * 60_000;
const SERVER_LOG = path.join(ROOT, "bench", "results", "rush-server.log");

interface ApiTournament {
  events: { id: number; title: string; relays: { id: number; capacity: number }[] }[];
}

async function configure(url: string, slug: string): Promise<ApiTournament> {
  // The API repairs an object behind D1 on the way: this GET hands the new tournament's object its configuration.
  const res = await fetch(`${url}/api/v1/tournaments/${slug}`);
  if (!res.ok) throw new Error(`GET /api/v1/tournaments/${slug} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ApiTournament;
}

quietRuntime();

const limit = setTimeout(() => {
  console.error(`bench:rush: gave up after ${RUN_LIMIT_MS / 60_000} min`);
  process.exit(3);
}, RUN_LIMIT_MS);
limit.unref();

const runId = newRunId();
const state = await mkdtemp(path.join(tmpdir(), "tenring-rush-"));
let tenring: Tenring | null = null;
let exitCode = 1;
try {
  const started = performance.now();
  const t = rushTournament(runId);
  await applyMigrations(state);
  const seeded = await seedLoad({ tournament: t.slug, competitors: COMPETITORS, persistTo: state, before: await tournamentStatements(t) });
  const seedSeconds = (performance.now() - started) / 1000;
  const script = await buildBundle(path.join(state, "bundle"));
  const port = await freePort();
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  tenring = await startTenring({ port, persistTo: state, seed: false, script, onOutput: (chunk) => log.write(stripAnsi(chunk)) });
  const { url } = tenring;
  const live = await configure(url, t.slug);
  const [rush, anyEvent] = live.events;
  if (!rush || !anyEvent) throw new Error("the benchmark tournament lost an event on the way");
  const attempts = rushPlan(COMPETITORS, { id: rush.id, relays: rush.relays.map((r) => r.id) }, { id: anyEvent.id, relays: anyEvent.relays.map((r) => r.id) }, runId);
  if (attempts.length !== ATTEMPTS) throw new Error(`the plan has ${attempts.length} attempts, not ${ATTEMPTS}`);

  const trivial = () => timedFetch(`${url}/healthz`, {});
  await pool(Array.from({ length: 400 }), CONCURRENCY, trivial);
  const before = await pool(Array.from({ length: BASELINE_ROUND }), CONCURRENCY, trivial);
  const tokens = seeded.competitors.map((c) => c.token);
  const registration = await pool(attempts, CONCURRENCY, (a): Promise<Timed> =>
    timedFetch(`${url}/api/v1/tournaments/${t.slug}/entries`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokens[a.competitor]}`, "Content-Type": "application/json", "Idempotency-Key": a.key },
      body: JSON.stringify({ event: a.event, relay: a.relay }),
    }),
  );
  const after = await pool(Array.from({ length: BASELINE_ROUND }), CONCURRENCY, trivial);
  const outboxMs = await waitForOutbox(url, t.slug, t.organiserToken);
  await tenring.stop();
  tenring = null;

  const [entryRows, relayRows] = await executeLocalSql(
    [
      `SELECT e.id, e.event_id, e.relay_id, e.user_id, e.status, e.seq, e.waitlist_position FROM entries e JOIN tournaments t ON t.id = e.tournament_id WHERE t.slug = ${sqlText(t.slug)};`,
      `SELECT r.id, r.event_id, r.firing_points, r.reserved FROM relays r JOIN tournaments t ON t.id = r.tournament_id WHERE t.slug = ${sqlText(t.slug)};`,
    ].join("\n"),
    state,
  );
  const entries = (entryRows?.results ?? []) as unknown as D1Entry[];
  const relays = (relayRows?.results ?? []) as unknown as D1Relay[];
  const checks = checkRush(attempts, registration.results, seeded.competitors.map((c) => c.userId), entries, relays);

  printReport({
    cpus: availableParallelism(),
    slug: t.slug,
    places: capacityOf(t),
    relays: relays.length,
    competitors: COMPETITORS,
    concurrency: CONCURRENCY,
    seedSeconds,
    registration: figures(registration.results, registration.wallMs),
    trivial: combined(before, after),
    attempts,
    answers: registration.results,
    outboxSeconds: outboxMs / 1000,
    d1Entries: entries.length,
    checks,
  });
  exitCode = checks.every((c) => c.ok) ? 0 : 1;
} catch (error) {
  console.error(`bench:rush failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nServer log: ${SERVER_LOG}`);
} finally {
  await tenring?.stop();
  await rm(state, { recursive: true, force: true });
}
process.exit(exitCode);
