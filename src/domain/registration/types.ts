/** The registration domain's own vocabulary; the RPC contract re-exports it. */

export type EntryStatus = "confirmed" | "held" | "waitlisted" | "withdrawn" | "removed" | "expired";

/** Statuses that count as "the competitor's entry in this event": at most one per competitor and event. */
export type ActiveStatus = "confirmed" | "held" | "waitlisted";

export function isActive(status: EntryStatus): status is ActiveStatus {
  return status === "confirmed" || status === "held" || status === "waitlisted";
}

/** Confirmed and held entries occupy a firing point; waitlisted ones do not. */
export function occupiesPlace(status: EntryStatus): status is "confirmed" | "held" {
  return status === "confirmed" || status === "held";
}

export interface EntryRecord {
  /** `<tournamentId>-<random>`: the id alone tells which tournament object holds the entry. */
  id: string;
  tournamentId: number;
  eventId: number;
  /**
   * Confirmed or held: the relay of the place. Waitlisted: the relay waited for, or null for "any relay of
   * the event". Withdrawn, removed or expired: the last value, kept for the record.
   */
  relayId: number | null;
  userId: number;
  status: EntryStatus;
  /** Order of arrival in the tournament object: places and waitlist positions follow it. */
  seq: number;
  /** The lowest free point of the relay when the entry got its place (then kept); organisers may change it. */
  firingPoint: number | null;
  /** 1-based place on the event's waitlist while waitlisted, else null. */
  waitlistPosition: number | null;
  /** Held entries: when the unpaid hold lapses. Expired entries keep the time it lapsed. */
  holdUntil: number | null;
  /** Why an organiser removed the entry. */
  note: string | null;
  /** When the competitor was checked in at the range; null until then (an undo clears it). */
  checkedInAt: number | null;
  createdAt: number;
  /** Strictly increasing across the tournament's changes: the organisers' change feed and D1 copies key on it. */
  updatedAt: number;
}

export interface EventRecord {
  id: number;
  title: string;
  discipline: string;
  /** False once the organiser removed the event from the configuration: no new entries, old ones kept. */
  active: boolean;
}

export interface RelayRecord {
  id: number;
  eventId: number;
  name: string;
  startsAt: number;
  firingPoints: number;
  /** Places kept for staff and pre-match shooters; normal registration cannot take them. */
  reserved: number;
  /** False once the organiser removed the relay: its entries stay, it takes no new ones. */
  active: boolean;
}

/** A relay with the places currently taken on it. */
export interface RelayLoad extends RelayRecord {
  confirmed: number;
  held: number;
}

export interface Settings {
  tournamentId: number;
  revision: number;
  opensAt: number;
  closesAt: number;
  /** Minutes a new entry is held until paid; 0 when there is no fee (entries are confirmed at once). */
  holdMinutes: number;
  /** Refund policy for paid entries that withdraw (src/domain/payments/refund-policy.ts). */
  refundFullUntil?: number | null | undefined;
  refundSharePercent?: number | undefined;
}

export type RefusalReason =
  | "not_open"
  | "closed"
  | "already_entered"
  | "unknown_event"
  | "unknown_relay"
  | "rate_limited"
  | "not_configured"
  | "idempotency_key_reused";

export type ChangeRefusalReason =
  | "not_found"
  | "not_active"
  | "not_held"
  | "hold_expired"
  | "not_configured"
  // Organiser changes (src/domain/registration/organiser.ts, firing-points.ts):
  | "unknown_event"
  | "unknown_relay"
  | "relay_full"
  | "already_entered"
  | "no_place"
  | "point_taken"
  | "point_out_of_range";
