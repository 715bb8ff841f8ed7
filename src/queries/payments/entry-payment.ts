import { eq } from "drizzle-orm";
import { refundWhy } from "../../domain/payments/settle.ts";
import type { Db } from "../../db/client.ts";
import { tournaments } from "../../db/schema.ts";
import type { EntryView } from "../../object/contract/index.ts";
import type { TournamentClient } from "../../object-client/client.ts";
import type { PaymentState } from "../../views/competitor/payment.tsx";

/** What a Checkout Session is created from: the tournament's fee and title. */
export async function tournamentForPayment(db: Db, tournamentId: number) {
  const t = await db
    .select({ id: tournaments.id, title: tournaments.title, entryFeeCents: tournaments.entryFeeCents, currency: tournaments.currency })
    .from(tournaments)
    .where(eq(tournaments.id, tournamentId))
    .get();
  if (!t) throw new Error(`tournament ${tournamentId} vanished`);
  return t;
}

const WHY = new Set(["duplicate", "no_place", "left", "withdrawal", "organiser"]);

/** Where the entry's payment stands, from the object (the webhook's effect shows there first). */
export async function paymentState(client: TournamentClient, entry: EntryView): Promise<PaymentState> {
  const sessions = await client.call("checkoutSessions", entry.id);
  const paid = sessions.filter((s) => s.status === "paid");
  if (entry.status === "confirmed" && paid.some((s) => s.outcome === "kept")) return { kind: "confirmed" };
  const returned = paid.find((s) => s.outcome === "returned");
  if (returned) {
    const reason = returned.refundReason ?? "";
    return { kind: "refunded", why: WHY.has(reason) ? refundWhy(reason as Parameters<typeof refundWhy>[0]) : reason };
  }
  const underWay = sessions.some((s) => s.status === "open" || s.status === "processing");
  if (entry.status === "confirmed" && !underWay) return { kind: "confirmed" };
  if (entry.status !== "held" && !underWay) return { kind: "lapsed" };
  return { kind: "confirming" };
}
