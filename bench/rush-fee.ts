/**
 * `npm run bench:rush-fee`: the registration rush of bench:rush on a tournament with an entry fee (places are
 * held for a minute), then a webhook storm from the fake Stripe: half of the holds start a Checkout Session
 * through the API and pay (one in five with a delayed method that settles after the hold lapsed), and every
 * event reaches /webhooks/stripe twice, shuffled; refunds and expiries the object makes follow the same way.
 * Prints the figures, checks the payment invariants and D1 against the tournament object, and exits non-zero
 * if any is broken. Loopback only, bounded.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { executeLocalSql, newRunId, seedLoad, sqlText } from "../scripts/load-data.ts";
import { applyMigrations, ROOT, startTenring, stripAnsi, type Tenring } from "../scripts/local-runtime.ts";
import { buildBundle } from "./lib/bundle.ts";
import { feeChecks, type Snapshot } from "./lib/fee-checks.ts";
import { combined, figures, freePort, pool, seededRandom, shuffle, timedFetch } from "./lib/load.ts";
import { rushPlan } from "./lib/plan.ts";
import { quietRuntime } from "./lib/quiet-runtime.ts";
import { type FakeSession, fakeGet, fakePost, Storm } from "./lib/storm.ts";
import type { FeedEntry } from "./lib/fee-checks.ts";
import { capacityOf, rushTournament, tournamentStatements } from "./lib/tournament.ts";

const COMPETITORS = 2_000;
const CONCURRENCY = 200;
const STORM_CONCURRENCY = 50;
const FEE_CENTS = 2500;
/** Long enough for the rush and the checkouts on a loaded 2-core machine; every hold still ends within the run. */
const HOLD_MS = 120_000;
const RUN_LIMIT_MS = 15 * 60_000;
const SERVER_LOG = path.join(ROOT, "bench", "results", "rush-fee-server.log");
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

quietRuntime();
setTimeout(() => {
  console.error(`bench:rush-fee: gave up after ${RUN_LIMIT_MS / 60_000} min`);
  process.exit(3);
}, RUN_LIMIT_MS).unref();

