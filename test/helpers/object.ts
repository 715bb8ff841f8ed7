import { env } from "cloudflare:workers";
import { TournamentClient } from "../../src/object-client/client.ts";
import { db } from "./d1.ts";

/** The tournament's Durable Object itself, for tests that call it as the Worker's client does not. */
export function tournamentStub(bindings: Pick<Env, "TOURNAMENT">, tournamentId: number) {
  return bindings.TOURNAMENT.get(bindings.TOURNAMENT.idFromName(String(tournamentId)));
}

/** The Worker's client of a tournament, as routes use it. */
export function clientOf(tournamentId: number): TournamentClient {
  return new TournamentClient(env, db, tournamentId);
}
