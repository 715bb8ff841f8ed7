/**
 * The shot schemas live in the contract (src/object/contract/scoring.ts). This module only keeps the path
 * the Worker's shot API imports them from; new code imports the contract.
 */
export { MAX_OPS_PER_BATCH, shotBatchSchema, shotOpSchema } from "../contract/index.ts";