const runId = newRunId();
const state = await mkdtemp(path.join(tmpdir(), "tenring-rush-fee-"));
const random = seededRandom(2026);
let tenring: Tenring | null = null;
let exitCode = 1;
try {
  const t = rushTournament(runId);
  const organiser = `(SELECT id FROM users WHERE email = ${sqlText(t.organiserEmail)})`;
  const tournamentId = `(SELECT id FROM tournaments WHERE slug = ${sqlText(t.slug)})`;
  const now = Date.now();
  const payments = [
    `INSERT INTO stripe_accounts (user_id, account_id, charges_enabled, details_submitted, updated_at) VALUES (${organiser}, 'acct_bench_${runId}', 1, 1, ${now});`,
    `INSERT INTO tournament_payment_settings (tournament_id, hold_minutes, refund_full_until, refund_share_percent, updated_at) VALUES (${tournamentId}, ${HOLD_MS / 60_000}, NULL, 100, ${now});`,
  ];
  await applyMigrations(state);
  const seeded = await seedLoad({ tournament: t.slug, competitors: COMPETITORS, persistTo: state, before: [...(await tournamentStatements(t, now, FEE_CENTS)), ...payments] });
  const script = await buildBundle(path.join(state, "bundle"));
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  tenring = await startTenring({ port: await freePort(), persistTo: state, seed: false, script, stripeWebhooks: false, onOutput: (chunk) => log.write(stripAnsi(chunk)) });
  const { url } = tenring;
  const stripeBase = tenring.stripeBase!;
  const live = (await (await fetch(`${url}/api/v1/tournaments/${t.slug}`)).json()) as { events: { id: number; relays: { id: number }[] }[] };
  const [rush, anyEvent] = live.events;
  if (!rush || !anyEvent) throw new Error("the benchmark tournament lost an event on the way");
  const attempts = rushPlan(COMPETITORS, { id: rush.id, relays: rush.relays.map((r) => r.id) }, { id: anyEvent.id, relays: anyEvent.relays.map((r) => r.id) }, runId);
  const tokens = seeded.competitors.map((c) => c.token);

  // The baseline: a trivial endpoint in the same run, before the rush and after the storm.
  const trivial = () => timedFetch(`${url}/healthz`, {});
  await pool(Array.from({ length: 400 }), CONCURRENCY, trivial);
  const baselineBefore = await pool(Array.from({ length: 2_000 }), CONCURRENCY, trivial);

  // 1. The rush: every placed entry is held.
  const rushStarted = Date.now();
  const registration = await pool(attempts, CONCURRENCY, (a) =>
    timedFetch(`${url}/api/v1/tournaments/${t.slug}/entries`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokens[a.competitor]}`, "Content-Type": "application/json", "Idempotency-Key": a.key },
      body: JSON.stringify({ event: a.event, relay: a.relay }),
    }),
  );
  const rushEnded = Date.now();
  // The object's entries (its change feed, as organisers' tools read it), with their holds and versions.
  const feed = async (): Promise<FeedEntry[]> => {
    const rows = new Map<string, FeedEntry>();
    for (let since = "", more = true; more; ) {
      const seenAt = Date.now();
      const res = await fetch(`${url}/api/v1/tournaments/${t.slug}/entries?limit=1000${since ? `&updatedAfter=${encodeURIComponent(since)}` : ""}`, { headers: { Authorization: `Bearer ${t.organiserToken}` } });
      const page = (await res.json()) as { entries: (Omit<FeedEntry, "updatedAt" | "holdUntil"> & { updatedAt: string; holdUntil?: string; competitor: { id: number } })[]; more: boolean; updatedThrough: string };
      for (const e of page.entries) rows.set(e.id, { id: e.id, status: e.status, userId: e.competitor.id, updatedAt: Date.parse(e.updatedAt), holdUntil: e.holdUntil ? Date.parse(e.holdUntil) : null, seenAt });
      more = page.more && page.entries.length > 0;
      since = page.updatedThrough;
    }
    return [...rows.values()];
  };
  const tokenOf = new Map(seeded.competitors.map((c) => [c.userId, c.token]));
  // Holds that lapsed during a slow rush were promoted already; the storm pays for half of those held now.
  const heldNow = (await feed()).filter((e) => e.status === "held" && e.holdUntil !== null && e.holdUntil > Date.now() + 15_000);
  const held = new Map(heldNow.map((e) => [e.id, e.userId]));
  const lastHoldEnds = Math.max(...heldNow.map((e) => e.holdUntil!));

  // 2. Half of the holds open a Checkout Session through the API and pay on the fake; one in five pays with a delayed method.
  const paying = shuffle([...held.keys()], random).slice(0, Math.floor(held.size / 2));
  const checkout = await pool(paying, STORM_CONCURRENCY, (entryId) =>
    timedFetch(`${url}/api/v1/entries/${encodeURIComponent(entryId)}/checkout`, { method: "POST", headers: { Authorization: `Bearer ${tokenOf.get(held.get(entryId)!)}` } }),
  );
  const sessionIds = checkout.results.flatMap((r) => (r.status === 201 ? [String((JSON.parse(r.body) as { checkoutUrl: string }).checkoutUrl).split("/").pop()!] : []));
  const delayed = new Set(sessionIds.filter((_, i) => i % 5 === 4));
  await pool(sessionIds, STORM_CONCURRENCY, (id) => fakePost(stripeBase, `/__fake/pay/${id}${delayed.has(id) ? "?delayed=1" : ""}`));

  // 3. The storm before the holds lapse: every event twice, shuffled.
  const storm = new Storm(url, stripeBase, random);
  const beforeLapse = await storm.deliverNew(STORM_CONCURRENCY);
  // 4. The holds lapse (the alarm expires open sessions first); the delayed payments succeed afterwards.
  await wait(Math.max(0, lastHoldEnds + 3_000 - Date.now()));
  for (const id of delayed) await fakePost(stripeBase, `/__fake/settle/${id}?ok=1`);
  // 5. Late events (async successes, expiries, refunds) follow until nothing new comes for a few rounds.
  let quiet = 0;
  let afterLapse = 0;
  for (let round = 0; round < 20 && quiet < 3; round++) {
    const fresh = await storm.deliverNew(STORM_CONCURRENCY);
    afterLapse += fresh;
    quiet = fresh === 0 ? quiet + 1 : 0;
    await wait(1_000);
  }
  // 6. A replay of 200 delivered events changes nothing.
  await wait(2_000);
  const objectBefore = await feed();
  const replayed = shuffle(
    (await fakeGet<{ id: string; type: string; payload: string; signature: string }[]>(stripeBase, "/__fake/events")).filter((e) => storm.delivered.has(e.id)),
    random,
  ).slice(0, 200);
  const replayAnswers = await storm.send(replayed, STORM_CONCURRENCY);
  await wait(2_000);
  const objectAfter = await feed();
  const baselineAfter = await pool(Array.from({ length: 2_000 }), CONCURRENCY, trivial);
  const feedAt = Date.now();
  const fakeSessions = await fakeGet<FakeSession[]>(stripeBase, "/__fake/sessions");
  await tenring.stop();
  tenring = null;

  const [entryRows, relayRows, paymentRows, eventRows] = await executeLocalSql(
    [
      `SELECT e.id, e.relay_id, e.status, e.updated_at FROM entries e WHERE e.tournament_id = ${tournamentId};`,
      `SELECT r.id, r.firing_points, r.reserved FROM relays r WHERE r.tournament_id = ${tournamentId};`,
      `SELECT id, entry_id, status, outcome, amount_cents, refunded_cents, refund_due_cents FROM checkout_payments WHERE tournament_id = ${tournamentId};`,
      `SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids, COALESCE(SUM(handled_at IS NOT NULL), 0) AS handled FROM stripe_events;`,
    ].join("\n"),
    state,
  );
  const snapshot: Snapshot = {
    entries: (entryRows?.results ?? []) as unknown as Snapshot["entries"],
    relays: (relayRows?.results ?? []) as unknown as Snapshot["relays"],
    payments: (paymentRows?.results ?? []) as unknown as Snapshot["payments"],
    object: objectAfter,
    objectBeforeReplay: objectBefore,
    fakeSessions,
    originalHolds: [...held.keys()],
    paying,
    feedAt,
    delivered: storm.delivered.size,
    eventRows: ((eventRows?.results ?? [])[0] ?? { n: 0, ids: 0, handled: 0 }) as Snapshot["eventRows"],
    deliveries: storm.deliveries,
    replayAnswers,
  };
  const checks = feeChecks(snapshot);
  const storms = figures(storm.deliveries, storm.wallMs);
  const reg = figures(registration.results, registration.wallMs);
  const co = figures(checkout.results, checkout.wallMs);
  const row = (name: string, f: ReturnType<typeof figures>) =>
    `${name.padEnd(28)} ${String(f.count).padStart(6)} ${f.perSecond.toFixed(0).padStart(7)}/s  p50 ${f.p50.toFixed(1).padStart(7)} ms  p95 ${f.p95.toFixed(1).padStart(7)} ms  p99 ${f.p99.toFixed(1).padStart(7)} ms  max ${f.max.toFixed(0).padStart(6)} ms`;
  console.log(`bench:rush-fee on ${availableParallelism()} CPUs, tournament ${t.slug}: ${capacityOf(t)} places, fee ${(FEE_CENTS / 100).toFixed(2)} EUR, holds of ${HOLD_MS / 1000} s`);
  const base = combined(baselineBefore, baselineAfter);
  console.log(row("GET /healthz (baseline)", base));
  console.log(row("registration attempts", reg));
  console.log(row("Checkout Sessions (API)", co));
  console.log(row("webhook deliveries", storms));
  console.log(`p50 against the baseline: registration ×${(reg.p50 / base.p50).toFixed(1)}, checkout ×${(co.p50 / base.p50).toFixed(1)}, webhook ×${(storms.p50 / base.p50).toFixed(1)}`);
  console.log(`rush: ${((rushEnded - rushStarted) / 1000).toFixed(0)} s; held at the storm: ${held.size}; paying: ${sessionIds.length} sessions (${delayed.size} delayed, settled after the hold lapsed); last of those holds ended ${((lastHoldEnds - rushStarted) / 1000).toFixed(0)} s after the rush began`);
  console.log(`events: ${storm.delivered.size} distinct (${beforeLapse} before the lapse, ${afterLapse} after), ${storm.deliveries.length} deliveries incl. duplicates and ${replayAnswers.length} replays`);
  console.log("webhook answers:");
  for (const [word, n] of Object.entries(storm.outcomes()).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${word}`);
  const kept = snapshot.payments.filter((p) => p.outcome === "kept").length;
  const returned = snapshot.payments.filter((p) => p.outcome === "returned");
  console.log(`payments in D1: ${snapshot.payments.length} sessions, ${kept} kept (confirmed), ${returned.length} refunded in full (${returned.reduce((s, p) => s + p.refunded_cents, 0) / 100} EUR)`);
  console.log("checks:");
  for (const c of checks) console.log(`  ${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`);
  exitCode = checks.every((c) => c.ok) ? 0 : 1;
} catch (error) {
  console.error(`bench:rush-fee failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nServer log: ${SERVER_LOG}`);
} finally {
  await tenring?.stop();
  await rm(state, { recursive: true, force: true });
}
process.exit(exitCode);
