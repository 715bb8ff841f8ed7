import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { users } from "../../db/schema.ts";
import type { WalkUpResult } from "../../object/contract/index.ts";
import type { TournamentClient } from "../../object-client/client.ts";
import { rawStatement } from "../../db/statements.ts";
import { personName } from "../../lib/person-name.ts";
import { commit } from "./commit.ts";
import { WALK_UP_DOMAIN } from "./entries.ts";
import { onSitePayment } from "./entry-actions.ts";

export const WALK_UP_FIELDS = ["name", "club", "email", "relayId", "paid", "key"] as const;

export const walkUpForm = z.object({
  name: personName({ empty: "Enter the competitor's name." }),
  club: personName({ noun: "club" }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "An email address has at most 254 characters.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address like name@example.com, or leave it empty."),
  relayId: z.string().regex(/^[1-9]\d{0,14}$/, "Choose the relay.").transform(Number),
  paid: z.string(),
  key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "This form is incomplete; reload the page."),
});

export type WalkUpForm = z.infer<typeof walkUpForm>;

/**
 * The competitor of a walk-up entry: the account with that email if there is one, else a new user without a
 * password. Without an email the address is a placeholder drawn from the form's key, so a double submit of
 * one form finds the same person instead of making a second one.
 */
async function walkUpPerson(db: Db, form: WalkUpForm): Promise<{ userId: number; existing: boolean; name: string }> {
  const email = form.email === "" ? `walkup-${form.key.toLowerCase()}${WALK_UP_DOMAIN}` : form.email;
  const found = await db.select({ id: users.id, name: users.name, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email)).get();
  if (found) return { userId: found.id, existing: found.passwordHash !== null, name: found.name };
  const [, row] = await db.$client.batch([
    rawStatement(db, "INSERT INTO users (email, name, club, password_hash) VALUES (?, ?, ?, NULL) ON CONFLICT (email) DO NOTHING", email, form.name, form.club),
    rawStatement(db, "SELECT id, name FROM users WHERE email = ?", email),
  ]);
  const made = row?.results[0] as { id: number; name: string } | undefined;
  if (!made) throw new Error("The walk-up competitor is missing right after being created.");
  return { userId: made.id, existing: false, name: made.name };
}

interface Actor {
  client: TournamentClient;
  db: Db;
  tournament: { id: number; entryFeeCents: number; currency: string };
  actorId: number;
}

/** Enters the competitor on the relay through the tournament object; audited, with the on-site payment if paid. */
export async function enterWalkUp(a: Actor, relay: { id: number; eventId: number }, form: WalkUpForm): Promise<WalkUpResult & { name: string; existing: boolean }> {
  const who = await walkUpPerson(a.db, form);
  const result = await a.client.call("addEntry", {
    userId: who.userId,
    eventId: relay.eventId,
    relayId: relay.id,
    byUserId: a.actorId,
    idempotencyKey: form.key,
  });
  if (result.outcome === "confirmed" && !result.replayed) {
    const paid = form.paid === "1" && a.tournament.entryFeeCents > 0;
    const now = Date.now();
    await commit(a.db, {
      tournamentId: a.tournament.id,
      actorId: a.actorId,
      action: "entry.walk_up",
      subject: `entry:${result.entry.id}`,
      detail: { name: who.name, userId: who.userId, relay: relay.id, firingPoint: result.entry.firingPoint, paid },
      statements: paid ? [onSitePayment(a, result.entry.id, now)] : [],
    });
  }
  return { ...result, name: who.name, existing: who.existing };
}
