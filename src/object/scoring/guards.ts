import { z } from "zod";
import type { ScoringActor, ShotOpInput } from "../contract/index.ts";

/** Most operations one request (and one transaction) may carry. */
export const MAX_OPS_PER_BATCH = 500;

/**
 * The shape of one operation. Only types and sizes are checked here: whether a value or shot number is
 * possible depends on the event's discipline and is answered per operation (`rejected` with a reason).
 */
export const shotOpSchema = z
  .object({
    opId: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9._:-]+$/, "Use letters, digits and . _ : - (a UUID is best)"),
    entryId: z.string().min(1).max(100),
    shotNo: z.number().finite(),
    value: z.number().finite().nullable().optional(),
    display: z.string().trim().min(1).max(20).optional(),
    innerTen: z.boolean().optional(),
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    deviceId: z.string().min(1).max(100).optional(),
    deviceSeq: z.number().int().nonnegative().optional(),
    enteredAt: z.number().int().nonnegative().optional(),
    replaces: z.object({ value: z.number().finite(), innerTen: z.boolean().optional() }).optional(),
    reason: z.string().max(500).optional(),
  })
  .refine((op) => op.value !== undefined || op.display !== undefined, {
    message: "Send the score as value (stored units, e.g. 104 for 10.4) or as display (e.g. \"10.4\")",
    path: ["value"],
  });

export const shotBatchSchema = z.object({
  ops: z
    .array(shotOpSchema)
    .min(1, "Send at least one operation")
    .max(MAX_OPS_PER_BATCH, `Send at most ${MAX_OPS_PER_BATCH} operations per request`),
});

const actorSchema = z.object({
  userId: z.number().int().positive().nullable(),
  tokenId: z.number().int().positive().nullable(),
  via: z.enum(["session", "token", "scoring_token"]),
});

/** The object's own check of RPC arguments: the last line before storage. */
export function checkShots(ops: ShotOpInput[], actor: ScoringActor): { ops: ShotOpInput[]; actor: ScoringActor } {
  return { ops: shotBatchSchema.parse({ ops }).ops, actor: actorSchema.parse(actor) };
}

/** A client's message on a scoreboard socket: the sequence number its page has applied. */
export const helloSchema = z.object({ type: z.literal("hello"), seq: z.number().int().nonnegative() });
