import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { ScoringActor, ShotOpInput } from "../../src/object/contract/index.ts";
import type { TournamentObject } from "../../src/object/tournament-object.ts";
import { tournamentStub } from "../../src/object-client/stub.ts";
import { pushConfiguration } from "../../src/object-client/configuration.ts";
import { createUser } from "../helpers/accounts.ts";
import { addStaff, createTournament, db, type TournamentSpec } from "../public/fixtures.ts";

export { addStaff, db };

export const OFFICER: ScoringActor = { userId: null, tokenId: null, via: "session" };

type Spec = { title?: string; discipline: string; firingPoints?: number };

/** A published, configured tournament (registration open, no fee) with one relay per event. */
export async function scoringTournament(eventSpecs: Spec[] = [{ discipline: "air-rifle-10m" }], extra: TournamentSpec = {}) {
  const made = await createTournament({
    ...extra,
    events: eventSpecs.map((e, i) => ({
      title: e.title ?? `Event ${i + 1}`,
      discipline: e.discipline,
      relays: [{ name: "Relay 1", firingPoints: e.firingPoints ?? 20 }],
    })),
  });
  const configured = await pushConfiguration(env, db, made.tournament.id);
  if (!configured?.applied) throw new Error("configuration was not applied");
  const stub = tournamentStub(env, made.tournament.id);
  return { ...made, stub };
}

let keys = 0;

/** Registers a new user for the event's first relay; returns the entry (confirmed unless the relay is full). */
export async function enter(
  stub: DurableObjectStub<TournamentObject>,
  event: { id: number; relays: { id: number }[] },
  name?: string,
) {
  const user = await createUser(name ? { name, club: `${name}'s club` } : {});
  keys += 1;
  const result = await stub.register({ userId: user.id, eventId: event.id, relayId: event.relays[0]!.id, idempotencyKey: `k-${keys}` });
  if (result.outcome === "refused") throw new Error(`registration refused: ${result.reason}`);
  return { user, entry: result.entry };
}

let ops = 0;

/** A shot operation with a fresh opId. */
export function shot(entryId: string, shotNo: number, value: number | null, extra: Partial<ShotOpInput> = {}): ShotOpInput {
  ops += 1;
  return { opId: `op-${Date.now().toString(36)}-${ops}`, entryId, shotNo, value, enteredAt: 1_800_000_000_000 + ops, ...extra };
}

/** Everything scoring keeps in the object, to prove an operation changed nothing. */
export function scoringState(stub: DurableObjectStub<TournamentObject>) {
  return runInDurableObject(stub, (_instance: TournamentObject, state) => {
    const all = (query: string) => state.storage.sql.exec(query).toArray();
    return {
      shots: all("SELECT entry_id, shot_no, value, inner_ten, op_id FROM shots ORDER BY entry_id, shot_no"),
      ops: all("SELECT op_id, outcome FROM shot_ops ORDER BY op_id"),
      conflicts: all("SELECT op_id, resolved_at FROM shot_conflicts ORDER BY op_id"),
      corrections: all("SELECT op_id FROM shot_corrections ORDER BY op_id"),
      outbox: all("SELECT kind, entry_id, shot_no, ref FROM shots_outbox ORDER BY id"),
      seqs: all("SELECT event_id, seq FROM live_events ORDER BY event_id"),
    };
  });
}
