/**
 * What the Worker and the tournament Durable Object say to each other over RPC.
 * The DO decides; these are the shapes of its decisions.
 */

export type EntryStatus = "confirmed" | "held" | "waitlisted" | "withdrawn" | "removed";

export interface RelayConfig {
  id: number;
  eventId: number;
  name: string;
  startsAt: number;
  firingPoints: number;
  /** Places kept for staff and pre-match shooters; normal registration cannot take them. */
  reserved: number;
}

export interface EventConfig {
  id: number;
  title: string;
  discipline: string;
}

/** Everything the DO needs to decide registrations; pushed by the Worker whenever an organiser changes it. */
export interface TournamentConfig {
  tournamentId: number;
  /** The D1 revision this configuration came from; an older push never overwrites a newer one. */
  revision: number;
  registrationOpensAt: number;
  registrationClosesAt: number;
  /** Minutes an unpaid entry is held before its place is released; 0 when there is no fee. */
  holdMinutes: number;
  events: EventConfig[];
  relays: RelayConfig[];
}

export interface EntryView {
  id: string;
  tournamentId: number;
  eventId: number;
  relayId: number | null;
  userId: number;
  status: EntryStatus;
  seq: number;
  firingPoint: number | null;
  /** 1-based place on the event's waitlist, for waitlisted entries. */
  waitlistPosition: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface RegisterRequest {
  userId: number;
  eventId: number;
  relayId: number | "any";
  /** From the form token or the Idempotency-Key header: the same key returns the first answer. */
  idempotencyKey: string;
}

export type RefusalReason =
  | "not_open"
  | "closed"
  | "already_entered"
  | "unknown_event"
  | "unknown_relay"
  | "rate_limited"
  | "not_configured";

export type RegisterResult =
  | { outcome: "confirmed" | "held" | "waitlisted"; entry: EntryView; replayed: boolean }
  | { outcome: "refused"; reason: RefusalReason; message: string; replayed: boolean };
