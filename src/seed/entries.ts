import { openDb } from "../db/client.ts";
import { TournamentClient } from "../object-client/client.ts";
import { configurationOf } from "../object-client/configuration.ts";
import type { StoredDemo } from "./demo.ts";
import { COMPETITOR, type DemoTournament, FILLERS, ORGANISER } from "./plan.ts";

export interface EntrySeedCounts {
  entries: number;
  confirmed: number;
  waitlisted: number;
  /** Already registered by an earlier seed (same idempotency key): nothing new. */
  replayed: number;
  refused: number;
}

type Placed = "confirmed" | "waitlisted" | "replayed" | "refused";
type EntryRequest = { userId: number; eventId: number; relayId: number; idempotencyKey: string };

async function register(desk: TournamentClient, request: EntryRequest): Promise<Placed> {
  const result = await desk.call("register", request);
  if (result.replayed) return "replayed";
  return result.outcome === "refused" ? "refused" : result.outcome === "waitlisted" ? "waitlisted" : "confirmed";
}

/** The organiser's walk-up, checked in at once (checking in again changes nothing). */
async function walkUp(desk: TournamentClient, request: EntryRequest, organiserId: number): Promise<Placed> {
  const result = await desk.call("addEntry", { ...request, byUserId: organiserId });
  if (result.outcome === "refused") return "refused";
  await desk.call("checkIn", result.entry.id, true);
  return result.replayed ? "replayed" : "confirmed";
}

/** Walk-ups at the range: the demo competitor first, then the fillers. */
const AT_THE_RANGE = [COMPETITOR, ...FILLERS];

/**
 * Tells each demo tournament's Durable Object its configuration, then enters the planned competitors
 * through it, the one writer of entries (its outbox copies them to D1): by registration while the window is
 * open, as the organiser's checked-in walk-ups where the match days have come. Keys are stable, so a second
 * seed replays the first answers and adds nothing.
 */
export async function seedDemoEntries(env: Env, plan: DemoTournament[], stored: StoredDemo): Promise<EntrySeedCounts> {
  const counts: EntrySeedCounts = { entries: 0, confirmed: 0, waitlisted: 0, replayed: 0, refused: 0 };
  const db = openDb(env.DB);
  for (const planned of plan) {
    const t = stored.tournaments.find((s) => s.slug === planned.slug);
    if (!t) throw new Error(`Demo tournament ${planned.slug} is missing from D1 after seeding.`);
    const desk = new TournamentClient(env, db, t.id);
    const organiserId = stored.userIds.get(ORGANISER.email)!;
    // Demo entries count as paid at the range, so none expires and the nearly full relays stay nearly full.
    await desk.call("configure", { ...configurationOf(t, t.events, t.relays), holdMinutes: 0 });
    for (const event of planned.events) {
      const storedEvent = t.events.find((e) => e.position === event.position);
      if (!storedEvent) throw new Error(`Demo event ${event.title} of ${planned.slug} is missing from D1.`);
      // Each filler enters an event once; successive relays take the next fillers.
      let next = 0;
      for (const relay of event.relays) {
        const storedRelay = t.relays.find((r) => r.eventId === storedEvent.id && r.name === relay.name);
        if (!storedRelay) throw new Error(`Demo relay ${relay.name} of ${event.title} is missing from D1.`);
        for (let i = 0; i < relay.fill; i++, next++) {
          const competitor = (planned.entries === "walk-up" ? AT_THE_RANGE : FILLERS)[next];
          const userId = competitor && stored.userIds.get(competitor.email);
          if (!competitor || userId === undefined) throw new Error(`Not enough demo competitors to fill ${event.title}.`);
          const idempotencyKey = `demo:${planned.slug}:${event.position}:${competitor.email}`;
          const request = { userId, eventId: storedEvent.id, relayId: storedRelay.id, idempotencyKey };
          const placed = planned.entries === "walk-up" ? await walkUp(desk, request, organiserId) : await register(desk, request);
          if (placed === "confirmed" || placed === "waitlisted") counts.entries++;
          counts[placed]++;
        }
      }
    }
  }
  return counts;
}
