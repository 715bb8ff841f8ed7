import type { EntryView, TournamentSnapshot } from "../../object/contract/index.ts";
import type { TournamentClient } from "../../object-client/client.ts";

export interface LiveState {
  snapshot: TournamentSnapshot;
  /** The user's entries here, fresh from the object (empty for a visitor). */
  entries: EntryView[];
}

/**
 * Places, window and the user's entries from the tournament object, the truth. An object behind D1's
 * `revision` (a new tournament, a missed push) is brought up to date on the way.
 */
export async function liveState(client: TournamentClient, revision: number, userId: number | null): Promise<LiveState> {
  const [snapshot, entries] = await Promise.all([
    client.snapshot(revision),
    userId === null ? Promise.resolve([]) : client.call("entriesOf", userId),
  ]);
  return { snapshot, entries };
}
