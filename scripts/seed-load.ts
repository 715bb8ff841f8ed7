/**
 * `npm run seed:load -- --tournament <slug> --competitors N --out tokens.json [--persist-to <dir>]`:
 * N competitor accounts with personal API tokens in the local D1 (the state `npm start` uses, or the
 * folder given), for load tests against a local Tenring. Every run adds new accounts (a run id in the
 * emails). Writes `[{ userId, email, token }]`.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedLoad } from "./load-data.ts";

const MAX_COMPETITORS = 100_000;

function usage(problem: string): never {
  console.error(`${problem}\nUsage: npm run seed:load -- --tournament <slug> --competitors N --out tokens.json [--persist-to <dir>]`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      tournament: { type: "string" },
      competitors: { type: "string" },
      out: { type: "string" },
      "persist-to": { type: "string" },
    },
    strict: true,
  }));
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}

const { tournament, out } = values;
const count = Number(values.competitors);
if (!tournament) usage("--tournament is required.");
if (!out) usage("--out is required.");
if (!Number.isInteger(count) || count < 1 || count > MAX_COMPETITORS) usage(`--competitors must be a whole number from 1 to ${MAX_COMPETITORS}.`);

const startedAt = performance.now();
try {
  const result = await seedLoad({ tournament, competitors: count, ...(values["persist-to"] ? { persistTo: values["persist-to"] } : {}) });
  const file = path.resolve(out);
  await writeFile(file, `${JSON.stringify(result.competitors, null, 1)}\n`);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`seed:load: ${count} competitors with API tokens for "${tournament}" (run ${result.runId}) in ${seconds} s; tokens in ${file}`);
} catch (error) {
  console.error(`seed:load failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
