/**
 * A deliberately naive reference model of the registration rules, written apart from src/domain: it keeps
 * a flat list and recomputes everything (free places, positions, promotions) from scratch on every step.
 * Tests drive it and the real code with the same commands and compare.
 */
export interface ModelRelay {
  id: number;
  eventId: number;
  startsAt: number;
  firingPoints: number;
  reserved: number;
}

export interface ModelEntry {
  /** The id the system under test gave the entry. */
  id: string;
  userId: number;
  eventId: number;
  /** Relay of the place, or the relay waited for (null: any). */
  relayId: number | null;
  status: "confirmed" | "waitlisted" | "withdrawn" | "removed";
  seq: number;
}

export type ModelAnswer =
  | { kind: "confirmed" | "waitlisted"; relayId: number | null; position: number | null; replayed: boolean }
  | { kind: "refused"; reason: string; replayed: false };

export class ReferenceModel {
  entries: ModelEntry[] = [];
  private seq = 0;
  private readonly keys = new Map<string, { fingerprint: string; answer: ModelAnswer }>();

  constructor(
    public relays: ModelRelay[],
    readonly eventIds: number[],
  ) {}

  free(relay: ModelRelay): number {
    const taken = this.entries.filter((e) => e.relayId === relay.id && e.status === "confirmed").length;
    return Math.max(0, relay.firingPoints - relay.reserved - taken);
  }

  /** The relay a request would get now, or null. */
  private placeFor(eventId: number, wanted: number | null): number | null {
    const candidates = this.relays
      .filter((r) => r.eventId === eventId && (wanted === null || r.id === wanted))
      .sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
    return candidates.find((r) => this.free(r) > 0)?.id ?? null;
  }

  position(entry: ModelEntry): number | null {
    if (entry.status !== "waitlisted") return null;
    const line = this.entries.filter((e) => e.eventId === entry.eventId && e.status === "waitlisted").sort((a, b) => a.seq - b.seq);
    return line.indexOf(entry) + 1;
  }

  active(userId: number, eventId: number): ModelEntry | undefined {
    return this.entries.find((e) => e.userId === userId && e.eventId === eventId && (e.status === "confirmed" || e.status === "waitlisted"));
  }

  /** What a registration should answer; `accept(id)` records it once the system named the new entry. */
  register(userId: number, eventId: number, relay: number | "any", key: string): { answer: ModelAnswer; accept?: (id: string) => void } {
    const fingerprint = `${eventId}:${relay}`;
    const seen = this.keys.get(`${userId}/${key}`);
    if (seen) {
      if (seen.fingerprint !== fingerprint) return { answer: { kind: "refused", reason: "idempotency_key_reused", replayed: false } };
      return { answer: { ...seen.answer, replayed: true } as ModelAnswer };
    }
    this.seq += 1;
    const refuse = (reason: string) => ({ answer: { kind: "refused", reason, replayed: false } as ModelAnswer });
    if (!this.eventIds.includes(eventId)) return refuse("unknown_event");
    if (relay !== "any" && this.relays.find((r) => r.id === relay)?.eventId !== eventId) return refuse("unknown_relay");
    if (this.active(userId, eventId)) return refuse("already_entered");
    const wanted = relay === "any" ? null : relay;
    const place = this.placeFor(eventId, wanted);
    const entry: ModelEntry = {
      id: "",
      userId,
      eventId,
      relayId: place ?? wanted,
      status: place === null ? "waitlisted" : "confirmed",
      seq: this.seq,
    };
    const answer: ModelAnswer = {
      kind: entry.status as "confirmed" | "waitlisted",
      relayId: entry.relayId,
      position: place === null ? this.entries.filter((e) => e.eventId === eventId && e.status === "waitlisted").length + 1 : null,
      replayed: false,
    };
    return {
      answer,
      accept: (id) => {
        entry.id = id;
        this.entries.push(entry);
        this.keys.set(`${userId}/${key}`, { fingerprint, answer });
      },
    };
  }

  /** Any active entry leaves; the waitlists are filled again from scratch. */
  leave(entry: ModelEntry, status: "withdrawn" | "removed"): void {
    entry.status = status;
    this.fill();
  }

  setCapacity(relayId: number, firingPoints: number, reserved: number): void {
    this.relays = this.relays.map((r) => (r.id === relayId ? { ...r, firingPoints, reserved } : r));
    this.fill();
  }

  /** Repeatedly promotes the earliest waiting entry that fits until none does. */
  private fill(): void {
    for (;;) {
      const waiting = this.entries.filter((e) => e.status === "waitlisted").sort((a, b) => a.seq - b.seq);
      const next = waiting.find((e) => this.placeFor(e.eventId, e.relayId) !== null);
      if (!next) return;
      next.relayId = this.placeFor(next.eventId, next.relayId);
      next.status = "confirmed";
    }
  }
}
