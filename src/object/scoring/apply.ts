import {
  applyOperation,
  discipline,
  nextCard,
  recordsOpId,
  type CardState,
  type Discipline,
  type OperationResult,
  type ShotOperation,
} from "../../domain/scoring/index.ts";
import type { ScoringActor, ShotOpInput, ShotOutcome, ShotRejectionReason, StandingRow } from "../contract/index.ts";
import { readOperation } from "./input.ts";
import { recordSighter } from "./sighters.ts";
import { rowChange, standingRows, type RowChange, type StandingCard } from "./standings.ts";
import type { ScoringEntry, ScoringStore } from "./store.ts";

/** One scoreboard message to send: an event's row change with its sequence number. */
export interface LiveUpdate extends RowChange {
  eventId: number;
  seq: number;
  discipline: Discipline;
}

/** An event's confirmed cards and their standings, as the object may keep them between batches. */
export interface EventBoard {
  d: Discipline;
  cards: ReadonlyMap<string, StandingCard>;
  standing: StandingRow[];
}

export interface AppliedBatch {
  results: ShotOutcome[];
  updates: LiveUpdate[];
  /** Every event the batch changed, as it leaves them (to keep for the next batch once committed). */
  boards: Map<number, EventBoard>;
}

/** An event's cards during one batch: as they were before it, and as the batch leaves them. */
interface Board {
  d: Discipline;
  before: StandingCard[];
  /** The standings of `before`, when known from an earlier batch. */
  standing: StandingRow[] | null;
  cards: Map<string, StandingCard>;
  /** Entries whose slots changed, in the order of their first change. */
  changed: Set<string>;
}

const NO_OPS: ReadonlySet<string> = new Set();

function about(input: ShotOpInput) {
  return { opId: input.opId, entryId: input.entryId, shotNo: input.shotNo };
}

function rejected(input: ShotOpInput, reason: ShotRejectionReason, message: string): ShotOutcome {
  return { ...about(input), outcome: "rejected", reason, message };
}

/** The object's answer for one operation, as the rules decided it. */
export function outcomeOf(result: OperationResult): ShotOutcome {
  const base = { opId: result.opId, entryId: result.entryId, shotNo: result.shotNo, message: result.message };
  switch (result.outcome) {
    case "applied":
    case "conflict":
      return { ...base, outcome: result.outcome };
    case "duplicate":
      return { ...base, outcome: "duplicate", reason: result.why };
    case "rejected":
      return { ...base, outcome: "rejected", reason: result.reason };
  }
}

/**
 * Applies a batch in order, inside the caller's transaction: each operation is decided by the pure rules
 * against its card as the earlier operations left it, and what the rules say is written. Then each changed
 * card yields one scoreboard update, numbered from the event's sequence, ranked against the card before it.
 */
export function applyBatch(
  store: ScoringStore,
  inputs: ShotOpInput[],
  actor: ScoringActor,
  now: number,
  /** Boards kept from earlier batches (read, never changed), so the event's cards need not be read again. */
  kept: ReadonlyMap<number, EventBoard> = new Map(),
): AppliedBatch {
  const entries = new Map<string, ScoringEntry | null>();
  const boards = new Map<number, Board | null>();

  const boardOf = (eventId: number, entryId: string): Board | null => {
    if (boards.has(eventId)) return boards.get(eventId)!;
    // A kept board without this confirmed entry is out of date: read the event again.
    const known = kept.get(eventId)?.cards.has(entryId) ? kept.get(eventId) : undefined;
    let board: Board | null = null;
    if (known) {
      const before = [...known.cards.values()];
      board = { d: known.d, before, standing: known.standing, cards: new Map(known.cards), changed: new Set() };
    } else {
      const event = store.event(eventId);
      const d = event ? discipline(event.discipline) : undefined;
      if (d) {
        const before = store.eventCards(eventId);
        board = { d, before, standing: null, cards: new Map(before.map((c) => [c.entryId, c])), changed: new Set() };
      }
    }
    boards.set(eventId, board);
    return board;
  };

  const results = inputs.map((input): ShotOutcome => {
    if (!entries.has(input.entryId)) entries.set(input.entryId, store.entry(input.entryId));
    const entry = entries.get(input.entryId);
    if (!entry) return rejected(input, "unknown_entry", `There is no entry ${input.entryId} in this tournament`);
    const known = store.isKnownOp(input.opId);
    if (entry.status !== "confirmed") {
      // A resend of an operation recorded before the entry was withdrawn is still just a resend.
      if (known) return { ...about(input), outcome: "duplicate", reason: "known_op", message: "This operation was already recorded" };
      return rejected(input, "entry_not_confirmed", `Entry ${entry.id} is ${entry.status}: only confirmed entries are scored`);
    }
    const board = boardOf(entry.eventId, entry.id);
    if (!board) return rejected(input, "unknown_discipline", "The event's discipline is unknown: ask the organiser to fix the event");
    const read = readOperation(board.d, input, now);
    if (!read.ok) return rejected(input, read.reason, read.message);
    const op = read.op;
    if (input.sighter) return recordSighter(store.sql, board.d, op);

    const current = board.cards.get(entry.id)!;
    const card: CardState = { entryId: entry.id, slots: current.slots, appliedOpIds: known ? new Set([op.opId]) : NO_OPS };
    const result = applyOperation(board.d, card, op);
    if (recordsOpId(result) && !known) store.recordOp(op, result.outcome as "applied" | "conflict" | "duplicate", actor, now);
    persist(store, op, result, actor, now);
    if (result.outcome === "applied") {
      board.cards.set(entry.id, { ...current, slots: new Map(nextCard(card, result).slots) });
      board.changed.add(entry.id);
    }
    return outcomeOf(result);
  });

  const updates: LiveUpdate[] = [];
  const changedBoards = new Map<number, EventBoard>();
  for (const [eventId, board] of boards) {
    if (!board || board.changed.size === 0) continue;
    // Move the changed cards in one at a time, so each message is the step from the one before it.
    const cards = new Map(board.before.map((c) => [c.entryId, c]));
    let standing = board.standing ?? standingRows(board.d, cards.values());
    const changes: RowChange[] = [];
    for (const entryId of board.changed) {
      cards.set(entryId, board.cards.get(entryId)!);
      const next = standingRows(board.d, cards.values());
      const change = rowChange(standing, next, entryId);
      if (change) changes.push(change);
      standing = next;
    }
    changedBoards.set(eventId, { d: board.d, cards, standing });
    if (changes.length === 0) continue;
    const first = store.claimSeq(eventId, changes.length);
    changes.forEach((change, i) => updates.push({ ...change, eventId, seq: first + i, discipline: board.d }));
  }
  return { results, updates, boards: changedBoards };
}

function persist(store: ScoringStore, op: ShotOperation, result: OperationResult, actor: ScoringActor, now: number): void {
  if (result.outcome === "applied") {
    store.writeSlot(op, result.slot);
    if (result.correction) store.recordCorrection(op, result.correction, actor, now);
  } else if (result.outcome === "conflict") {
    store.recordConflict(op, result.conflict, actor, now);
  }
}
