import { tournamentOfEntry } from "../domain/registration/entry-id.ts";

export { tournamentOfEntry } from "../domain/registration/entry-id.ts";

/** The tournament's Durable Object: one per tournament, named by its D1 id. */
export function tournamentStub(env: Pick<Env, "TOURNAMENT">, tournamentId: number) {
  return env.TOURNAMENT.get(env.TOURNAMENT.idFromName(String(tournamentId)));
}

/** The object holding an entry, found from the entry id alone; null when the text is not an entry id. */
export function stubForEntry(env: Pick<Env, "TOURNAMENT">, entryId: string) {
  const tournamentId = tournamentOfEntry(entryId);
  return tournamentId === null ? null : { tournamentId, stub: tournamentStub(env, tournamentId) };
}

interface RpcFailure {
  retryable?: boolean;
  overloaded?: boolean;
}

/** The object is shedding load: retrying at once would only add to it. */
export function isOverloaded(err: unknown): boolean {
  return (err as RpcFailure | null)?.overloaded === true;
}

/**
 * Runs an idempotent RPC call, repeating it once when the runtime marks the failure retryable (a
 * dropped connection, an object restart), never when the object is overloaded.
 */
export async function retryOnce<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const failure = err as RpcFailure | null;
    if (failure?.retryable === true && failure.overloaded !== true) return call();
    throw err;
  }
}
