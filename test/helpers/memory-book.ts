import type { Book, Configuration, Remembered } from "../../src/domain/registration/book.ts";
import { type EntryRecord, type EventRecord, isActive, occupiesPlace, type RelayLoad, type RelayRecord, type Settings } from "../../src/domain/registration/types.ts";

/** The registration state in plain memory: the reference `Book` for unit and model tests of the rules. */
export class MemoryBook implements Book {
  private config: Settings | null = null;
  private readonly eventRows = new Map<number, EventRecord>();
  private readonly relayRows = new Map<number, RelayRecord>();
  private readonly entryRows = new Map<string, EntryRecord>();
  private readonly attempts: { userId: number; at: number }[] = [];
  private readonly keys = new Map<string, Remembered>();
  private seq = 0;

  settings(): Settings | null {
    return this.config;
  }

  writeConfiguration(config: Configuration): void {
    this.config = { ...config.settings };
    for (const e of this.eventRows.values()) e.active = false;
    for (const r of this.relayRows.values()) r.active = false;
    for (const e of config.events) this.eventRows.set(e.id, { ...e, active: true });
    for (const r of config.relays) this.relayRows.set(r.id, { ...r, active: true });
  }

  event(id: number): EventRecord | null {
    return this.eventRows.get(id) ?? null;
  }

  relay(id: number): RelayRecord | null {
    return this.relayRows.get(id) ?? null;
  }

  events(): EventRecord[] {
    return [...this.eventRows.values()];
  }

  relaysOf(eventId: number): RelayLoad[] {
    const all = [...this.entryRows.values()];
    return [...this.relayRows.values()]
      .filter((r) => r.eventId === eventId)
      .map((r) => ({
        ...r,
        confirmed: all.filter((e) => e.relayId === r.id && e.status === "confirmed").length,
        held: all.filter((e) => e.relayId === r.id && e.status === "held").length,
      }));
  }

  entry(id: string): EntryRecord | null {
    return this.entryRows.get(id) ?? null;
  }

  activeEntryOf(userId: number, eventId: number): EntryRecord | null {
    for (const e of this.entryRows.values()) if (e.userId === userId && e.eventId === eventId && isActive(e.status)) return e;
    return null;
  }

  takenFiringPoints(relayId: number): number[] {
    return [...this.entryRows.values()]
      .filter((e) => e.relayId === relayId && occupiesPlace(e.status) && e.firingPoint !== null)
      .map((e) => e.firingPoint as number);
  }

  waitlistLength(eventId: number): number {
    return this.waitlist(eventId).length;
  }

  waitlist(eventId: number): EntryRecord[] {
    return [...this.entryRows.values()]
      .filter((e) => e.eventId === eventId && e.status === "waitlisted")
      .sort((a, b) => a.seq - b.seq);
  }

  dueHolds(now: number): EntryRecord[] {
    return [...this.entryRows.values()].filter((e) => e.status === "held" && e.holdUntil !== null && e.holdUntil <= now);
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  attemptTimes(userId: number, since: number): number[] {
    return this.attempts.filter((a) => a.userId === userId && a.at > since).map((a) => a.at);
  }

  recordAttempt(userId: number, at: number): void {
    this.attempts.push({ userId, at });
  }

  recall(userId: number, key: string): Remembered | null {
    return this.keys.get(`${userId}\u0000${key}`) ?? null;
  }

  remember(userId: number, key: string, value: Remembered): void {
    this.keys.set(`${userId}\u0000${key}`, structuredClone(value));
  }

  save(entry: EntryRecord): void {
    this.entryRows.set(entry.id, { ...entry });
  }

  /** Every entry, in sequence order (for tests). */
  entries(): EntryRecord[] {
    return [...this.entryRows.values()].sort((a, b) => a.seq - b.seq);
  }
}
