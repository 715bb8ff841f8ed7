import { discipline } from "../../../domain/scoring/index.ts";
import {
  type AuditNames,
  competitorLink,
  day,
  detailOf,
  entryEvent,
  entryIdOf,
  eventLink,
  idOf,
  joined,
  listOf,
  money,
  num,
  type Phrase,
  possessive,
  quoted,
  relayLink,
  resultsLink,
  role,
  shotText,
  staffLink,
  str,
  when,
} from "./phrase.ts";
import { PRACTICAL_ACTION_LABELS, PRACTICAL_WORDINGS } from "./practical-words.ts";

export interface AuditRowInput {
  action: string;
  subject: string;
  detail: string;
  actorId: number | null;
  actor: string | null;
}

type Detail = Record<string, unknown>;
type Wording = (n: AuditNames, d: Detail, subject: string, actor: string) => Phrase;

const TOURNAMENT_FIELDS: Record<string, string> = {
  title: "title",
  slug: "web address",
  club: "club",
  venue: "venue",
  timeZone: "time zone",
  startsOn: "first day",
  endsOn: "last day",
  registrationOpensAt: "registration opening",
  registrationClosesAt: "registration closing",
  entryFeeCents: "entry fee",
  currency: "currency",
  description: "description",
};

/** A changed tournament field with its new value where the row kept it ("entry fee now €20.00"). */
function tournamentChange(n: AuditNames, field: string, now: Detail): string {
  const label = TOURNAMENT_FIELDS[field] ?? field;
  const v = now[field];
  if (v === undefined || field === "description") return `the ${label}`;
  if (field === "registrationOpensAt" || field === "registrationClosesAt") return `the ${label} to ${when(n, Number(v))}`;
  if (field === "startsOn" || field === "endsOn") return `the ${label} to ${day(String(v))}`;
  if (field === "entryFeeCents") return Number(v) === 0 ? "the entry fee to free" : `the ${label} to ${money(n, Number(v), str(now.currency))}`;
  return `the ${label} to ${quoted(String(v))}`;
}

/** "Eva Roth got the freed place" for entries the change promoted from the waitlist. */
function promoted(n: AuditNames, d: Detail): Phrase {
  const ids = Array.isArray(d.promoted) ? d.promoted.filter((x): x is string => typeof x === "string") : [];
  if (ids.length === 0) return [];
  return ["; ", ...joined(ids.map((id) => [competitorLink(n, id)]), ", "), ids.length === 1 ? " got the freed place" : " got the freed places"];
}

const STATUS_WORDS: Record<string, string> = { confirmed: "confirmed", held: "held for payment", waitlisted: "on the waitlist" };

/** The relay fields a relay.edit changed, with their new values. */
function relayChanges(n: AuditNames, d: Detail): string[] {
  const changed = Array.isArray(d.changed) ? d.changed.map(String) : [];
  const out: string[] = [];
  for (const f of changed) {
    if (f === "name") out.push(`is now called ${quoted(String(d.name))}`);
    else if (f === "startsAt") out.push(`now starts ${when(n, Number(d.startsAt))}`);
    else if (f === "firingPoints") out.push(`now has ${num(d.firingPoints)} firing points`);
    else if (f === "reserved") out.push(`now keeps ${num(d.reserved)} reserved`);
  }
  return out;
}

function correction(n: AuditNames, d: Detail, subject: string, actor: string, from: unknown, to: unknown): Phrase {
  const entryId = entryIdOf(subject) ?? str(d.entryId);
  const shotNo = num(d.shotNo) ?? Number(/\/(\d+)/.exec(subject)?.[1] ?? NaN);
  const eventId = entryId ? (n.entries.get(entryId)?.eventId ?? num(d.eventId)) : num(d.eventId);
  const reason = str(d.reason);
  const toText = to === null ? "empty (cleared)" : shotText(n, eventId, to);
  const viaToken = num(d.tokenId) !== null;
  return [
    viaToken && actor === "Tenring" ? "A scoring device" : actor, " corrected ", ...possessive(competitorLink(n, entryId)), ` shot ${Number.isNaN(shotNo) ? "" : shotNo} in `, eventLink(n, eventId),
    ` from ${shotText(n, eventId, from)} to ${toText}`, ...(viaToken ? [" through a scoring token"] : []),
    ...(reason ? [": ", quoted(reason)] : []),
  ];
}

