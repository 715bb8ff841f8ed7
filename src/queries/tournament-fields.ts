import type { tournaments } from "../db/schema.ts";

/** What an organiser sets on a tournament, in the form's order; the other columns are bookkeeping. */
export const TOURNAMENT_COLUMNS = [
  "title",
  "slug",
  "club",
  "venue",
  "timeZone",
  "startsOn",
  "endsOn",
  "registrationOpensAt",
  "registrationClosesAt",
  "entryFeeCents",
  "currency",
  "description",
] as const;

export type TournamentFields = Pick<typeof tournaments.$inferSelect, (typeof TOURNAMENT_COLUMNS)[number]>;

/** Only the organiser's fields of a tournament (a stored row, a parsed form, a demo plan). */
export function tournamentFields(t: TournamentFields): TournamentFields {
  return Object.fromEntries(TOURNAMENT_COLUMNS.map((f) => [f, t[f]])) as unknown as TournamentFields;
}
