/**
 * Runs Tenring locally under `wrangler dev` (workerd) for `npm start`, the browser tests and benchmarks:
 * local D1 migrations, the dev server, demo seeding, and a clean stop of the whole process group.
 */
import { startFakeStripe } from "../test/fakes/stripe-server.ts";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import path from "node:path";
import { seed, type SeedResult } from "./demo-seed.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const WRANGLER = path.join(BIN, "wrangler");
const HOST = "127.0.0.1";
/** The fake Stripe's signing secret for local runs (never a real one). */
const LOCAL_WEBHOOK_SECRET = "whsec_local_tenring";
const TAIL_LINES = 40;

export interface StartOptions {
  port: number;
  /** Local state folder (D1, Durable Objects); wrangler's default `.wrangler/state` when left out. */
  persistTo?: string;
  /** Call `POST /__seed` once the server answers (default true). */
  seed?: boolean;
  /** Receives wrangler's output as it comes (by default it is only kept for error messages). */
  onOutput?: (chunk: string, stream: "stdout" | "stderr") => void;
  /** How long the server may take to answer HTTP (default 90 s: the build is slow on a busy machine). */
  readyTimeoutMs?: number;
  /**
   * A prebuilt bundle to serve as it is (`wrangler dev <script> --no-bundle`), e.g. from `wrangler deploy
   * --dry-run --outdir`: edits in the checkout then cannot reload the server in the middle of a run.
   */
  script?: string;
  /** Further variables for the Worker (`--var NAME:value`), e.g. a benchmark's own limits. */
  vars?: Record<string, string>;
  /**
   * Run the fake Stripe (test/fakes/stripe-server.ts) beside the Worker and point the Worker's Stripe client
   * at it (default true): organisers can connect and competitors pay through its stand-in pages.
   */
  fakeStripe?: boolean;
  /** Whether the fake sends its events to the Worker as they happen (default true); false: a benchmark sends them. */
  stripeWebhooks?: boolean;
}

export interface Tenring {
  /** wrangler's process group (wrangler, workerd and any helper they start), e.g. to read their CPU time. */
  processGroup: number | undefined;
  url: string;
  seedResult: SeedResult | null;
  /** This run's random SEED_TOKEN: the browser tests re-seed with it (see scripts/demo-seed.ts). */
  seedToken: string;
  /** Settles when wrangler ends, for whatever reason, with its exit code (null after a signal). */
  exited: Promise<number | null>;
  /** True once a stop was asked for (by `stop()` or a signal to this process), so an exit is expected. */
  readonly stopping: boolean;
  /** Stops wrangler and workerd (the whole process group). Safe to call twice. */
  stop(): Promise<void>;
  /** The fake Stripe's address, when one runs. */
  stripeBase: string | null;
}

/** Wrangler colours its errors even into a pipe; logs and messages read better without the codes. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
}

/** Keeps the last lines a child printed, for error messages. */
class OutputTail {
  lines: string[] = [];
  private partial = "";

  push(chunk: string): void {
    const parts = (this.partial + stripAnsi(chunk)).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    this.lines.push(...parts);
    if (this.lines.length > TAIL_LINES) this.lines.splice(0, this.lines.length - TAIL_LINES);
  }

  text(): string {
    const all = this.partial ? [...this.lines, this.partial] : this.lines;
    return all.map((line) => `  | ${line}`).join("\n");
  }
}

/** Node 24 and wrangler from this repository, never the machine's own; no telemetry. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ""}`,
    WRANGLER_SEND_METRICS: "false",
    ...extra,
  };
}

function persistArgs(persistTo: string | undefined): string[] {
  return persistTo ? ["--persist-to", persistTo] : [];
}

/** Runs wrangler to its end and returns its exit code and output; `onOutput` sees both streams as they come. */
export async function runWrangler(
  args: string[],
  env: NodeJS.ProcessEnv,
  onOutput?: (chunk: string) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(WRANGLER, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    onOutput?.(chunk);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    onOutput?.(chunk);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  return { code, stdout, stderr };
}

/** Applies pending local D1 migrations without asking (CI=true skips wrangler's confirmation). */
export async function applyMigrations(persistTo?: string): Promise<void> {
  const args = ["d1", "migrations", "apply", "DB", "--local", ...persistArgs(persistTo)];
  const tail = new OutputTail();
  const { code } = await runWrangler(args, childEnv({ CI: "true" }), (chunk) => tail.push(chunk));
  if (code !== 0) throw new Error(`wrangler d1 migrations apply failed (exit ${code}):\n${tail.text()}`);
}

/** True when something already accepts connections on the port (a leftover server would be seeded instead). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const running = new Set<ChildProcess>();
const stopRequested = new WeakSet<ChildProcess>();
let handlersInstalled = false;

/** Signals wrangler's whole group: workerd may still run after wrangler itself has gone. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Whatever ends this process also ends the servers it started. */
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", () => {
    for (const child of running) killGroup(child, "SIGTERM");
  });
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.once(signal, () => {
      void Promise.all([...running].map((child) => stopChild(child))).finally(() => process.exit(code));
    });
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (!running.has(child)) return;
  stopRequested.add(child);
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  // Nothing of the group may stay behind, whether wrangler stopped by itself or was asked to.
  killGroup(child, "SIGKILL");
  running.delete(child);
}