const WORDINGS: Record<string, Wording> = {
  ...PRACTICAL_WORDINGS,
  "tournament.create": (_n, d, _s, a) => [a, " created the tournament ", quoted(String(d.title ?? ""))],
  "tournament.edit": (n, d, _s, a) => {
    const changed = Array.isArray(d.changed) ? d.changed.map(String) : [];
    const now = (d.now && typeof d.now === "object" ? d.now : {}) as Detail;
    if (changed.length === 0) return [a, " saved the tournament without changes"];
    return [a, " changed ", listOf(changed.map((f) => tournamentChange(n, f, now)))];
  },
  "tournament.publish": (_n, _d, _s, a) => [a, " published the tournament"],
  "tournament.unpublish": (_n, _d, _s, a) => [a, " took the tournament back to draft (hidden from the public)"],
  "event.add": (n, d, _s, a) => {
    const title = String(d.title ?? "");
    const found = [...n.events].find(([, e]) => e.title === title);
    const kind = discipline(String(d.discipline ?? ""))?.name;
    return [a, " added the event ", found ? eventLink(n, found[0]) : title, ...(kind ? [` (${kind})`] : [])];
  },
  "event.edit": (n, d, s, a) => {
    const changed = Array.isArray(d.changed) ? d.changed.map(String) : [];
    const what = changed.map((f) => (f === "title" ? `renamed it ${quoted(String(d.title))}` : f === "discipline" ? "changed its discipline" : `changed its ${f}`));
    return [a, " changed the event ", eventLink(n, idOf(s, "event"), str(d.title)), ...(what.length > 0 ? [": ", listOf(what)] : [])];
  },
  "event.delete": (_n, d, _s, a) => [a, " deleted the event ", quoted(String(d.title ?? ""))],
  "relay.add": (n, d, s, a) => {
    const eventId = idOf(s, "event");
    const found = [...n.relays].find(([, r]) => r.eventId === eventId && r.name === d.name);
    const startsAt = num(d.startsAt);
    return [
      a, " added ", found ? relayLink(n, found[0]) : String(d.name ?? "a relay"), " to ", eventLink(n, eventId, str(d.event)),
      ...(startsAt !== null ? [`: starts ${when(n, startsAt)}, ${num(d.firingPoints) ?? "?"} firing points`] : []),
    ];
  },
  "relay.edit": (n, d, s, a) => {
    const relayId = idOf(s, "relay");
    const relay = relayId === null ? undefined : n.relays.get(relayId);
    const changes = relayChanges(n, d);
    const head: Phrase = [a, " changed ", relayLink(n, relayId), ...(relay ? [" in ", eventLink(n, relay.eventId)] : [])];
    return changes.length === 0 ? head : [...head, ": it ", listOf(changes)];
  },
  "relay.delete": (_n, d, _s, a) => [a, " deleted the relay ", quoted(String(d.name ?? ""))],
  "entry.move": (n, d, s, a) => {
    const id = entryIdOf(s);
    return [a, " moved ", ...possessive(competitorLink(n, id)), " entry in ", entryEvent(n, id), " from ", relayLink(n, num(d.from)), " to ", relayLink(n, num(d.to)), ...promoted(n, d)];
  },
  "entry.remove": (n, d, s, a) => {
    const id = entryIdOf(s);
    const competitor = num(d.competitor);
    const reason = str(d.reason);
    const was = STATUS_WORDS[String(d.was)];
    return [
      a, " removed ", ...possessive(competitorLink(n, id, competitor === null ? null : n.users.get(competitor))), " entry in ", entryEvent(n, id),
      ...(was ? [` (${was})`] : []), ...(reason ? [": ", quoted(reason)] : []), ...promoted(n, d),
    ];
  },
  "entry.paid": (n, d, s, a) => {
    const id = entryIdOf(s);
    return [a, " recorded ", ...possessive(competitorLink(n, id)), ` payment of ${money(n, num(d.amountCents) ?? 0, str(d.currency))} at the range for `, entryEvent(n, id)];
  },
  "entry.firing_point": (n, d, s, a) => {
    const id = entryIdOf(s);
    const from = num(d.from);
    return [a, " put ", competitorLink(n, id), " in ", entryEvent(n, id), ` on firing point ${num(d.to)}`, from === null ? "" : ` (was ${from})`];
  },
  "entry.check_in": (n, _d, s, a) => [a, " checked in ", competitorLink(n, entryIdOf(s)), " for ", entryEvent(n, entryIdOf(s))],
  "entry.check_in_undone": (n, _d, s, a) => [a, " undid ", ...possessive(competitorLink(n, entryIdOf(s))), " check-in for ", entryEvent(n, entryIdOf(s))],
  "entry.walk_up": (n, d, s, a) => {
    const id = entryIdOf(s);
    const relayId = num(d.relay);
    const point = num(d.firingPoint);
    return [
      a, " entered ", competitorLink(n, id, str(d.name)), " at the range in ", entryEvent(n, id), ", ", relayLink(n, relayId),
      point === null ? "" : `, firing point ${point}`, d.paid === true ? ", paid at the range" : "",
    ];
  },
  "staff.add": (n, d, _s, a) => [a, " added ", staffLink(n, String(d.name ?? d.email ?? "someone")), ` to the staff as ${role(d.role)}`],
  "staff.invite": (n, d, _s, a) => [a, " invited ", staffLink(n, String(d.email ?? "someone")), ` to the staff as ${role(d.role)}`],
  "staff.remove": (n, d, _s, a) => [a, " removed ", String(d.name ?? "someone"), ` (${role(d.role)}) from the `, staffLink(n, "staff")],
  "staff.uninvite": (n, d, _s, a) => [a, ` cancelled the staff invitation for ${String(d.email ?? "someone")}`],
  "staff.join": (n, d, _s, a) => [a, " joined the ", staffLink(n, "staff"), ` as ${role(d.role)} (invited as ${String(d.email ?? "")})`],
  "results.official": (n, d, s, a) => [a, " marked the ", resultsLink(n), " of ", eventLink(n, idOf(s, "event"), str(d.event)), " official"],
  "results.unofficial": (n, d, s, a) => {
    const reason = str(d.reason);
    return [a, " reopened the ", resultsLink(n), " of ", eventLink(n, idOf(s, "event"), str(d.event)), ...(reason ? [": ", quoted(reason)] : [])];
  },
  "results.correction": (n, d, s, a) => correction(n, d, s, a, d.from, d.to ?? null),
  "shot.corrected": (n, d, s, a) => correction(n, d, s, a, d.from, d.to ?? null),
  "conflict.resolved": (n, d, s, a) => {
    const id = entryIdOf(s);
    const eventId = id ? (n.entries.get(id)?.eventId ?? null) : null;
    const shotNo = /\/(\d+)$/.exec(s)?.[1] ?? "";
    const reason = str(d.reason);
    const decision =
      d.kept === "incoming"
        ? `took ${shotText(n, eventId, d.value)} instead of ${shotText(n, eventId, d.replaced)}`
        : `kept ${shotText(n, eventId, d.value)}, the value that stood`;
    return [
      a, " settled a scoring conflict on ", ...possessive(competitorLink(n, id)), ` shot ${shotNo} in `, eventLink(n, eventId), `: ${decision}`,
      ...(reason ? [": ", quoted(reason)] : []),
    ];
  },
  "token.create": (n, d, _s, a) => [a, " created the scoring token ", { text: quoted(String(d.name ?? "")), href: `/admin/t/${n.slug}/results#tokens` }],
  "token.revoke": (n, d, _s, a) => [a, " revoked the scoring token ", { text: quoted(String(d.name ?? "")), href: `/admin/t/${n.slug}/results#tokens` }],
  "outbox.set_aside": (n, d, s) => {
    const id = entryIdOf(s);
    const what: Phrase = s.startsWith("entry:") ? ["the entry of ", competitorLink(n, id)] : id ? ["a shot of ", competitorLink(n, id)] : ["a scoring record"];
    return ["Tenring could not copy ", ...what, ` to the database and set it aside: ${String(d.error ?? "unknown error")}`];
  },
};

