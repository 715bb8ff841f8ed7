/**
 * The core of `npm run demo:live`: scores the relay under way of a tournament through the JSON API, one
 * shot per firing point every few seconds, as a range with electronic targets would. No Node APIs, so a
 * vitest inside workerd runs it against the app too.
 */
import { discipline, type Discipline } from "../src/domain/scoring/disciplines.ts";
import { demoShot } from "../src/seed/shots.ts";

/** `fetch` against one Tenring (the CLI's global fetch on 127.0.0.1, or a test's `app.fetch`). */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface LiveCompetitor {
  entryId: string;
  name: string;
  shotsFired: number;
}

export interface LiveMatch {
  eventId: number;
  title: string;
  d: Discipline;
  /** The competitors of the relay under way: those who have started shooting. */
  competitors: LiveCompetitor[];
}

export interface LiveMatchOptions {
  base: string;
  slug: string;
  /** A personal token of a range officer or organiser of the tournament, or its scoring token. */
  token: string;
  fetch: Fetch;
  /** Pause between two rounds of shots. */
  paceMs: number;
  /** Stop at this instant even if the relay is not complete. */
  until: number;
  /** Stop after this many rounds (a test's few shots). */
  maxRounds?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface ResultsAnswer {
  event: { id: number; title: string; discipline: string };
  results: { entry: string; name: string; shotsFired: number }[];
}

/**
 * The first event with a relay under way: competitors who have fired some but not all of their shots
 * (a relay not yet started has fired none). null when no match is under way.
 */
export async function findLiveMatch(o: Pick<LiveMatchOptions, "base" | "slug" | "fetch">): Promise<LiveMatch | null> {
  const slug = encodeURIComponent(o.slug);
  const tournament = await json<{ events: { id: number }[] }>(await o.fetch(`${o.base}/api/v1/tournaments/${slug}`), "The tournament");
  for (const { id } of tournament.events) {
    const answer = await json<ResultsAnswer>(await o.fetch(`${o.base}/api/v1/tournaments/${slug}/results?event=${id}`), "The results");
    const d = discipline(answer.event.discipline);
    if (!d) continue;
    const started = answer.results.filter((r) => r.shotsFired > 0);
    if (!started.some((r) => r.shotsFired < d.shots)) continue;
    return {
      eventId: id,
      title: answer.event.title,
      d,
      competitors: started.map((r) => ({ entryId: r.entry, name: r.name, shotsFired: r.shotsFired })),
    };
  }
  return null;
}

/** One round: the next shot of every competitor still shooting, in one request. Returns the shots applied. */
export async function scoreRound(o: LiveMatchOptions, match: LiveMatch): Promise<number> {
  const shooting = match.competitors.filter((c) => c.shotsFired < match.d.shots);
  if (shooting.length === 0) return 0;
  const ops = shooting.map((c) => {
    const shotNo = c.shotsFired + 1;
    return { opId: `live:${c.entryId}:${shotNo}`, entryId: c.entryId, shotNo, ...demoShot(match.d, c.entryId, shotNo) };
  });
  const res = await o.fetch(`${o.base}/api/v1/tournaments/${encodeURIComponent(o.slug)}/shots`, {
    method: "POST",
    headers: { Authorization: `Bearer ${o.token}`, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ ops }),
  });
  const answer = await json<{ results: { entryId: string; outcome: string; message: string }[] }>(res, "Scoring");
  let applied = 0;
  for (const r of answer.results) {
    // A duplicate is a shot an earlier run already entered: the card moves on all the same.
    if (r.outcome !== "applied" && r.outcome !== "duplicate") throw new Error(`A shot was ${r.outcome}: ${r.message}`);
    if (r.outcome === "applied") applied++;
    const competitor = match.competitors.find((c) => c.entryId === r.entryId);
    if (competitor) competitor.shotsFired++;
  }
  return applied;
}

export interface LiveRun {
  rounds: number;
  shots: number;
  /** Every card of the relay is complete. */
  complete: boolean;
  match: LiveMatch | null;
}

/** Rounds at the pace until the relay is complete, `until` passes, or `maxRounds` are done. */
export async function runLiveMatch(o: LiveMatchOptions): Promise<LiveRun> {
  const log = o.log ?? (() => {});
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = o.now ?? Date.now;
  const match = await findLiveMatch(o);
  if (!match) {
    log("No relay is under way in this tournament: nothing to score.");
    return { rounds: 0, shots: 0, complete: false, match };
  }
  const total = match.d.shots * match.competitors.length;
  const fired = () => match.competitors.reduce((n, c) => n + c.shotsFired, 0);
  log(`${match.title}: ${match.competitors.length} competitors, ${fired()} of ${total} shots entered so far.`);
  let rounds = 0;
  let shots = 0;
  while (fired() < total && now() < o.until && (o.maxRounds === undefined || rounds < o.maxRounds)) {
    if (rounds > 0) await sleep(o.paceMs);
    shots += await scoreRound(o, match);
    rounds++;
    const leader = match.competitors.reduce((a, b) => (b.shotsFired > a.shotsFired ? b : a));
    log(`Round ${rounds}: ${fired()} of ${total} shots (shot ${leader.shotsFired} of ${match.d.shots} on the line).`);
  }
  const complete = fired() >= total;
  log(complete ? "The relay is complete." : "Stopped before the relay was complete.");
  return { rounds, shots, complete, match };
}
