import { UNVERIFIED_DETAIL } from "../../auth/session.ts";
import { type Context, Hono } from "hono";
import { validator } from "hono/validator";
import { z } from "zod";
import { EDITORS } from "../../auth/roles.ts";
import { auditLog } from "../../db/schema.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { callerOf, requireCaller } from "../../middleware/caller.ts";
import { staffRole, tournamentBySlug } from "../../middleware/tournament.ts";
import { jsonBody } from "../../middleware/validate.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { REFUSALS, refusalFor } from "../../object-client/refusals.ts";
import { tournamentById } from "../../queries/tournament-lookup.ts";
import { checkoutUrl } from "../../payments/checkout.ts";
import { tournamentForPayment } from "../../queries/payments/entry-payment.ts";
import { personalCaller } from "./callers.ts";
import { bodyAtMost } from "./limits.ts";
import { entryJson, registrationJson } from "./present.ts";

const MAX_BODY_BYTES = 16 * 1024;

const idOf = (message: string) => z.number({ error: message }).int({ error: message }).positive({ error: message });

const registration = z.object(
  {
    event: idOf("event must be the id (a number) of an event of this tournament."),
    relay: z.union([idOf("relay must be a relay id or \"any\"."), z.literal("any")], {
      error: 'relay must be the id (a number) of a relay of that event, or "any".',
    }),
  },
  { error: 'The body must be a JSON object like {"event": 12, "relay": 34}.' },
);

const idempotencyKey = z
  .string({ error: "Send an Idempotency-Key header: a unique value per registration, reused when you retry it." })
  .trim()
  .min(1, { error: "The Idempotency-Key header is empty." })
  .max(200, { error: "The Idempotency-Key header must be at most 200 characters." });

/** The registration's `Idempotency-Key` header, for `c.req.valid("header")`; 422 naming it otherwise. */
const idempotencyKeyHeader = validator("header", (headers) => {
  const key = idempotencyKey.safeParse(headers["idempotency-key"]);
  if (key.success) return { key: key.data };
  const message = key.error.issues[0]?.message ?? "Invalid Idempotency-Key.";
  throw new Refusal(422, { title: "Invalid registration", detail: message, errors: { "Idempotency-Key": message } });
});

export const entryRoutes = new Hono<AppEnv>();

/**
 * Registers the caller. 201 with the new entry; the same Idempotency-Key again answers 200 with the first
 * body. Refusals come as problem+json (src/object-client/refusals.ts); bad input as 422 naming the field.
 */
entryRoutes.post(
  "/tournaments/:slug/entries",
  personalCaller,
  requireCaller,
  bodyAtMost(MAX_BODY_BYTES, "A registration body"),
  jsonBody(registration, "the registration"),
  idempotencyKeyHeader,
  tournamentBySlug({ published: true, cached: true }),
  async (c) => {
    if (!callerOf(c).verified) {
      throw new Refusal(403, { title: "Email address not confirmed", detail: UNVERIFIED_DETAIL, reason: "unverified" });
    }
    const { event, relay } = c.req.valid("json");
    const result = await TournamentClient.of(c).register({
      userId: callerOf(c).userId,
      eventId: event,
      relayId: relay,
      idempotencyKey: c.req.valid("header").key,
    });
    if (result.outcome === "refused") {
      const wait = result.reason === "rate_limited" ? (result.retryAfterMs ?? 60_000) : undefined;
      throw refusalFor(result.reason, result.message, wait);
    }
    c.header("Cache-Control", "no-store");
    return c.json(registrationJson(result.entry), result.replayed ? 200 : 201);
  },
);

const notYours = () => new Refusal(404, { title: "No such entry", detail: "There is no entry with this id that you may see or change." });

/** The entry and how the caller relates to it: its owner or an organiser of its tournament; 404 for anyone else. */
async function entryForCaller(c: Context<AppEnv>, entryId: string) {
  const caller = callerOf(c);
  const client = TournamentClient.forEntry(c, entryId);
  // Only existing tournaments get an object woken (an invented id must not create storage).
  if (!client || !(await tournamentById(c.get("db"), client.tournamentId))) throw notYours();
  const entry = await client.call("entry", entryId);
  if (!entry) throw notYours();
  if (entry.userId === caller.userId) return { entry, client, role: "owner" as const };
  const role = await staffRole(c, client.tournamentId, caller.userId);
  if (role && EDITORS.includes(role)) return { entry, client, role: "organiser" as const };
  throw notYours();
}

/** One entry, fresh from its tournament object (owner or organiser). */
entryRoutes.get("/entries/:id", personalCaller, requireCaller, async (c) => {
  const found = await entryForCaller(c, c.req.param("id"));
  c.header("Cache-Control", "no-store");
  return c.json(entryJson(found.entry));
});

/**
 * "Pay now" for API clients: the owner of a held entry gets the Stripe Checkout page to send the person to
 * (a session still open is returned again). 409 when there is nothing to pay or fees are paid at the range.
 */
entryRoutes.post("/entries/:id/checkout", personalCaller, requireCaller, async (c) => {
  const { entry, client, role } = await entryForCaller(c, c.req.param("id"));
  if (role !== "owner") throw notYours();
  const url = await checkoutUrl(c, client, entry, await tournamentForPayment(c.get("db"), client.tournamentId));
  c.header("Cache-Control", "no-store");
  return c.json({ entry: entry.id, checkoutUrl: url }, 201);
});

/**
 * Withdraws an entry: its owner withdraws it, an organiser of the tournament removes it. The place goes to
 * the waitlist at once. Anyone else gets 404 and nothing changes.
 */
entryRoutes.delete("/entries/:id", personalCaller, requireCaller, async (c) => {
  const caller = callerOf(c);
  const { entry, client, role } = await entryForCaller(c, c.req.param("id"));
  const reason = "Withdrawn by an organiser.";
  const result =
    role === "owner"
      ? await client.call("withdraw", { entryId: entry.id, userId: caller.userId })
      : await client.call("remove", { entryId: entry.id, byUserId: caller.userId, reason });
  if (result.outcome === "refused") {
    throw new Refusal(REFUSALS[result.reason].status, { title: "Entry not withdrawn", detail: result.message, reason: result.reason });
  }
  if (role === "organiser" && result.outcome === "changed") {
    await c
      .get("db")
      .insert(auditLog)
      .values({
        tournamentId: result.entry.tournamentId,
        actorId: caller.userId,
        action: "entry.remove",
        subject: result.entry.id,
        detail: JSON.stringify({ reason, competitor: result.entry.userId, promoted: result.promoted.map((e) => e.id) }),
        at: Date.now(),
      })
      .run();
  }
  c.header("Cache-Control", "no-store");
  return c.json(entryJson(result.entry));
});
