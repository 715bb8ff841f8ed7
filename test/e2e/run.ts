/**
 * `npm run test:e2e [files…]`: starts Tenring on 127.0.0.1:8799 with fresh local state, seeds the demo data,
 * runs the browser tests (test/e2e/*.e2e.ts) with Node's test runner, stops the server and exits with its code.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { childEnv, ROOT, startTenring, stripAnsi, type Tenring } from "../../scripts/local-runtime.ts";

// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 8799);
const CHROMIUM = "/usr/bin/chromium";
const RESULTS = path.join(ROOT, "test-results");
const TAP = path.join(RESULTS, "e2e.tap");
const SERVER_LOG = path.join(RESULTS, "e2e-server.log");
const files = process.argv.length > 2 ? process.argv.slice(2) : ["test/e2e/*.e2e.ts"];

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing. Install Debian's chromium: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

mkdirSync(RESULTS, { recursive: true });
await rm(path.join(RESULTS, "screenshots"), { recursive: true, force: true });
await rm(TAP, { force: true });
const state = await mkdtemp(path.join(tmpdir(), "tenring-e2e-"));
// Also after Ctrl-C, when the server is stopped by the runtime's signal handler and `finally` never runs.
process.on("exit", () => rmSync(state, { recursive: true, force: true }));
const serverLog = createWriteStream(SERVER_LOG);

let tenring: Tenring | null = null;
let code = 1;
const startedAt = Date.now();
try {
  tenring = await startTenring({ port: PORT, persistTo: state, onOutput: (chunk) => serverLog.write(stripAnsi(chunk)) });
  const created = (tenring.seedResult?.body as { created?: unknown } | undefined)?.created;
  console.log(`e2e: Tenring ready at ${tenring.url} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; demo data created: ${JSON.stringify(created ?? "?")}`);
  code = await runTests(tenring.url, tenring.seedToken);
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await tenring?.stop();
  await new Promise((resolve) => serverLog.end(resolve));
  await rm(state, { recursive: true, force: true });
}
printSummary(code);
process.exit(code);

function runTests(url: string, seedToken: string): Promise<number> {
  const args = [
    "--test",
    "--test-concurrency=1",
    "--test-timeout=120000",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${TAP}`,
    ...files,
  ];
  // The Node running this script is the repository's Node 24 (npm puts node_modules/.bin first).
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv({ BASE_URL: url, SEED_TOKEN: seedToken }), stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
}

/** Ends the output with the runner's own count lines, so a log shows the result at its last lines. */
function printSummary(exitCode: number): void {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const tap = existsSync(TAP) ? readFileSync(TAP, "utf8") : "";
  const counts = tap.split("\n").filter((line) => /^# (tests|pass|fail|cancelled|skipped|todo) \d+$/.test(line));
  console.log(`\ne2e summary (${seconds} s; screenshots in test-results/screenshots, server log in test-results/e2e-server.log):`);
  console.log(counts.length ? counts.join("\n") : "# no tests ran");
  console.log(exitCode === 0 ? "e2e: passed" : `e2e: FAILED (exit ${exitCode})`);
}
