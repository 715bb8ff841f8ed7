/**
 * `npm run bench:pages`: the pages visitors open most, each beside `GET /healthz` in the same run. A fresh
 * local Tenring (wrangler dev serving a prebuilt bundle, its request log and tracing off) on 127.0.0.1 with the
 * demo data; the cached home page, tournament page, scoreboard and results page, and the organiser's uncached
 * dashboard (signed in), in alternating rounds with the trivial route, so each ratio compares two
 * measurements taken seconds apart on the same noisy machine. Prints req/s, p50/p99, the D1 queries per
 * request read from `Server-Timing`, the share of cache hits, the server's CPU time per request beside the
 * trivial route's (steadier than rates on a loaded machine), and the ratio to the trivial route. Bounded
 * by count and time; speed is reported, not enforced (exit 1 only when a page answers other than 200).
 * `BENCH_DIRECT=1` sends the requests straight to the workerd process that runs the Worker, past wrangler dev's
 * proxy, which parses every HTML response (and only HTML: /healthz is text/plain) for its live-reload script.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { ROOT, startTenring, stripAnsi, type Tenring } from "../scripts/local-runtime.ts";
import { d1QueriesOf } from "../src/lib/request-timing.ts";
import { DEMO_PASSWORD, ORGANISER } from "../src/seed/plan.ts";
import { buildBundle } from "./lib/bundle.ts";
import { groupCpuMs } from "./lib/cpu.ts";
import { workerAddress } from "./lib/direct.ts";
import { figures, freePort, pool, type Figures } from "./lib/load.ts";
import { quietRuntime } from "./lib/quiet-runtime.ts";

const CONCURRENCY = 50;
// Many short rounds rather than two long ones: the machine's other load then falls on both sides alike.
const PER_ROUND = 200;
const ROUNDS = 10;
const RUN_LIMIT_MS = 10 * 60_000;
const TARGET_RATIO = 0.9;
const SERVER_LOG = path.join(ROOT, "bench", "results", "pages-server.log");

interface Sample {
  status: number;
  ms: number;
  body: string;
  queries: number | null;
  hit: boolean;
}

async function timed(url: string, cookie?: string): Promise<Sample> {
  const started = performance.now();
  try {
    const res = await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, signal: AbortSignal.timeout(30_000), redirect: "manual" });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started, body: "", queries: d1QueriesOf(res.headers.get("Server-Timing")), hit: res.headers.get("X-Tenring-Cache") === "HIT" };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, body: String(error), queries: null, hit: false };
  }
}

/** Signs the demo organiser in as a browser does (the sign-in form with its token) and returns the session cookie. */
async function organiserCookie(url: string): Promise<string> {
  const form = await fetch(`${url}/account/sign-in`);
  const html = await form.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const formCookie = form.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (!csrf) throw new Error("the sign-in page has no form token");
  const res = await fetch(`${url}/account/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url, Cookie: formCookie },
    body: new URLSearchParams({ _csrf: csrf, email: ORGANISER.email, password: DEMO_PASSWORD }).toString(),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("__Host-tenring_session="));
  if (!session) throw new Error(`signing in answered ${res.status} without a session`);
  return session.split(";")[0]!;
}

interface Page {
  name: string;
  path: string;
  cookie?: string;
}

interface Row {
  page: Page;
  figures: Figures;
  trivial: Figures;
  /** The server's CPU time per request (wrangler dev's processes), for the page and for /healthz. */
  cpuMs: number;
  trivialCpuMs: number;
  queries: number;
  hits: number;
  failures: number;
  statuses: string[];
}

function summary(page: Page, samples: Sample[], wallMs: number, trivial: Sample[], trivialMs: number, cpu: { page: number; trivial: number }): Row {
  const answered = samples.filter((s) => s.queries !== null);
  return {
    page,
    cpuMs: cpu.page / samples.length,
    trivialCpuMs: cpu.trivial / trivial.length,
    figures: figures(samples, wallMs),
    trivial: figures(trivial, trivialMs),
    queries: answered.reduce((n, s) => n + (s.queries ?? 0), 0) / Math.max(1, answered.length),
    hits: samples.filter((s) => s.hit).length / samples.length,
    failures: samples.filter((s) => s.status !== 200).length,
    statuses: [...Map.groupBy(samples.filter((s) => s.status !== 200), (s) => `${s.status}${s.status === 0 ? ` (${s.body.slice(0, 60)})` : ""}`)].map(([k, v]) => `${k} ×${v.length}`),
  };
}

function print(rows: Row[], started: number, direct: boolean): void {
  const cells = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(34) : x.padStart(9))).join(" ");
  const lines = [
    "",
    `Tenring bench:pages  (Node ${process.versions.node}, ${availableParallelism()} CPUs; wrangler dev on 127.0.0.1, prebuilt bundle, request log and tracing off${direct ? "; BENCH_DIRECT: to workerd, past wrangler's proxy" : ""})`,
    `${ROUNDS} alternating rounds of ${PER_ROUND} requests per page and for GET /healthz, concurrency ${CONCURRENCY}; demo data`,
    "",
    cells(["", "req/s", "p50 ms", "p99 ms", "D1/req", "hits", "cpu ms", "/healthz", "cpu ms", "ratio"]),
  ];
  for (const r of rows) {
    const ratio = r.figures.perSecond / r.trivial.perSecond;
    lines.push(
      cells([
        `${r.page.name} ${r.page.path}`.slice(0, 34),
        r.figures.perSecond.toFixed(0),
        r.figures.p50.toFixed(1),
        r.figures.p99.toFixed(1),
        r.queries.toFixed(2),
        `${(r.hits * 100).toFixed(0)}%`,
        r.cpuMs.toFixed(2),
        r.trivial.perSecond.toFixed(0),
        r.trivialCpuMs.toFixed(2),
        `${ratio.toFixed(2)}${r.page.cookie || ratio >= TARGET_RATIO ? "" : " <"}`,
      ]),
    );
  }
  lines.push(
    "",
    `ratio: the page's req/s over /healthz's in the rounds beside it; target for cached pages ${TARGET_RATIO} ("<" marks a miss)`,
    "cpu ms: CPU time of the server's processes (wrangler dev's proxy and workerd) per request, in the same rounds",
  );
  lines.push(`run took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(lines.join("\n"));
}

quietRuntime();
const limit = setTimeout(() => {
  console.error(`bench:pages: gave up after ${RUN_LIMIT_MS / 60_000} min`);
  process.exit(3);
}, RUN_LIMIT_MS);
limit.unref();

const state = await mkdtemp(path.join(tmpdir(), "tenring-pages-"));
let tenring: Tenring | null = null;
let exitCode = 1;
try {
  const started = performance.now();
  const script = await buildBundle(path.join(state, "bundle"));
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  tenring = await startTenring({ port: await freePort(), persistTo: state, script, onOutput: (chunk) => log.write(stripAnsi(chunk)) });
  // BENCH_DIRECT=1: past wrangler dev's proxy, straight to the workerd process that runs the Worker.
  const direct = process.env.BENCH_DIRECT === "1" && tenring.processGroup !== undefined;
  const url = direct ? await workerAddress(tenring.processGroup!) : tenring.url;
  const { tournaments } = (await (await fetch(`${url}/api/v1/tournaments`)).json()) as { tournaments: { slug: string }[] };
  const [first] = tournaments;
  if (!first) throw new Error("the demo has no published tournament");
  const detail = (await (await fetch(`${url}/api/v1/tournaments/${first.slug}`)).json()) as { events: { id: number }[] };
  const event = detail.events[0]?.id;
  if (event === undefined) throw new Error(`${first.slug} has no event`);
  const cookie = await organiserCookie(tenring.url);
  const pages: Page[] = [
    { name: "home", path: "/" },
    { name: "tournament", path: `/t/${first.slug}` },
    { name: "scoreboard", path: `/t/${first.slug}/live/${event}` },
    { name: "results", path: `/t/${first.slug}/results/${event}` },
    { name: "dashboard", path: `/admin/t/${first.slug}`, cookie },
  ];
  const trivial = () => timed(`${url}/healthz`);
  await pool(Array.from({ length: 500 }), CONCURRENCY, trivial);
  const rows: Row[] = [];
  for (const page of pages) {
    const samples: Sample[] = [];
    const baseline: Sample[] = [];
    let pageMs = 0;
    let trivialMs = 0;
    const cpu = { page: 0, trivial: 0 };
    const serverCpu = () => (tenring?.processGroup === undefined ? 0 : groupCpuMs(tenring.processGroup));
    await pool(Array.from({ length: 200 }), CONCURRENCY, () => timed(url + page.path, page.cookie));
    for (let round = 0; round < ROUNDS; round++) {
      const beforeTrivial = serverCpu();
      const t = await pool(Array.from({ length: PER_ROUND }), CONCURRENCY, trivial);
      const beforePage = serverCpu();
      const p = await pool(Array.from({ length: PER_ROUND }), CONCURRENCY, () => timed(url + page.path, page.cookie));
      cpu.trivial += beforePage - beforeTrivial;
      cpu.page += serverCpu() - beforePage;
      baseline.push(...t.results);
      samples.push(...p.results);
      trivialMs += t.wallMs;
      pageMs += p.wallMs;
    }
    rows.push(summary(page, samples, pageMs, baseline, trivialMs, cpu));
  }
  print(rows, started, direct);
  const failed = rows.filter((r) => r.failures > 0);
  for (const r of failed) console.error(`bench:pages: ${r.page.path} answered ${r.failures} times other than 200: ${r.statuses.join(", ")}`);
  exitCode = failed.length === 0 ? 0 : 1;
} catch (error) {
  console.error(`bench:pages failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nServer log: ${SERVER_LOG}`);
} finally {
  await tenring?.stop();
  await rm(state, { recursive: true, force: true });
}
process.exit(exitCode);
