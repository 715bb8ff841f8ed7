import type { ChangeRefusalReason, EntryRecord, RefusalReason } from "./types.ts";

export type RegistrationOutcome =
  | { outcome: "confirmed" | "held" | "waitlisted"; entry: EntryRecord; replayed: boolean }
  | { outcome: "refused"; reason: RefusalReason; message: string; replayed: boolean; retryAfterMs?: number };

/** The result of withdraw, remove and markPaid. */
export type ChangeOutcome =
  | {
      /** "unchanged": the entry already was in the asked-for state (a repeated call). */
      outcome: "changed" | "unchanged";
      entry: EntryRecord;
      /** Entries that got a place from the waitlist in the same decision. */
      promoted: EntryRecord[];
    }
  | { outcome: "refused"; reason: ChangeRefusalReason; message: string };

export interface ConfigureOutcome {
  /** False when the pushed revision is older than the one already applied. */
  applied: boolean;
  revision: number;
  promoted: EntryRecord[];
}
