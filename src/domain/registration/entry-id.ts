/** Entry ids carry their tournament so the Worker can route a bare id to the right tournament object. */
export function formatEntryId(tournamentId: number, suffix: string): string {
  return `${tournamentId}-${suffix}`;
}

const ENTRY_ID = /^([1-9][0-9]{0,14})-([A-Za-z0-9_-]{8,64})$/;

/** The tournament of an entry id, or null when the text is not an entry id. */
export function tournamentOfEntry(entryId: string): number | null {
  const match = ENTRY_ID.exec(entryId);
  return match ? Number(match[1]) : null;
}

/**
 * The entry an audit row's subject names: `entry:<id>`, `shot:<id>/<shotNo>[/<opId>]`, or a bare id (older
 * API rows). Null for any other subject.
 */
export function entryOfSubject(subject: string): string | null {
  const m = /^(?:entry:|shot:)?([1-9][0-9]{0,14}-[A-Za-z0-9_-]{8,64})(?:\/.*)?$/.exec(subject);
  return m ? m[1]! : null;
}
