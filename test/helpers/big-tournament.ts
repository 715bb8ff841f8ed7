import { createApiToken } from "../../src/auth/api-tokens.ts";
import type { ShotOpInput } from "../../src/object/contract/index.ts";
import { createUsers, person } from "./accounts.ts";
import { db } from "./d1.ts";
import { drainOutboxes, freshKey } from "./entries.ts";
import { OFFICER } from "./live-scoring.ts";
import { addStaff } from "./staff.ts";
import { addPracticalEvent, stageOp } from "./practical.ts";
import { createTournament } from "./tournaments.ts";
import { issueToken } from "../../src/auth/account-tokens.ts";

const RELAY_SIZE = 50;
const SHOTS = 60;

/**
 * A scored tournament of `competitors` entries in one 10 m air rifle event (relays of 50), each with 60
 * shots, built quickly: accounts in D1 batches, registrations and shots through the object (500 operations
 * per call), then the outboxes drained to D1. With an owner, a competitor among the entrants (with a
 * session), a range officer and a scoring token, so every page has someone to show it to.
 */
export async function scoredTournament(competitors: number) {
  const relayCount = Math.max(1, Math.ceil(competitors / RELAY_SIZE));
  const made = await createTournament({
    title: `Scored ${competitors}`,
    events: [{ title: "Air Rifle", discipline: "air-rifle-10m", relays: Array.from({ length: relayCount }, () => ({ firingPoints: RELAY_SIZE })) }],
  });
  const { tournament, stub } = made;
  const event = made.events[0]!;
  const competitor = await person({ name: "Cara Competitor" });
  const userIds = [competitor.user.id, ...(await createUsers(competitors - 1))];
  const entryIds: string[] = [];
  for (let i = 0; i < userIds.length; i += 50) {
    const chunk = userIds.slice(i, i + 50);
    const results = await Promise.all(
      chunk.map((userId, j) => stub.register({ userId, eventId: event.id, relayId: event.relays[Math.floor((i + j) / RELAY_SIZE)]!.id, idempotencyKey: freshKey() })),
    );
    for (const r of results) {
      if (r.outcome === "refused") throw new Error(`registration refused: ${r.reason}`);
      entryIds.push(r.entry.id);
    }
  }
  let ops: ShotOpInput[] = [];
  let n = 0;
  const flush = async () => {
    if (ops.length > 0) await stub.applyShots(ops, OFFICER);
    ops = [];
  };
  // The first eight shoot 10.9 down to 10.2 every shot, ahead of the rest (10.15 on average): a final without ties.
  for (const [k, entryId] of entryIds.entries()) {
    for (let shotNo = 1; shotNo <= SHOTS; shotNo++) {
      n += 1;
      const value = k < 8 ? 109 - k : 95 + (n % 14);
      ops.push({ opId: `big-${tournament.id}-${n}`, entryId, shotNo, value, enteredAt: 1_800_000_000_000 + n });
      if (ops.length === 500) await flush();
    }
  }
  await flush();
  // Eight or more: the event's final too, its first shot fired, so the finals scoreboard has a page.
  let finalId: number | undefined;
  if (entryIds.length >= 8) {
    const made = await stub.createFinal({ eventId: event.id, formatId: "issf-decimal-final", createdBy: null });
    if (made.outcome !== "created") throw new Error(`final refused: ${made.message}`);
    finalId = made.finalId;
    const view = (await stub.final(finalId))!;
    await stub.applyFinalShots(finalId, view.finalists.map((f, i) => ({ opId: `big-final-${i}`, entryId: f.entryId, shotNo: 1, value: 100 + i })), OFFICER);
  }
  // A practical match beside it, with two scored competitors, for the practical pages.
  const practical = await addPracticalEvent(tournament.id);
  const practicalEntryIds = [];
  for (const userId of userIds.slice(0, 2)) {
    const r = await stub.register({ userId, eventId: practical.event.id, relayId: practical.event.relays[0]!.id, idempotencyKey: freshKey(), practical: { division: "Open", powerFactor: "major" } });
    if (r.outcome === "refused") throw new Error(`registration refused: ${r.reason}`);
    practicalEntryIds.push(r.entry.id);
  }
  await stub.applyStageScores(practicalEntryIds.map((entryId, i) => stageOp(entryId, practical.stages[1]!.id, [8, 0, 0, 0, 0, 0], 4 + i)), OFFICER);
  await drainOutboxes(stub);
  const owner = await person({ name: "Olga Owner" });
  await addStaff(tournament.id, owner.user.id, "owner");
  const token = await createApiToken(db, { kind: "scoring", tournamentId: tournament.id, userId: owner.user.id }, "Bank");
  // Mailed links the account pages open (each kind its own token; nothing is used up by opening a page).
  const link = async (purpose: "verify" | "reset" | "invite" | "claim", extra: { tournamentId?: number; subject?: string } = {}) =>
    (await issueToken(db, { purpose, email: competitor.user.email, userId: competitor.user.id, ...extra })).token;
  const linkTokens = {
    verify: await link("verify"),
    reset: await link("reset"),
    invite: await link("invite", { tournamentId: tournament.id, subject: "range_officer" }),
    claim: await link("claim", { tournamentId: tournament.id, subject: entryIds[0]! }),
  };
  return { ...made, event, owner, competitor, entryId: entryIds[0]!, entryIds, token, linkTokens, finalId, practicalEvent: practical.event, practicalEntryIds };
}
