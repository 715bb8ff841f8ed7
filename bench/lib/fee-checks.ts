/** The invariants `bench:rush-fee` checks once the storm is over, against D1, the object's feed and the fake Stripe. */
import type { Check } from "./checks.ts";
import type { Timed } from "./load.ts";
import type { FakeSession } from "./storm.ts";

/** An entry as the tournament object's change feed gives it. */
export interface FeedEntry {
  id: string;
  status: string;
  userId: number;
  updatedAt: number;
  holdUntil: number | null;
  /** When the feed page with this row was asked for. */
  seenAt: number;
}

export interface Snapshot {
  entries: { id: string; relay_id: number | null; status: string; updated_at: number }[];
  relays: { id: number; firing_points: number; reserved: number }[];
  payments: { id: string; entry_id: string; status: string; outcome: string | null; amount_cents: number; refunded_cents: number; refund_due_cents: number }[];
  /** The object's entries (its change feed), after the replay and before it. */
  object: FeedEntry[];
  objectBeforeReplay: FeedEntry[];
  /** Entries whose holds were paid for in the storm. */
  paying: string[];
  /** When the object's feed was read (holds run on meanwhile, so D1 may be newer, never older). */
  feedAt: number;
  fakeSessions: FakeSession[];
  originalHolds: string[];
  delivered: number;
  eventRows: { n: number; ids: number; handled: number };
  deliveries: Timed[];
  replayAnswers: Timed[];
}

function check(name: string, problems: string[], fine: string): Check {
  return { name, ok: problems.length === 0, detail: problems.length === 0 ? fine : `${problems.length} problem(s), e.g. ${problems.slice(0, 3).join("; ")}` };
}

export function feeChecks(s: Snapshot): Check[] {
  const checks: Check[] = [];
  const status = new Map(s.entries.map((e) => [e.id, e.status]));

  const over = s.relays.flatMap((r) => {
    const taken = s.entries.filter((e) => e.relay_id === r.id && (e.status === "confirmed" || e.status === "held")).length;
    return taken > r.firing_points - r.reserved ? [`relay ${r.id}: ${taken} taken of ${r.firing_points - r.reserved}`] : [];
  });
  checks.push(check("confirmed + held ≤ capacity on every relay (D1)", over, `${s.relays.length} relays`));

  // Holds keep lapsing while the feed is read and the server stops: a D1 row may be newer than the feed's, never older.
  const objectRows = new Map(s.object.map((e) => [e.id, e]));
  let newer = 0;
  const differ = s.entries.flatMap((d) => {
    const o = objectRows.get(d.id);
    if (!o) return [`${d.id}: in D1, not in the object`];
    if (d.updated_at > o.updatedAt) return (newer++, []);
    return d.updated_at === o.updatedAt && d.status === o.status ? [] : [`${d.id}: D1 ${d.status}@${d.updated_at}, object ${o.status}@${o.updatedAt}`];
  });
  if (objectRows.size !== s.entries.length) differ.push(`${objectRows.size} entries in the object, ${s.entries.length} in D1`);
  checks.push(check("D1's entries equal the tournament object's (same version, or newer)", differ, `${s.entries.length} entries (${newer} changed after the feed was read)`));
  // The alarm runs at the hold's end; on a loaded machine it may start a few seconds late.
  const overrun = s.object.filter((e) => e.status === "held" && e.holdUntil !== null && e.holdUntil < e.seenAt - 10_000).map((e) => `${e.id} held ${Math.round((e.seenAt - e.holdUntil!) / 1000)} s past its end`);
  checks.push(check("no hold outlives its end (the alarm releases it)", overrun, `${s.object.filter((e) => e.status === "held").length} holds running`));

  const keptPer = new Map<string, number>();
  for (const p of s.payments) if (p.outcome === "kept") keptPer.set(p.entry_id, (keptPer.get(p.entry_id) ?? 0) + 1);
  checks.push(check("at most one payment kept per entry", [...keptPer].filter(([, n]) => n > 1).map(([id, n]) => `${id}: ${n}`), `${keptPer.size} entries with a kept payment`));

  const inD1 = new Map(s.payments.map((p) => [p.id, p]));
  const paidOnStripe = s.fakeSessions.filter((f) => f.payment_status === "paid");
  const unsettled = paidOnStripe.flatMap((f) => {
    const p = inD1.get(f.id);
    if (!p) return [`${f.id}: paid on Stripe, not in D1`];
    if (p.outcome === "kept") return status.get(p.entry_id) === "confirmed" ? [] : [`${f.id}: kept, entry ${status.get(p.entry_id)}`];
    if (p.outcome === "returned") return p.refunded_cents === p.amount_cents && (f._refunded ?? 0) === p.amount_cents ? [] : [`${f.id}: returned, refunded ${p.refunded_cents}/${f._refunded ?? 0} of ${p.amount_cents}`];
    return [`${f.id}: paid, outcome ${p.outcome}`];
  });
  checks.push(check("every successful payment ends as a confirmed entry or a full refund (D1 and Stripe agree)", unsettled, `${paidOnStripe.length} paid sessions`));

  const stillHeld = s.originalHolds.filter((id) => !["confirmed", "expired", "withdrawn", "removed"].includes(status.get(id) ?? "?")).map((id) => `${id}: ${status.get(id)}`);
  checks.push(check("every hold of the rush ended confirmed or released", stillHeld, `${s.originalHolds.length} holds`));

  const refundedTwice = s.fakeSessions.filter((f) => (f._refunded ?? 0) > f.amount_total).map((f) => f.id);
  checks.push(check("no payment refunded beyond its amount (Stripe)", refundedTwice, "refunds within amounts"));

  const failed = s.deliveries.filter((d) => d.status !== 200).map((d) => `${d.status} ${d.body.slice(0, 60)}`);
  checks.push(check("every webhook delivery answered 200", failed, `${s.deliveries.length} deliveries`));

  const recorded = s.eventRows.ids === s.delivered && s.eventRows.handled === s.delivered ? [] : [`${s.eventRows.ids} event ids recorded, ${s.eventRows.handled} handled, ${s.delivered} delivered`];
  checks.push(check("each event id recorded once and handled", recorded, `${s.delivered} events`));

  const replay = s.replayAnswers.filter((a) => a.status !== 200 || !(JSON.parse(a.body) as { duplicate?: boolean }).duplicate).map((a) => a.body.slice(0, 60));
  const paid = new Set(s.paying);
  const ofPaying = (rows: FeedEntry[]) =>
    JSON.stringify(rows.filter((e) => paid.has(e.id)).map((e) => [e.id, e.status, e.updatedAt]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  const changed = ofPaying(s.object) === ofPaying(s.objectBeforeReplay) ? [] : ["an entry with a payment changed during the replay"];
  checks.push(check("a replayed webhook changes nothing", [...replay, ...changed], `${s.replayAnswers.length} replays answered as duplicates`));
  return checks;
}