async function waitUntilAnswering(url: string, child: ChildProcess, tail: OutputTail, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: string | null = child.exitCode === null ? null : `exit ${child.exitCode}`;
  child.once("exit", (code, signal) => {
    exit = signal ? `signal ${signal}` : `exit ${code}`;
  });
  while (Date.now() < deadline) {
    if (exit) throw new Error(`wrangler dev stopped before answering (${exit}):\n${tail.text()}`);
    try {
      // A path no page lives at: the Worker answers it without touching D1 or the cache.
      const response = await fetch(`${url}/__ready`, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  throw new Error(`wrangler dev did not answer on ${url} within ${Math.round(timeoutMs / 1000)} s:\n${tail.text()}`);
}

/** Migrates, starts `wrangler dev` on 127.0.0.1, waits for it to answer and (by default) seeds the demo data. */
export async function startTenring(options: StartOptions): Promise<Tenring> {
  const { port, persistTo, onOutput, readyTimeoutMs = 90_000 } = options;
  const url = `http://${HOST}:${port}`;
  if (await portTaken(port)) throw new Error(`Port ${port} on ${HOST} is already in use: stop whatever runs there first.`);
  await applyMigrations(persistTo);

  const seedToken = randomBytes(24).toString("base64url");
  const stripe = options.fakeStripe === false ? null : await startFakeStripe({ webhookSecret: LOCAL_WEBHOOK_SECRET, webhookUrl: options.stripeWebhooks === false ? undefined : `${url}/webhooks/stripe` });
  const stripeVars = stripe ? { STRIPE_SECRET_KEY: "sk_test_local", STRIPE_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET, STRIPE_API_BASE: stripe.base } : {};
  const args = [
    "dev",
    // With a script given, wrangler reads the bindings only from a config named explicitly.
    ...(options.script ? [options.script, "--no-bundle", "--config", path.join(ROOT, "wrangler.toml")] : []),
    "--ip", HOST,
    "--port", String(port),
    ...persistArgs(persistTo),
    "--var", `SEED_TOKEN:${seedToken}`,
    // Local only: sent mail is kept and readable at /__mailbox.
    "--var", "LOCAL_MAILBOX:on",
    "--var", `PUBLIC_ORIGIN:http://${HOST}:${port}`,
    ...Object.entries({ ...stripeVars, ...options.vars }).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
    "--show-interactive-dev-session=false",
  ];
  installExitHandlers();
  // Its own process group, so stopping reaches workerd too.
  const child = spawn(WRANGLER, args, { cwd: ROOT, env: childEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  running.add(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const tail = new OutputTail();
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream]?.setEncoding("utf8").on("data", (chunk: string) => {
      tail.push(chunk);
      onOutput?.(chunk, stream);
    });
  }
  const stop = async () => {
    await stopChild(child);
    await stripe?.close();
  };

  try {
    await waitUntilAnswering(url, child, tail, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  let seedResult: SeedResult | null = null;
  if (options.seed !== false) {
    try {
      seedResult = await seed(url, seedToken);
    } catch (error) {
      await stop();
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\nLast lines of wrangler dev:\n${tail.text()}`, { cause: error });
    }
  }
  return {
    processGroup: child.pid,
    url,
    seedResult,
    seedToken,
    exited,
    stop,
    stripeBase: stripe?.base ?? null,
    get stopping() {
      return stopRequested.has(child);
    },
  };
}
