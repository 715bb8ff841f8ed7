/** Finals: creating one from a qualification, final and shoot-off shots, the final as pages read it (src/object/finals). */
import { z } from "zod";
import { FINAL_FORMATS } from "../../domain/scoring/rulebook.ts";
import { positiveId } from "./registration.ts";
import { MAX_OPS_PER_BATCH, shotOpSchema } from "./scoring.ts";

const formatIds = FINAL_FORMATS.map((f) => f.id) as [string, ...string[]];

export const createFinalSchema = z.object({
  eventId: positiveId,
  formatId: z.enum(formatIds, "Choose one of the final formats"),
  createdBy: positiveId.nullable(),
});
export type CreateFinalInput = z.infer<typeof createFinalSchema>;

/**
 * A final's shot: a shot operation (stored units are tenths: every final scores decimals) and, for a shoot-off
 * shot, the elimination point it decides (`shootOffAfter`: 12 for a tie at the first 10 m elimination, 24 for
 * gold), with `shotNo` the shoot-off shot's number (1, 2, …).
 */
export const finalShotOpSchema = z.intersection(
  shotOpSchema,
  z.object({ shootOffAfter: z.number().int().min(1, "shootOffAfter names an elimination point (e.g. 12)").max(1000).optional() }),
);
export type FinalShotOpInput = z.infer<typeof finalShotOpSchema>;

export const finalShotBatchSchema = z.object({
  ops: z.array(finalShotOpSchema).min(1, "Send at least one operation").max(MAX_OPS_PER_BATCH, `Send at most ${MAX_OPS_PER_BATCH} operations per request`),
});

export type CreateFinalResult =
  | { outcome: "created"; finalId: number }
  | {
      outcome: "refused";
      reason: "unknown_event" | "no_final" | "final_exists" | "too_few" | "tie_for_last_place";
      message: string;
      /** With a tie for the last place in the final: the entries still equal. */
      tied: string[];
    };

/** One shot of a final as pages read it: tenths, position in hundredths of a mm (null without one). */
export interface FinalShotView {
  shotNo: number;
  value: number;
  innerTen: boolean;
  x: number | null;
  y: number | null;
}

export interface FinalistView {
  entryId: string;
  userId: number;
  /** 1 for the best qualifier. */
  startOrder: number;
  shots: FinalShotView[];
  /** Shoot-off shots by the elimination point they decide. */
  shootOffs: Record<number, FinalShotView[]>;
}

export interface FinalView {
  id: number;
  eventId: number;
  eventTitle: string;
  discipline: string;
  formatId: string;
  /** Changes applied so far: the finals scoreboard's sequence number. */
  seq: number;
  finalists: FinalistView[];
}

export interface FinalSummary {
  id: number;
  eventId: number;
  formatId: string;
  createdAt: number;
}
