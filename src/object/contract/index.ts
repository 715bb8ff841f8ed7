/**
 * What the Worker and the tournament Durable Object say to each other over RPC.
 * The DO decides; these are the shapes of its decisions. Times are epoch milliseconds (UTC).
 */
export type * from "./organiser.ts";
export type * from "./scoring.ts";
export type * from "./registration.ts";
