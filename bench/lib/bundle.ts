/** Builds the Worker once, so the benchmark serves a fixed bundle whatever happens in the checkout meanwhile. */
import path from "node:path";
import { childEnv, runWrangler } from "../../scripts/local-runtime.ts";

export async function buildBundle(outdir: string): Promise<string> {
  let output = "";
  const { code } = await runWrangler(["deploy", "--dry-run", "--outdir", outdir], childEnv(), (chunk) => (output += chunk));
  if (code !== 0) throw new Error(`wrangler deploy --dry-run failed (exit ${code}):\n${output.slice(-2000)}`);
  return path.join(outdir, "index.js");
}
