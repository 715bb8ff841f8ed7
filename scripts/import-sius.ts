/**
 * `npm run import:sius -- --log 20261129_shotlog.csv --entries start-numbers.csv --origin https://… --tournament <slug>
 *   --token <scoring token> [--scoring decimal|integer] [--final <final id>]`: sends a SIUS shot log (format:
 * src/domain/feeds/sius-shotlog.ts, README "Target feeds") to the shots API, match shots and sighters as shot
 * operations and final shots to the final's (with --final). `--entries`: one `start number;entry id` per line.
 * Op ids come from the log's event numbers, so sending the same log again changes nothing.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { importSiusShotLog, type ImportedOp } from "../src/domain/feeds/sius-shotlog.ts";

const { values } = parseArgs({
  options: {
    log: { type: "string" },
    entries: { type: "string" },
    origin: { type: "string", default: "http://127.0.0.1:8787" },
    tournament: { type: "string" },
    token: { type: "string" },
    scoring: { type: "string", default: "decimal" },
    final: { type: "string" },
  },
});
const { log, entries, tournament, token } = values;
const day = /^(\d{4})(\d{2})(\d{2})/.exec(basename(log ?? ""));
if (!log || !entries || !tournament || !token || !day || (values.scoring !== "decimal" && values.scoring !== "integer")) {
  console.error("Usage: npm run import:sius -- --log YYYYMMDD….csv --entries start-numbers.csv --tournament <slug> --token <token> [--origin URL] [--scoring decimal|integer] [--final <id>]");
  process.exit(2);
}
const startNumbers = new Map(
  readFileSync(entries, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.includes(";"))
    .map((l) => l.split(";").map((s) => s.trim()) as [string, string]),
);
const { ops, skipped } = importSiusShotLog(readFileSync(log, "utf8"), {
  day: `${day[1]}-${day[2]}-${day[3]}`,
  scoring: values.scoring,
  entryFor: (n) => startNumbers.get(n),
});
for (const s of skipped) console.log(`line ${s.line} left out: ${s.reason}`);

async function send(path: string, batch: ImportedOp[]): Promise<void> {
  for (let i = 0; i < batch.length; i += 500) {
    const body = { ops: batch.slice(i, i + 500).map(({ kind: _kind, ...op }) => op) };
    const res = await fetch(`${values.origin}/api/v1/tournaments/${tournament}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const { results } = (await res.json()) as { results: { outcome: string; message: string; opId: string }[] };
    for (const r of results) if (r.outcome !== "applied" && r.outcome !== "duplicate") console.log(`${r.opId}: ${r.outcome}: ${r.message}`);
    console.log(`${path}: ${results.filter((r) => r.outcome === "applied").length} applied of ${results.length}`);
  }
}

await send("/shots", ops.filter((o) => o.kind !== "final"));
const finals = ops.filter((o) => o.kind === "final");
if (finals.length > 0 && values.final) await send(`/finals/${values.final}/shots`, finals);
else if (finals.length > 0) console.log(`${finals.length} final shots left out: name the final with --final <id>`);
