/**
 * What the Worker and the tournament Durable Object say to each other over RPC.
 * The DO decides; these are the shapes of its decisions. Times are epoch milliseconds (UTC).
 */
export type * from "./contract/admin.ts";
export type * from "./contract/live.ts";
export type * from "./contract/registration.ts";
