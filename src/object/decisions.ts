import { type Clock, decisionClock } from "../domain/registration/clock.ts";
import type { SqliteBook } from "./registration/sqlite-book.ts";

export interface DecisionsPort {
  /** When each part of the object next wants the alarm (outboxes, hold expiry); null for "not at all". */
  dueTimes(now: number): (number | null)[];
  /** Entries may have changed: whatever was kept from them must be read again. */
  entriesChanged(): void;
}

/**
 * The object's one way of changing state: decide in one synchronous transaction (nothing awaited inside,
 * so no other request interleaves), then set the alarm that copies the change to D1. Every delegate
 * (registration, organiser, scoring) writes through here.
 */
export class Decisions {
  /** The alarm this instance knows to be pending; null when none is. */
  private alarmAt: number | null = null;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly book: SqliteBook,
    private readonly port: DecisionsPort,
  ) {}

  /** Learns the pending alarm (call once the schema is migrated) and sets one if work is already due. */
  async start(): Promise<void> {
    this.alarmAt = await this.storage.getAlarm();
    await this.scheduleAlarm();
  }

  /** One decision on the object's clock, without setting the alarm (the alarm itself sets it when done). */
  decide<T>(rule: (clock: Clock) => T): T {
    const now = Date.now();
    const result = this.storage.transactionSync(() => rule(decisionClock(now, (at) => this.book.advanceStamp(at))));
    this.port.entriesChanged();
    return result;
  }

  /** A decision, then the alarm: the answer leaves once both are durable. */
  async commit<T>(rule: (clock: Clock) => T): Promise<T> {
    const result = this.decide(rule);
    await this.scheduleAlarm();
    return result;
  }

  /** Work that runs its own transaction (scoring), then the alarm. */
  async withAlarm<T>(work: () => T): Promise<T> {
    const result = work();
    await this.scheduleAlarm();
    return result;
  }

  /** The alarm has started: nothing is pending until it sets the next one. */
  alarmRan(): void {
    this.alarmAt = null;
  }

  /** Sets the alarm for the earliest work due unless an earlier one is pending. Called late, after the decision. */
  async scheduleAlarm(): Promise<void> {
    const now = Date.now();
    if (this.alarmAt !== null && this.alarmAt <= now) return;
    const due = this.port.dueTimes(now).filter((t): t is number => t !== null);
    if (due.length === 0) return;
    const at = Math.min(...due);
    if (this.alarmAt !== null && this.alarmAt <= at) return;
    this.alarmAt = at;
    await this.storage.setAlarm(at);
  }
}
