/**
 * `npm run demo:live [-- --pace 4 --minutes 15 --port 8787]`: while `npm start` runs, scores the demo
 * tournament under way through the JSON API at a match's pace, so its scoreboards move. It signs in as the
 * demo range officer, makes a personal API token for this run, scores one shot per firing point every few
 * seconds until the relay is complete or the time is up, and revokes the token. 127.0.0.1 only.
 */
import { parseArgs } from "node:util";
import { DEMO_PASSWORD, LIVE_DEMO_SLUG, RANGE_OFFICER } from "../src/seed/plan.ts";
import { runLiveMatch } from "./live-match.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    pace: { type: "string", default: "4" },
    minutes: { type: "string", default: "15" },
  },
});
const port = Number(values.port);
const paceSeconds = Number(values.pace);
const minutes = Number(values.minutes);
if (!Number.isInteger(port) || !(paceSeconds >= 1 && paceSeconds <= 60) || !(minutes > 0 && minutes <= 60)) {
  console.error("Usage: npm run demo:live [-- --port 8787 --pace <1-60 seconds> --minutes <at most 60>]");
  process.exit(2);
}
const base = `http://127.0.0.1:${port}`;
// Same-origin, as the app's own forms are; htmx's header stands in for the form token (see src/middleware/csrf.ts).
const formHeaders = { Origin: base, "HX-Request": "true", "Content-Type": "application/x-www-form-urlencoded" };

async function signIn(): Promise<string> {
  const res = await fetch(`${base}/account/sign-in`, {
    method: "POST",
    headers: formHeaders,
    body: new URLSearchParams({ email: RANGE_OFFICER.email, password: DEMO_PASSWORD, next: "/" }),
    redirect: "manual",
  });
  await res.body?.cancel();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-tenring_session="));
  if (!cookie) throw new Error(`Signing in as ${RANGE_OFFICER.email} failed (${res.status}): is the demo seeded (npm start)?`);
  return cookie.split(";")[0]!;
}

async function makeToken(session: string): Promise<{ token: string; revoke: () => Promise<void> }> {
  const name = `npm run demo:live ${new Date().toISOString().slice(0, 16)}`;
  const res = await fetch(`${base}/account/tokens`, {
    method: "POST",
    headers: { ...formHeaders, Cookie: session },
    body: new URLSearchParams({ name }),
  });
  const html = await res.text();
  const token = /data-testid="new-token"[^>]*>\s*([^<\s]+)\s*</.exec(html)?.[1];
  const id = /\/account\/tokens\/(\d+)\/revoke/.exec(html)?.[1];
  if (res.status !== 201 || !token) throw new Error(`Making an API token failed (${res.status}).`);
  return {
    token,
    revoke: async () => {
      if (!id) return;
      const answer = await fetch(`${base}/account/tokens/${id}/revoke`, { method: "POST", headers: { ...formHeaders, Cookie: session } });
      await answer.body?.cancel();
    },
  };
}

try {
  await fetch(`${base}/__ready`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.body?.cancel());
} catch {
  console.error(`Nothing answers on ${base}: start Tenring first with \`npm start\`.`);
  process.exit(1);
}

const session = await signIn();
const { token, revoke } = await makeToken(session);
let stopping = false;
process.once("SIGINT", () => {
  stopping = true;
});
console.log(`Scoring ${base}/t/${LIVE_DEMO_SLUG} as ${RANGE_OFFICER.name}: a shot per firing point every ${paceSeconds} s, for at most ${minutes} min (Ctrl-C stops).`);
try {
  const run = await runLiveMatch({
    base,
    slug: LIVE_DEMO_SLUG,
    token,
    fetch: (url, init) => fetch(url, init),
    paceMs: paceSeconds * 1000,
    until: Date.now() + minutes * 60_000,
    now: () => (stopping ? Number.POSITIVE_INFINITY : Date.now()),
    log: (line) => console.log(line),
  });
  if (run.match) console.log(`Scoreboard: ${base}/t/${LIVE_DEMO_SLUG}/live/${run.match.eventId}   (${run.shots} shots entered in ${run.rounds} rounds)`);
} catch (error) {
  console.error(`demo:live stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await revoke();
}
