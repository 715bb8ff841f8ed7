/** The copy to D1 (src/object/outbox): what the organiser is shown of rows D1 refused for good. */

/** Which copy a row belongs to: entries (registration) or scores (shots, conflicts, corrections). */
export type OutboxStreamName = "entries" | "shots" | "practical" | "payments";

/**
 * A row D1 refused for good (a constraint failure, e.g. an entry of a deleted user), set aside so the rows
 * behind it could still reach D1. It stays in the object, and an `outbox.set_aside` audit row records it in D1.
 */
export interface SetAsideRow {
  id: number;
  stream: OutboxStreamName;
  tournamentId: number | null;
  /** What the row is: `entry:<id>`, `shot:<entryId>/<shotNo>`, `conflict:<opId>`, `correction:<opId>`. */
  subject: string;
  /** The row as it was sent, as JSON. */
  row: string;
  /** D1's error message. */
  error: string;
  /** When it was set aside (epoch ms). */
  at: number;
}
