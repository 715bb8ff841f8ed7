/**
 * `npm start`: local D1 migrations, Tenring under workerd on http://127.0.0.1:8787 with the default local
 * state (.wrangler/state), the demo data seeded (a second start adds nothing), then wrangler's log until Ctrl-C.
 */
import { COMPETITOR, DEMO_PASSWORD, LIVE_DEMO_SLUG, ORGANISER, RANGE_OFFICER } from "../src/seed/plan.ts";
import type { DemoSignIn } from "./demo-seed.ts";
import { startTenring } from "./local-runtime.ts";

const PORT = 8787;
const FALLBACK_SIGN_INS: DemoSignIn[] = [ORGANISER, RANGE_OFFICER, COMPETITOR].map((a) => ({ email: a.email, password: DEMO_PASSWORD, role: a.role }));

// Wrangler's startup chatter stays hidden until the banner is out; after that its request log passes through.
let passThrough = false;

/** Where each demo account's tools are, as its header offers them after signing in. */
const DEMO_DESTINATIONS: Record<string, [tool: string, path: string][]> = {
  [ORGANISER.email]: [["Organise", "/admin"], ["Score", "/score"]],
  [RANGE_OFFICER.email]: [["Score", "/score"]],
  [COMPETITOR.email]: [["My entries", "/me/entries"], ["My results", "/me/results"]],
};

function describe(signIn: DemoSignIn, url: string): string {
  const label = signIn.role ?? signIn.name;
  const tools = (DEMO_DESTINATIONS[signIn.email] ?? []).map(([tool, path]) => `\n      ${`${tool}:`.padEnd(12)}${url}${path}`);
  return `  ${signIn.email.padEnd(28)} ${signIn.password}${label ? `   (${label})` : ""}${tools.join("")}`;
}

/** The seed's counts of new rows: all zero when the demo was already there. */
function describeCreated(created: unknown): string {
  if (!created || typeof created !== "object") return "seeded";
  const counts = Object.entries(created).filter((pair): pair is [string, number] => typeof pair[1] === "number");
  if (counts.every(([, n]) => n === 0)) return "already in place (nothing added)";
  return `added ${counts.map(([name, n]) => `${n} ${name}`).join(", ")}`;
}

/**
 * The local runtime prints each sent mail as a block of lines with temp-file paths (split over stdout and
 * stderr); the mailbox page shows mail better, so each becomes one line, "mail → address: subject".
 * Everything else passes through unchanged.
 */
function mailSummaries() {
  let pending = "";
  let to = "";
  let skipping = false;
  return (chunk: string): string => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    let out = "";
    for (const line of lines) {
      if (line.includes("send_email binding called")) skipping = true;
      else if (line.startsWith("To: ")) to = line.slice(4);
      else if (line.startsWith("Subject: ")) out += `mail → ${to || "?"}: ${line.slice(9)}\n`;
      else if (/^(From|Text|HTML): /.test(line) || (skipping && line.trim() === "")) continue;
      else {
        skipping = false;
        out += `${line}\n`;
        continue;
      }
      skipping = true;
    }
    return out;
  };
}
const shownOf = { stdout: mailSummaries(), stderr: mailSummaries() };

console.log(`Tenring: applying local D1 migrations and starting wrangler dev on port ${PORT}…`);
const startedAt = Date.now();
try {
  const tenring = await startTenring({
    port: PORT,
    onOutput: (chunk, stream) => {
      if (!passThrough) return;
      const shown = shownOf[stream](chunk);
      if (shown) (stream === "stdout" ? process.stdout : process.stderr).write(shown);
    },
  });
  const signIns = tenring.seedResult?.signIns.length ? tenring.seedResult.signIns : FALLBACK_SIGN_INS;
  const created = (tenring.seedResult?.body as { created?: unknown } | undefined)?.created;
  const final = (tenring.seedResult?.body as { final?: { path?: string } | null } | undefined)?.final?.path;
  console.log(
    [
      "",
      `Tenring is running at ${tenring.url}   (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
      "",
      `Demo data: ${describeCreated(created)}`,
      "",
      "Demo sign-ins (email, password), each with the tools its header leads to:",
      ...signIns.map((signIn) => describe(signIn, tenring.url)),
      "",
      `Watch a match: in another terminal, \`npm run demo:live\` scores ${tenring.url}/t/${LIVE_DEMO_SLUG} at a match's pace`,
      "(one shot per firing point every few seconds, up to 15 minutes); open its live scoreboard to see it move.",
      ...(final ? [`A final under way, shot on electronic targets: ${tenring.url}${final}`] : []),
      "",
      `Mail sent locally (verification, password reset, invitations): ${tenring.url}/__mailbox`,
      "",
      "Press Ctrl-C to stop. Request log follows.",
      "",
    ].join("\n"),
  );
  passThrough = true;
  const code = await tenring.exited;
  // After Ctrl-C the signal handler finishes the stop and exits; anything else is wrangler giving up.
  if (tenring.stopping) console.log("\nTenring stopped.");
  else {
    console.error(`wrangler dev stopped on its own (exit ${code ?? "by signal"}).`);
    process.exit(code || 1);
  }
} catch (error) {
  console.error(`\nTenring did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
