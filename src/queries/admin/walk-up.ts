import { z } from "zod";
import { DIVISIONS, POWER_FACTORS } from "../../domain/practical/rulebook.ts";
import { issueToken } from "../../auth/account-tokens.ts";
import type { Db } from "../../db/client.ts";
import type { WalkUpResult } from "../../object/contract/index.ts";
import type { TournamentClient } from "../../object-client/client.ts";
import { rawStatement } from "../../db/statements.ts";
import { personName } from "../../lib/person-name.ts";
import { commit } from "./commit.ts";
import { WALK_UP_DOMAIN } from "./entries.ts";
import { onSitePayment } from "./entry-actions.ts";

export const WALK_UP_FIELDS = ["name", "club", "email", "relayId", "paid", "key", "division", "powerFactor"] as const;

/** A field a form without it sends as "": not chosen. */
const emptyIsNone = (v: unknown) => (v === "" ? undefined : v);

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
  // A practical (IPSC) match's declaration; the object checks it against the event's divisions.
  division: z.preprocess(emptyIsNone, z.enum(DIVISIONS, { error: "Choose a division." }).optional()),
  powerFactor: z.preprocess(emptyIsNone, z.enum(POWER_FACTORS, { error: "Choose major or minor." }).optional()),
});

export type WalkUpForm = z.infer<typeof walkUpForm>;

/**
 * The competitor of a walk-up entry: a walk-up record, never an account. It is a users row without a password
 * under a reserved `.invalid` address drawn from the form's key (so a double submit of one form finds the same
 * record), with the name and club typed; it cannot sign in and no address is ever matched against it. The
 * address typed on the form (if any) only receives a claim link (src/routes/account/claims.tsx).
 */
async function walkUpRecord(db: Db, form: WalkUpForm): Promise<{ userId: number; name: string; created: boolean }> {
  const placeholder = `walkup-${form.key.toLowerCase()}${WALK_UP_DOMAIN}`;
  const [inserted, row] = await db.$client.batch([
    rawStatement(db, "INSERT INTO users (email, name, club, password_hash) VALUES (?, ?, ?, NULL) ON CONFLICT (email) DO NOTHING", placeholder, form.name, form.club),
    rawStatement(db, "SELECT id, name FROM users WHERE email = ?", placeholder),
  ]);
  const made = row?.results[0] as { id: number; name: string } | undefined;
  if (!made) throw new Error("The walk-up record is missing right after being created.");
  return { userId: made.id, name: made.name, created: inserted?.meta.changes === 1 };
}

interface Actor {
  client: TournamentClient;
  db: Db;
  tournament: { id: number; entryFeeCents: number; currency: string };
  actorId: number;
}

/** Enters the competitor on the relay through the tournament object; audited, with the on-site payment if paid. */
export async function enterWalkUp(a: Actor, relay: { id: number; eventId: number }, form: WalkUpForm): Promise<WalkUpResult & { name: string; claim: { token: string; expiresAt: number } | null }> {
  const who = await walkUpRecord(a.db, form);
  const result = await a.client.call("addEntry", {
    userId: who.userId,
    eventId: relay.eventId,
    relayId: relay.id,
    byUserId: a.actorId,
    idempotencyKey: form.key,
    practical: form.division ? { division: form.division, powerFactor: form.powerFactor ?? "minor" } : undefined,
  });
  if (result.outcome === "confirmed" && !result.replayed) {
    const paid = form.paid === "1" && a.tournament.entryFeeCents > 0;
    const now = Date.now();
    await commit(a.db, {
      tournamentId: a.tournament.id,
      actorId: a.actorId,
      action: "entry.walk_up",
      subject: `entry:${result.entry.id}`,
      detail: { name: who.name, userId: who.userId, relay: relay.id, firingPoint: result.entry.firingPoint, paid, claimLinkMailed: form.email !== "" },
      statements: paid ? [onSitePayment(a, result.entry.id, now)] : [],
    });
  }
  if (result.outcome === "refused") {
    // A refused walk-up leaves nothing behind: the record made for it goes unless the object holds an entry of it.
    if (who.created && (await a.client.call("entriesOf", who.userId)).length === 0) {
      await a.db.$client.prepare("DELETE FROM users WHERE id = ? AND password_hash IS NULL").bind(who.userId).run();
    }
    return { ...result, name: who.name, claim: null };
  }
  const claim =
    form.email && !result.replayed
      ? await issueToken(a.db, { purpose: "claim", email: form.email, userId: who.userId, tournamentId: a.tournament.id, subject: result.entry.id })
      : null;
  return { ...result, name: who.name, claim };
}
