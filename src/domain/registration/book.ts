import type { RegistrationOutcome } from "./outcomes.ts";
import type { EntryRecord, EventRecord, RelayLoad, RelayRecord, Settings } from "./types.ts";

/** The configuration a tournament object decides with (what `configure` receives). */
export interface Configuration {
  settings: Settings;
  events: Omit<EventRecord, "active">[];
  relays: Omit<RelayRecord, "active">[];
}

/** An accepted registration kept under its idempotency key. */
export interface Remembered {
  /** What was asked (`<eventId>:<relay>`): the same key with a different request is refused. */
  fingerprint: string;
  outcome: RegistrationOutcome;
}

/**
 * The registration state one tournament's rules read and write, synchronously. The tournament object
 * implements it over its SQLite storage (inside one transaction); `MemoryBook` over plain arrays.
 */
export interface Book {
  settings(): Settings | null;
  /** Writes the configuration: listed events and relays become active, unlisted ones inactive (kept). */
  writeConfiguration(config: Configuration): void;
  event(id: number): EventRecord | null;
  relay(id: number): RelayRecord | null;
  events(): EventRecord[];
  /** The event's relays (active or not) with their confirmed and held counts. */
  relaysOf(eventId: number): RelayLoad[];
  entry(id: string): EntryRecord | null;
  activeEntryOf(userId: number, eventId: number): EntryRecord | null;
  /** Firing points held by the relay's confirmed and held entries (entries without one are left out). */
  takenFiringPoints(relayId: number): number[];
  /** The event's waitlist length (positions are contiguous, so the last position). */
  waitlistLength(eventId: number): number;
  /** The event's waitlisted entries in sequence order. */
  waitlist(eventId: number): EntryRecord[];
  /** Held entries whose hold ended at or before `now`. */
  dueHolds(now: number): EntryRecord[];
  /** The next sequence number; each call returns a higher one. */
  nextSeq(): number;
  /** Times of counted register attempts by the user after `since`, oldest first. */
  attemptTimes(userId: number, since: number): number[];
  recordAttempt(userId: number, at: number): void;
  recall(userId: number, key: string): Remembered | null;
  remember(userId: number, key: string, value: Remembered): void;
  /** Inserts or replaces the entry (and, in the tournament object, queues it for D1). */
  save(entry: EntryRecord): void;
}