/** Who did it: the account's name, "Tenring" for the system's own rows. */
export function actorName(row: Pick<AuditRowInput, "actor" | "actorId">): string {
  return row.actor ?? (row.actorId === null ? "Tenring" : "A former account");
}

/** An audit row as one sentence in the tournament's zone and currency, with names and links instead of ids. */
export function auditSentence(row: AuditRowInput, names: AuditNames): Phrase {
  const wording = WORDINGS[row.action];
  const actor = actorName(row);
  if (!wording) return [actor, ` did ${row.action.replace(/[._]/g, " ")}`];
  return wording(names, detailOf(row.detail), row.subject, actor);
}

/** The actions with a sentence; a test checks every action written in src/ is among them. */
export const WORDED_ACTIONS: readonly string[] = Object.keys(WORDINGS);

/** A filter label for an action: "entry move" → "Entry moved" would need a table; this one reads plainly. */
export const ACTION_LABELS: Record<string, string> = {
  "tournament.create": "Tournament created",
  "tournament.edit": "Tournament changed",
  "tournament.publish": "Tournament published",
  "tournament.unpublish": "Tournament back to draft",
  "event.add": "Event added",
  "event.edit": "Event changed",
  "event.delete": "Event deleted",
  "relay.add": "Relay added",
  "relay.edit": "Relay changed",
  "relay.delete": "Relay deleted",
  "entry.move": "Entry moved",
  "entry.remove": "Entry removed",
  "entry.paid": "Paid at the range",
  "entry.firing_point": "Firing point set",
  "entry.check_in": "Checked in",
  "entry.check_in_undone": "Check-in undone",
  "entry.walk_up": "Walk-up entry",
  "staff.add": "Staff added",
  "staff.invite": "Staff invited",
  "staff.remove": "Staff removed",
  "staff.uninvite": "Invitation cancelled",
  "staff.join": "Staff joined",
  "results.official": "Results official",
  "results.unofficial": "Results reopened",
  "results.correction": "Shot corrected (form)",
  "shot.corrected": "Shot corrected",
  "conflict.resolved": "Conflict settled",
  "token.create": "Scoring token created",
  "token.revoke": "Scoring token revoked",
  "outbox.set_aside": "Copy set aside",
  ...PRACTICAL_ACTION_LABELS,
};
