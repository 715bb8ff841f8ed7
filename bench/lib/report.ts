/** The benchmark's printout: figures in a table, what the server answered, the checks. */
import type { Check } from "./checks.ts";
import type { Figures, Timed } from "./load.ts";
import type { Attempt } from "./plan.ts";

export interface Report {
  cpus: number;
  slug: string;
  places: number;
  relays: number;
  competitors: number;
  concurrency: number;
  seedSeconds: number;
  registration: Figures;
  trivial: Figures;
  attempts: Attempt[];
  answers: Timed[];
  outboxSeconds: number;
  d1Entries: number;
  checks: Check[];
}

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
}

function figureRow(name: string, f: Figures): string[] {
  return [name, String(f.count), f.perSecond.toFixed(0), f.p50.toFixed(1), f.p95.toFixed(1), f.p99.toFixed(1), f.max.toFixed(1)];
}

function answerCounts(attempts: Attempt[], answers: Timed[]): string[] {
  const byStatus = new Map<number, number>();
  let confirmed = 0;
  let waitlisted = 0;
  let onFullRelay = 0;
  answers.forEach((a, i) => {
    byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    if (a.status !== 201) return;
    const status = (JSON.parse(a.body) as { status: string }).status;
    if (status === "waitlisted") {
      waitlisted++;
      if (attempts[i]?.relay !== "any") onFullRelay++;
    } else confirmed++;
  });
  const label: Record<number, string> = { 0: "no answer", 200: "replayed", 201: "created", 409: "already entered", 429: "rate limited", 503: "busy" };
  const lines = [...byStatus].sort((a, b) => a[0] - b[0]).map(([status, n]) => `  ${String(status).padEnd(4)} ${label[status] ?? ""}`.padEnd(24) + String(n).padStart(6));
  lines.push(`  of the 201s: ${confirmed} confirmed, ${waitlisted} waitlisted (${onFullRelay} of them asked for a relay that was full)`);
  return lines;
}

export function printReport(r: Report): void {
  const widths = [32, 8, 9, 8, 8, 8, 8];
  const ratio = r.registration.perSecond / r.trivial.perSecond;
  const lines = [
    "",
    `Tenring bench:rush  (Node ${process.versions.node}, ${r.cpus} CPUs; wrangler dev on 127.0.0.1 serving a prebuilt bundle, its request log and local tracing off)`,
    `tournament ${r.slug}: ${r.places} places on ${r.relays} relays; ${r.competitors} competitors with API tokens (seeded in ${r.seedSeconds.toFixed(1)} s)`,
    `${r.registration.count} registration attempts at concurrency ${r.concurrency}; trivial endpoint measured before and after in the same run`,
    "",
    row(["", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"], widths),
    row(figureRow("POST /api/v1/.../entries", r.registration), widths),
    row(figureRow("GET /healthz (trivial)", r.trivial), widths),
    row(["ratio registration / trivial", "", ratio.toFixed(2), (r.registration.p50 / r.trivial.p50).toFixed(2), (r.registration.p95 / r.trivial.p95).toFixed(2), (r.registration.p99 / r.trivial.p99).toFixed(2), ""], widths),
    "",
    "answers:",
    ...answerCounts(r.attempts, r.answers),
    "",
    `outbox drained to D1 ${r.outboxSeconds.toFixed(1)} s after the last attempt; D1 holds ${r.d1Entries} entries`,
    "",
    "checks:",
    ...r.checks.map((c) => `  ${c.ok ? "ok  " : "FAIL"}  ${c.name}: ${c.detail}`),
    "",
    r.checks.every((c) => c.ok) ? "bench:rush: all checks passed" : "bench:rush: CHECKS FAILED",
  ];
  console.log(lines.join("\n"));
}
