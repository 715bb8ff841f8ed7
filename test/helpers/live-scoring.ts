import { runInDurableObject } from "cloudflare:test";
import type { ScoringActor, ShotOpInput } from "../../src/object/contract/index.ts";
import type { TournamentObject } from "../../src/object/tournament-object.ts";
import { register } from "./entries.ts";
import { createTournament, type TournamentSpec } from "./tournaments.ts";

type Stub = DurableObjectStub<TournamentObject>;

export const OFFICER: ScoringActor = { userId: null, tokenId: null, via: "session", role: "range_officer" };

type ScoredEventSpec = { title?: string; discipline: string; firingPoints?: number };

/** A published, configured tournament (registration open, no fee) with one relay of 20 points per event. */
export function scoringTournament(eventSpecs: ScoredEventSpec[] = [{ discipline: "air-rifle-10m" }], extra: TournamentSpec = {}) {
  return createTournament({
    ...extra,
    events: eventSpecs.map((e) => ({ title: e.title, discipline: e.discipline, relays: [{ firingPoints: e.firingPoints ?? 20 }] })),
  });
}

/** Registers a new competitor (club "<name>'s club") for the event's first relay; the entry is confirmed unless the relay is full. */
export function enter(stub: Stub, event: { id: number; relays: { id: number }[] }, name?: string) {
  return register(stub, event.id, event.relays[0]!.id, name, `${name}'s club`);
}

let ops = 0;

/** A shot operation with a fresh opId. */
export function shot(entryId: string, shotNo: number, value: number | null, extra: Partial<ShotOpInput> = {}): ShotOpInput {
  ops += 1;
  return { opId: `op-${Date.now().toString(36)}-${ops}`, entryId, shotNo, value, enteredAt: 1_800_000_000_000 + ops, ...extra };
}

/** Everything scoring keeps in the object, to prove an operation changed nothing. */
export function scoringState(stub: Stub) {
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
