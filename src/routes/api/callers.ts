import { resolveCaller } from "../../middleware/caller.ts";

/** Registration, entries and "me" act for a person: a scoring token is refused (403). */
export const personalCaller = resolveCaller({ kinds: ["personal"] });

/** Shots: a staff member (session or personal token), or a scoring token of the tournament. */
export const scoringCaller = resolveCaller({ kinds: ["personal", "scoring"] });
