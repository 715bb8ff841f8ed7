/** Builds the Worker once, so the benchmark serves a fixed bundle whatever happens in the checkout meanwhile. */
import { spawn } from "node:child_process";
import path from "node:path";
import { childEnv, ROOT } from "../../src/cli/local-runtime.ts";

export async function buildBundle(outdir: string): Promise<string> {
  const wrangler = path.join(ROOT, "node_modules", ".bin", "wrangler");
  const child = spawn(wrangler, ["deploy", "--dry-run", "--outdir", outdir], { cwd: ROOT, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) throw new Error(`wrangler deploy --dry-run failed (exit ${code}):\n${output.slice(-2000)}`);
  return path.join(outdir, "index.js");
}
