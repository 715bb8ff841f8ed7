/** Organiser admin: moves, walk-ups, check-in, firing points, official results (src/object/organiser). */
import type { WalkUpCommand, WalkUpOutcome } from "../../domain/registration/organiser.ts";

export interface MoveRequest {
  entryId: string;
  /** Another relay of the entry's event; it must have a free firing point (reserved ones count). */
  relayId: number;
  /** The organiser moving it (checked by the Worker against tournament_staff). */
  byUserId: number;
}

/** A walk-up as the Worker asks for it; the organiser (`byUserId`) is checked against tournament_staff. */
export type WalkUpRequest = Omit<WalkUpCommand, "idSuffix">;

/** A walk-up entry is confirmed at once, or refused (relay full, already entered, ...). */
export type WalkUpResult = WalkUpOutcome;

export interface CheckInCount {
  relayId: number;
  /** Confirmed and held entries on the relay. */
  expected: number;
  checkedIn: number;
}

/** Keeping the standing value of a conflicting slot: `settled` lists the conflicts (op ids) it closed. */
export interface KeepStandingResult {
  outcome: "resolved" | "unchanged" | "not_found";
  settled: string[];
}
