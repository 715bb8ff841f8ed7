import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { practicalDivisions, practicalStages } from "../db/practical-schema.ts";
import { events, relays, tournaments } from "../db/schema.ts";
import { tournamentPaymentSettings } from "../db/payments-schema.ts";
import type { Division } from "../domain/practical/rulebook.ts";
import type { EventConfig, PracticalEventConfig, RelayConfig, TournamentConfig } from "../object/contract/index.ts";

/** How long an entry is held for payment when the tournament charges a fee and the organiser chose nothing else. */
export const HOLD_MINUTES_WITH_FEE = 30;

/** The organiser's payment settings (tournament_payment_settings), when there are any. */
export type PaymentSettings = Pick<typeof tournamentPaymentSettings.$inferSelect, "holdMinutes" | "refundFullUntil" | "refundSharePercent">;

type TournamentRow = typeof tournaments.$inferSelect;

/** A tournament's practical stages and offered divisions, for its practical events. */
interface PracticalRows {
  stages: readonly (typeof practicalStages.$inferSelect)[];
  divisions: readonly (typeof practicalDivisions.$inferSelect)[];
}

/** A tournament's configuration from its D1 rows; events and relays keep the order they are given in. */
export function configurationOf(
  t: Pick<TournamentRow, "id" | "revision" | "registrationOpensAt" | "registrationClosesAt" | "entryFeeCents">,
  eventRows: readonly (EventConfig & { matchShape?: "shots" | "practical" })[],
  relayRows: readonly RelayConfig[],
  more: { practical?: PracticalRows; payment?: PaymentSettings | undefined } = {},
): TournamentConfig {
  const { practical = { stages: [], divisions: [] }, payment } = more;
  return {
    tournamentId: t.id,
    revision: t.revision,
    registrationOpensAt: t.registrationOpensAt,
    registrationClosesAt: t.registrationClosesAt,
    holdMinutes: t.entryFeeCents > 0 ? (payment?.holdMinutes ?? HOLD_MINUTES_WITH_FEE) : 0,
    refundFullUntil: payment?.refundFullUntil ?? null,
    refundSharePercent: payment?.refundSharePercent ?? 100,
    events: eventRows.map((e) => ({ id: e.id, title: e.title, discipline: e.discipline })),
    relays: relayRows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      name: r.name,
      startsAt: r.startsAt,
      firingPoints: r.firingPoints,
      reserved: r.reserved,
    })),
    practical: eventRows
      .filter((e) => e.matchShape === "practical")
      .map((e): PracticalEventConfig => ({
        eventId: e.id,
        stages: practical.stages
          .filter((s) => s.eventId === e.id)
          .map((s) => ({ id: s.id, number: s.number, name: s.name, scoring: s.scoring, paperTargets: s.paperTargets, steelTargets: s.steelTargets })),
        divisions: practical.divisions.filter((d) => d.eventId === e.id).map((d) => d.division as Division),
      })),
  };
}

/** The registration configuration of one tournament as D1 has it, or null when there is no such tournament. */
export async function readConfiguration(db: Db, tournamentId: number): Promise<TournamentConfig | null> {
  const [tournamentRows, eventRows, relayRows, stages, divisions, paymentRows] = await db.batch([
    db.select().from(tournaments).where(eq(tournaments.id, tournamentId)),
    db.select().from(events).where(eq(events.tournamentId, tournamentId)).orderBy(asc(events.position), asc(events.id)),
    db.select().from(relays).where(eq(relays.tournamentId, tournamentId)).orderBy(asc(relays.startsAt), asc(relays.id)),
    db.select().from(practicalStages).where(eq(practicalStages.tournamentId, tournamentId)).orderBy(asc(practicalStages.number)),
    db.select().from(practicalDivisions).where(eq(practicalDivisions.tournamentId, tournamentId)),
    db.select().from(tournamentPaymentSettings).where(eq(tournamentPaymentSettings.tournamentId, tournamentId)),
  ]);
  const t = tournamentRows[0];
  return t ? configurationOf(t, eventRows, relayRows, { practical: { stages, divisions }, payment: paymentRows[0] }) : null;
}
