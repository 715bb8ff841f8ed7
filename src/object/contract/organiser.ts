/** Organiser admin: moves, walk-ups, check-in, firing points, official results (src/object/organiser). */
import { z } from "zod";
import type { WalkUpOutcome } from "../../domain/registration/organiser.ts";
import { entryIdSchema, positiveId } from "./registration.ts";
import { practicalChoiceSchema, type PracticalRefusalReason } from "./practical.ts";

/**
 * `relayId` is another relay of the entry's event, with a free firing point (reserved ones count);
 * `byUserId` is the organiser moving it (checked by the Worker against tournament_staff).
 */
export const moveRequestSchema = z.object({ entryId: entryIdSchema, relayId: positiveId, byUserId: positiveId });
export type MoveRequest = z.infer<typeof moveRequestSchema>;

/** A walk-up as the Worker asks for it; the organiser (`byUserId`) is checked against tournament_staff. */
export const walkUpRequestSchema = z.object({
  userId: positiveId,
  eventId: positiveId,
  relayId: positiveId,
  byUserId: positiveId,
  idempotencyKey: z.string().min(1).max(200),
  /** Division and power factor: required for a practical event, as at registration. */
  practical: practicalChoiceSchema.optional(),
});
export type WalkUpRequest = z.infer<typeof walkUpRequestSchema>;

/** A walk-up entry moving to the account that claimed it (the Worker checked the claim link and the address). */
export const reassignRequestSchema = z.object({ entryId: entryIdSchema, fromUserId: positiveId, toUserId: positiveId });
export type ReassignRequest = z.infer<typeof reassignRequestSchema>;

/** A firing point to put an entry on (whether the relay has it is the rules' answer). */
export const firingPointSchema = z.number().int();

/** A walk-up entry is confirmed at once, or refused (relay full, already entered, ...). */
export type WalkUpResult = WalkUpOutcome | { outcome: "refused"; reason: PracticalRefusalReason; message: string };

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
