import { isActive } from "../../domain/registration/types.ts";
import { randomToken } from "../../lib/encoding.ts";
import type { EntryView, EventSnapshot, TournamentSnapshot, WindowState } from "../../object/contract/index.ts";
import type { RelayName } from "../../views/competitor/entry-summary.tsx";
import type { EventBlockBody, EventBlockProps, RelayChoice } from "../../views/competitor/event-block.tsx";
import type { PracticalFormChoice } from "../../views/competitor/practical-choice.tsx";
import { eventOf, relayOf, type TournamentFacts } from "./facts.ts";

/** A fresh idempotency key for a form about to be shown. */
export const newFormKey = () => randomToken(18);

export function relayChoices(event: EventSnapshot): RelayChoice[] {
  return event.relays.map((r) => ({ id: r.id, name: r.name, startsAt: r.startsAt, placesLeft: r.placesLeft }));
}

/** The relays of an event as D1 names them, without figures (used when the object is not asked again). */
export function relayChoicesFromFacts(facts: TournamentFacts, eventId: number): RelayChoice[] {
  return facts.relays.filter((r) => r.eventId === eventId).map((r) => ({ id: r.id, name: r.name, startsAt: r.startsAt, placesLeft: null }));
}

/** The relay's name and start: the object's configuration first, D1's otherwise (a relay no longer offered). */
export function relayName(facts: TournamentFacts, snapshot: TournamentSnapshot | null, relayId: number | null): RelayName | undefined {
  if (relayId === null) return undefined;
  for (const e of snapshot?.events ?? []) {
    const r = e.relays.find((x) => x.id === relayId);
    if (r) return { name: r.name, startsAt: r.startsAt };
  }
  return relayOf(facts, relayId);
}

/** Events in the organiser's order (D1 positions); those D1 does not know yet go last. */
function ordered(facts: TournamentFacts, events: EventSnapshot[]): EventSnapshot[] {
  const position = new Map(facts.events.map((e, i) => [e.id, i]));
  return [...events].sort((a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity) || a.id - b.id);
}

export function activeEntryIn(entries: EntryView[], eventId: number): EntryView | undefined {
  return entries.find((e) => e.eventId === eventId && isActive(e.status));
}

/** A practical event's form asks for division and power factor too (`choice`: what was sent, and why it was refused). */
export function block(
  facts: TournamentFacts,
  event: { id: number; title: string },
  body: EventBlockBody,
  choice: Omit<PracticalFormChoice, "divisions"> = {},
): EventBlockProps {
  const divisions = eventOf(facts, event.id)?.divisions;
  const withChoice = body.kind === "form" && divisions ? { ...body, practical: { divisions, ...choice } } : body;
  return { slug: facts.slug, tournamentId: facts.id, zone: facts.timeZone, event, body: withChoice };
}

/**
 * One block per event: the competitor's entry where they have one, a form where they may register
 * (only while open), nothing otherwise.
 */
export function eventBlocks(facts: TournamentFacts, snapshot: TournamentSnapshot, entries: EntryView[], state: WindowState): EventBlockProps[] {
  const blocks: EventBlockProps[] = [];
  for (const event of ordered(facts, snapshot.events)) {
    const mine = activeEntryIn(entries, event.id);
    if (mine) {
      blocks.push(block(facts, event, { kind: "entry", entry: mine, relay: relayName(facts, snapshot, mine.relayId), justNow: false }));
    } else if (state === "open") {
      blocks.push(block(facts, event, { kind: "form", relays: relayChoices(event), key: newFormKey() }));
    }
  }
  return blocks;
}
