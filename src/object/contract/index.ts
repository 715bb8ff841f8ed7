/**
 * What the Worker and the tournament Durable Object say to each other over RPC.
 * The DO decides; these are the shapes of its decisions. Times are epoch milliseconds (UTC).
 * Inputs are zod schemas with inferred types (the object parses them at its door); outputs are interfaces.
 */
export * from "./organiser.ts";
export * from "./scoring.ts";
export * from "./registration.ts";
export * from "./call.ts";
export type * from "./outbox.ts";
export type * from "./monitoring.ts";
export * from "./finals.ts";
export * from "./practical.ts";
export * from "./payments.ts";
