import { assignFiringPoint } from "../../domain/registration/firing-points.ts";
import { addWalkUp, checkIn, moveEntry, reassignEntry } from "../../domain/registration/organiser.ts";
import { randomToken } from "../../lib/encoding.ts";
import {
  type ChangeResult,
  type CheckInCount,
  type EntryView,
  type MoveRequest,
  type ReassignRequest,
  type WalkUpRequest,
  type WalkUpResult,
  entryIdSchema,
  firingPointSchema,
  moveRequestSchema,
  reassignRequestSchema,
  walkUpRequestSchema,
} from "../contract/index.ts";
import type { Decisions } from "../decisions.ts";
import type { EntryHooks } from "../registration/registration.ts";
import { ENTRY_COLUMNS, entryFromRow, type SqliteBook } from "../registration/sqlite-book.ts";

/**
 * The organisers' changes inside the tournament object (the Worker has checked the role) and the tables
 * they work from. Rules in src/domain/registration/organiser.ts and firing-points.ts.
 */
export class Organiser {
  constructor(
    private readonly sql: SqlStorage,
    private readonly book: SqliteBook,
    private readonly decisions: Decisions,
  ) {}

  /** Moves an entry to another relay of its event with a free firing point; the place it leaves is refilled. */
  async move(req: MoveRequest): Promise<ChangeResult> {
    const { entryId, relayId } = moveRequestSchema.parse(req);
    return this.decisions.commit((clock) => moveEntry(this.book, { entryId, relayId }, clock));
  }

  /** A walk-up entry: confirmed at once on the relay, reserved places allowed, window ignored. */
  async addEntry(req: WalkUpRequest, shape?: EntryHooks): Promise<WalkUpResult> {
    const cmd = walkUpRequestSchema.parse(req);
    const idSuffix = randomToken(12);
    return this.decisions.commit((clock): WalkUpResult => {
      const refused = shape?.check(cmd);
      if (refused) return refused;
      const result = addWalkUp(this.book, { ...cmd, idSuffix }, clock);
      if (result.outcome === "confirmed" && !result.replayed) shape?.accepted(cmd, result.entry, clock.now);
      return result;
    });
  }

  /** A claimed walk-up entry moves to the claiming account. */
  async reassign(req: ReassignRequest): Promise<ChangeResult> {
    const cmd = reassignRequestSchema.parse(req);
    return this.decisions.commit((clock) => reassignEntry(this.book, cmd, clock));
  }

  /** Checks a competitor in at the range, or undoes it (copied to D1 `entries.checked_in_at`). */
  async checkIn(entryId: string, checkedIn: boolean): Promise<ChangeResult> {
    const id = entryIdSchema.parse(entryId);
    return this.decisions.commit((clock) => checkIn(this.book, { entryId: id, checkedIn: checkedIn === true }, clock));
  }

  /** Puts an entry on another firing point of its relay (refused when that point is taken). */
  async assignFiringPoint(entryId: string, point: number): Promise<ChangeResult> {
    const id = entryIdSchema.parse(entryId);
    const to = firingPointSchema.parse(point);
    return this.decisions.commit((clock) => assignFiringPoint(this.book, { entryId: id, point: to }, clock));
  }

  /** Every entry of the tournament, in order of arrival: the organisers' tables read it fresh from here. */
  allEntries(): EntryView[] {
    return this.sql.exec(`SELECT ${ENTRY_COLUMNS} FROM entries ORDER BY seq`).toArray().map(entryFromRow);
  }

  /** Per relay: competitors with a place (expected at the range) and how many of them are checked in. */
  checkInCounts(): CheckInCount[] {
    return this.sql
      .exec(
        `SELECT relay_id, COUNT(*) AS expected, COUNT(checked_in_at) AS checked_in FROM entries
         WHERE status IN ('confirmed', 'held') AND relay_id IS NOT NULL GROUP BY relay_id ORDER BY relay_id`,
      )
      .toArray()
      .map((r) => ({ relayId: Number(r.relay_id), expected: Number(r.expected), checkedIn: Number(r.checked_in) }));
  }
}
