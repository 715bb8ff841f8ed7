import type { Book, Configuration } from "./book.ts";
import type { Clock } from "./clock.ts";
import { isHoldDue } from "./holds.ts";
import type { ChangeOutcome, ConfigureOutcome } from "./outcomes.ts";
import { rebalance } from "./rebalance.ts";
import { type EntryRecord, type EntryStatus, isActive } from "./types.ts";

const iso = (ms: number) => new Date(ms).toISOString();

/** Lets unpaid holds that are due lapse, and gives their places to the waitlist. Returns every entry changed. */
export function settleHolds(book: Book, clock: Clock): EntryRecord[] {
  const due = book.dueHolds(clock.now).filter((e) => isHoldDue(e, clock.now));
  if (due.length === 0) return [];
  const changed: EntryRecord[] = [];
  for (const entry of due) {
    const expired: EntryRecord = { ...entry, status: "expired", updatedAt: clock.stamp() };
    book.save(expired);
    changed.push(expired);
  }
  for (const eventId of new Set(due.map((e) => e.eventId))) changed.push(...rebalance(book, eventId, clock, false));
  return changed;
}

/** An active entry leaves its event; its place (or its waitlist slot) goes to those waiting, at once. */
function leave(book: Book, entry: EntryRecord, status: EntryStatus, note: string | null, clock: Clock): ChangeOutcome {
  const left: EntryRecord = { ...entry, status, note, waitlistPosition: null, updatedAt: clock.stamp() };
  book.save(left);
  const promoted = rebalance(book, entry.eventId, clock, entry.status === "waitlisted");
  return { outcome: "changed", entry: left, promoted };
}

/** The competitor withdraws their own entry. Withdrawing twice is a no-op, not an error. */
export function withdraw(book: Book, cmd: { entryId: string; userId: number }, clock: Clock): ChangeOutcome {
  settleHolds(book, clock);
  const entry = book.entry(cmd.entryId);
  if (!entry || entry.userId !== cmd.userId) {
    return { outcome: "refused", reason: "not_found", message: "There is no such entry of yours in this tournament." };
  }
  if (entry.status === "withdrawn") return { outcome: "unchanged", entry, promoted: [] };
  if (!isActive(entry.status)) {
    return { outcome: "refused", reason: "not_active", message: `This entry is ${entry.status} and cannot be withdrawn.` };
  }
  return leave(book, entry, "withdrawn", null, clock);
}

/** An organiser removes an entry (the Worker checks that the caller is one). */
export function remove(book: Book, cmd: { entryId: string; reason: string }, clock: Clock): ChangeOutcome {
  settleHolds(book, clock);
  const entry = book.entry(cmd.entryId);
  if (!entry) return { outcome: "refused", reason: "not_found", message: "There is no such entry in this tournament." };
  if (entry.status === "removed") return { outcome: "unchanged", entry, promoted: [] };
  if (!isActive(entry.status)) {
    return { outcome: "refused", reason: "not_active", message: `This entry is ${entry.status} and cannot be removed.` };
  }
  return leave(book, entry, "removed", cmd.reason, clock);
}

/** Payment arrived for a held entry: it becomes confirmed, unless the hold already lapsed. */
export function markPaid(book: Book, cmd: { entryId: string }, clock: Clock): ChangeOutcome {
  settleHolds(book, clock);
  const entry = book.entry(cmd.entryId);
  if (!entry) return { outcome: "refused", reason: "not_found", message: "There is no such entry in this tournament." };
  if (entry.status === "confirmed") return { outcome: "unchanged", entry, promoted: [] };
  if (entry.status === "expired") {
    const at = entry.holdUntil === null ? "" : ` at ${iso(entry.holdUntil)}`;
    return { outcome: "refused", reason: "hold_expired", message: `The hold on this entry lapsed${at}; its place was released.` };
  }
  if (entry.status !== "held") {
    return { outcome: "refused", reason: "not_held", message: `This entry is ${entry.status}, not awaiting payment.` };
  }
  const paid: EntryRecord = { ...entry, status: "confirmed", holdUntil: null, updatedAt: clock.stamp() };
  book.save(paid);
  return { outcome: "changed", entry: paid, promoted: [] };
}

/** What is wrong with a configuration, if anything (an empty list means it can be applied). */
function configurationProblems(config: Configuration): string[] {
  const problems: string[] = [];
  const { settings, events, relays } = config;
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!Number.isInteger(settings.tournamentId) || settings.tournamentId <= 0) problems.push("tournamentId must be a positive integer");
  if (!Number.isFinite(settings.opensAt) || !Number.isFinite(settings.closesAt) || settings.opensAt > settings.closesAt) {
    problems.push("the registration window must open before it closes");
  }
  if (!(settings.holdMinutes >= 0)) problems.push("holdMinutes must not be negative");
  const eventIds = new Set(events.map((e) => e.id));
  if (eventIds.size !== events.length) problems.push("event ids must be unique");
  if (new Set(relays.map((r) => r.id)).size !== relays.length) problems.push("relay ids must be unique");
  for (const r of relays) {
    if (!eventIds.has(r.eventId)) problems.push(`relay ${r.id} names event ${r.eventId}, which is not configured`);
    if (!whole(r.firingPoints) || !whole(r.reserved)) problems.push(`relay ${r.id}: firing points and reserved places must be whole numbers`);
  }
  return problems;
}

/**
 * Applies a configuration unless it is older than the one in force. Raised capacity is filled from the
 * waitlists at once; lowered capacity never drops an entry, it only stops new ones.
 */
export function configure(book: Book, config: Configuration, clock: Clock): ConfigureOutcome {
  const problems = configurationProblems(config);
  if (problems.length > 0) throw new Error(`Invalid tournament configuration: ${problems.join("; ")}`);
  const current = book.settings();
  if (current && current.tournamentId !== config.settings.tournamentId) {
    throw new Error(`This object belongs to tournament ${current.tournamentId}, not ${config.settings.tournamentId}`);
  }
  if (current && config.settings.revision < current.revision) {
    return { applied: false, revision: current.revision, promoted: [] };
  }
  book.writeConfiguration(config);
  const promoted = settleHolds(book, clock).filter((e) => e.status !== "expired");
  for (const event of book.events()) {
    if (event.active) promoted.push(...rebalance(book, event.id, clock, false));
  }
  return { applied: true, revision: config.settings.revision, promoted };
}
