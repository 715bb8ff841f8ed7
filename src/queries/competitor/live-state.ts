import type { Db } from "../../db/client.ts";
import type { EntryView, TournamentSnapshot } from "../../object/contract/index.ts";
import { tournamentStub } from "../../object-client/stub.ts";
import { pushConfiguration } from "../../object-client/configuration.ts";
import type { TournamentFacts } from "./facts.ts";

export interface LiveState {
  snapshot: TournamentSnapshot;
  /** The user's entries here, fresh from the object (empty for a visitor). */
  entries: EntryView[];
}

/**
 * Places, window and the user's entries from the tournament object, the truth. An object that has not
 * been told the configuration D1 holds (a new tournament, a missed push) is told on the way.
 */
export async function liveState(env: Env, db: Db, facts: TournamentFacts, userId: number | null): Promise<LiveState> {
  const stub = tournamentStub(env, facts.id);
  const [first, entries] = await Promise.all([stub.snapshot(), userId === null ? Promise.resolve([]) : stub.entriesOf(userId)]);
  let snapshot: TournamentSnapshot = first;
  if (!snapshot.configured || snapshot.revision < facts.revision) {
    await pushConfiguration(env, db, facts.id);
    snapshot = await stub.snapshot();
  }
  return { snapshot, entries };
}
