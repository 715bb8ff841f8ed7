import { z } from "zod";
import type { MoveRequest, WalkUpRequest } from "../contract/index.ts";

/** The object's own check of the organiser RPCs' arguments (the Worker has validated the forms). */
const id = z.number().int().positive();
const entryId = z.string().min(1).max(100);

const moveRequest = z.object({ entryId, relayId: id, byUserId: id });
const walkUpRequest = z.object({
  userId: id,
  eventId: id,
  relayId: id,
  byUserId: id,
  idempotencyKey: z.string().min(1).max(200),
});

export function checkMove(req: MoveRequest): MoveRequest {
  return moveRequest.parse(req);
}

export function checkWalkUp(req: WalkUpRequest): WalkUpRequest {
  return walkUpRequest.parse(req);
}

export function checkEntryId(value: string): string {
  return entryId.parse(value);
}

/** A shot operation id (the conflict's), as the live scoring accepts them. */
export function checkOpId(value: string): string {
  return z.string().min(1).max(100).regex(/^[A-Za-z0-9._:-]+$/).parse(value);
}

export function checkPoint(value: number): number {
  return z.number().int().parse(value);
}

export function checkEventId(value: number): number {
  return id.parse(value);
}
