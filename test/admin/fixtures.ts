import type { Person } from "../helpers/accounts.ts";
import { get, postForm } from "../helpers/http.ts";
import { createTournament, type TournamentSpec } from "../helpers/tournaments.ts";

/** A plain form post from this person's browser (with the form token). */
export function send(who: Person, path: string, fields: Record<string, string> = {}) {
  return postForm(path, { _csrf: who.csrf, ...fields }, { cookie: who.cookie });
}

export function open(who: Person, path: string, hx = false) {
  return get(path, { cookie: who.cookie, hx });
}

/** A tournament told to its object: two relays of four points in one "Air Rifle" event unless said otherwise. */
export function configuredTournament(spec: TournamentSpec = {}) {
  return createTournament({
    events: [{ title: "Air Rifle", discipline: "air-rifle-10m", relays: [{ name: "Relay 1", firingPoints: 4 }, { name: "Relay 2", firingPoints: 4 }] }],
    ...spec,
  });
}
