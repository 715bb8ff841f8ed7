import { DurableObject } from "cloudflare:workers";

/** The single writer for one tournament's entries and live scores. */
export class TournamentObject extends DurableObject<Env> {}
