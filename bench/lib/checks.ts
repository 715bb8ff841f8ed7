/** The invariants the rush must keep, checked against the answers given and D1's copy afterwards. */
import type { Timed } from "./load.ts";
import type { Attempt } from "./plan.ts";

export interface D1Entry {
  id: string;
  event_id: number;
  relay_id: number | null;
  user_id: number;
  status: string;
  seq: number;
  waitlist_position: number | null;
}

export interface D1Relay {
  id: number;
  event_id: number;
  firing_points: number;
  reserved: number;
}

export interface Check {
  name: string;
  ok: boolean;
  /** What went wrong (a few examples), or a short confirmation of what was looked at. */
  detail: string;
}

interface Registration {
  id: string;
  event: number;
  status: string;
  relay: number | "any";
  position?: number;
}

const ANSWERS = new Set([200, 201, 409, 503]);
const ACTIVE = new Set(["confirmed", "held", "waitlisted"]);

function check(name: string, problems: string[], fine: string): Check {
  return { name, ok: problems.length === 0, detail: problems.length === 0 ? fine : `${problems.length} problem(s), e.g. ${problems.slice(0, 3).join("; ")}` };
}

function parse(body: string): Registration | null {
  try {
    return JSON.parse(body) as Registration;
  } catch {
    return null;
  }
}

export function checkRush(attempts: Attempt[], answers: Timed[], userIds: number[], entries: D1Entry[], relays: D1Relay[]): Check[] {
  const checks: Check[] = [];

  const odd = answers.flatMap((a, i) => (ANSWERS.has(a.status) ? [] : [`attempt ${i}: ${a.status} ${a.body.slice(0, 80)}`]));
  checks.push(check("every attempt answered 201, 200 (replay), 409 or 503 (busy)", odd, `${answers.length} answers`));

  // Per idempotency key: at most one 201, and every replay repeats its body.
  const byKey = new Map<string, { created: string[]; replays: string[] }>();
  attempts.forEach((a, i) => {
    const answer = answers[i];
    if (!answer || (answer.status !== 200 && answer.status !== 201)) return;
    const group = byKey.get(a.key) ?? { created: [], replays: [] };
    (answer.status === 201 ? group.created : group.replays).push(answer.body);
    byKey.set(a.key, group);
  });
  const keyProblems: string[] = [];
  for (const [key, group] of byKey) {
    if (group.created.length !== 1) keyProblems.push(`${key}: ${group.created.length} × 201`);
    else if (group.replays.some((body) => body !== group.created[0])) keyProblems.push(`${key}: a replay differs from the first answer`);
  }
  checks.push(check("each Idempotency-Key accepted once; replays repeat the first answer", keyProblems, `${byKey.size} keys accepted`));

  const created = new Map<string, { attempt: Attempt; registration: Registration }>();
  const perCompetitorEvent = new Map<string, Set<string>>();
  attempts.forEach((a, i) => {
    const answer = answers[i];
    if (answer?.status !== 201) return;
    const registration = parse(answer.body);
    if (!registration) return;
    created.set(registration.id, { attempt: a, registration });
    const key = `${a.competitor}:${a.event}`;
    perCompetitorEvent.set(key, (perCompetitorEvent.get(key) ?? new Set()).add(registration.id));
  });
  const twice = [...perCompetitorEvent].filter(([, ids]) => ids.size > 1).map(([key, ids]) => `competitor:event ${key} got ${ids.size} entries`);
  checks.push(check("no competitor accepted twice in an event (answers)", twice, `${perCompetitorEvent.size} competitor-event pairs`));

  const inD1 = new Map(entries.map((e) => [e.id, e]));
  const missing = [...created.keys()].filter((id) => !inD1.has(id)).map((id) => `${id} answered 201, not in D1`);
  const extra = entries.filter((e) => !created.has(e.id)).map((e) => `${e.id} in D1, never answered 201`);
  checks.push(check("D1 holds exactly the entries answered 201 (none lost, none extra)", [...missing, ...extra], `${entries.length} entries in D1`));

  const differs: string[] = [];
  for (const [id, { attempt, registration }] of created) {
    const row = inD1.get(id);
    if (!row) continue;
    const relay = row.relay_id ?? "any";
    if (row.status !== registration.status || relay !== registration.relay || (row.waitlist_position ?? undefined) !== registration.position) {
      differs.push(`${id}: answered ${registration.status}/${registration.relay}/${registration.position ?? "-"}, D1 ${row.status}/${relay}/${row.waitlist_position ?? "-"}`);
    }
    if (row.user_id !== userIds[attempt.competitor]) differs.push(`${id}: D1 user ${row.user_id}, expected ${userIds[attempt.competitor]}`);
  }
  checks.push(check("every 201's entry is in D1 as it was answered", differs, `${created.size} entries compared`));

  const placed = new Map<number, number>();
  for (const e of entries) if (e.relay_id !== null && (e.status === "confirmed" || e.status === "held")) placed.set(e.relay_id, (placed.get(e.relay_id) ?? 0) + 1);
  const over = relays
    .filter((r) => (placed.get(r.id) ?? 0) > r.firing_points - r.reserved)
    .map((r) => `relay ${r.id}: ${placed.get(r.id)} placed, capacity ${r.firing_points - r.reserved}`);
  const full = relays.filter((r) => (placed.get(r.id) ?? 0) === r.firing_points - r.reserved).length;
  checks.push(check("confirmed ≤ capacity on every relay", over, `${relays.length} relays, ${full} full`));

  const active = new Map<string, number>();
  for (const e of entries) if (ACTIVE.has(e.status)) active.set(`${e.user_id}:${e.event_id}`, (active.get(`${e.user_id}:${e.event_id}`) ?? 0) + 1);
  const doubled = [...active].filter(([, n]) => n > 1).map(([key, n]) => `user:event ${key} has ${n} active entries`);
  checks.push(check("no competitor twice in an event (D1)", doubled, `${active.size} active competitor-event pairs`));

  const gaps: string[] = [];
  for (const eventId of new Set(entries.map((e) => e.event_id))) {
    const waiting = entries.filter((e) => e.event_id === eventId && e.status === "waitlisted").sort((a, b) => a.seq - b.seq);
    waiting.forEach((e, i) => {
      if (e.waitlist_position !== i + 1) gaps.push(`event ${eventId}: seq ${e.seq} has position ${e.waitlist_position}, expected ${i + 1}`);
    });
  }
  const waitlisted = entries.filter((e) => e.status === "waitlisted").length;
  checks.push(check("waitlist positions contiguous (1..n) in order of arrival", gaps, `${waitlisted} waitlisted`));
  return checks;
}
