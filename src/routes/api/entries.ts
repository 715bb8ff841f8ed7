import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { type ApiEnv, callerOf, requireCaller } from "../../auth/api-auth.ts";
import { auditLog } from "../../db/schema.ts";
import { problem } from "../../lib/problem.ts";
import type { ChangeResult, RefusalReason, RegisterRequest, RegisterResult } from "../../object/contract/index.ts";
import { isOverloaded, retryOnce, stubForEntry, tournamentStub } from "../../object-client/stub.ts";
import { pushConfiguration } from "../../object-client/configuration.ts";
import { isOrganiser, tournamentById, tournamentBySlug } from "../../queries/tournament-lookup.ts";
import { entryJson, registrationJson } from "./present.ts";
import { fieldErrors, jsonBody } from "./validation.ts";

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

const REFUSALS: Record<RefusalReason, { status: 403 | 409 | 422 | 429 | 503; title: string; field?: string }> = {
  not_open: { status: 403, title: "Registration is not open yet" },
  closed: { status: 403, title: "Registration is closed" },
  already_entered: { status: 409, title: "Already entered" },
  unknown_event: { status: 422, title: "Unknown event", field: "event" },
  unknown_relay: { status: 422, title: "Unknown relay", field: "relay" },
  idempotency_key_reused: { status: 422, title: "Idempotency-Key already used", field: "Idempotency-Key" },
  rate_limited: { status: 429, title: "Too many attempts" },
  not_configured: { status: 503, title: "Registration is not ready" },
};

export const entryRoutes = new Hono<ApiEnv>();

/**
 * Registers the caller. 201 with the new entry; the same Idempotency-Key again answers 200 with the first
 * body. Refusals come as problem+json (see REFUSALS); bad input as 422 naming the field.
 */
entryRoutes.post(
  "/tournaments/:slug/entries",
  requireCaller,
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => problem(c, 413, "Request too large", `A registration body must not exceed ${MAX_BODY_BYTES} bytes.`),
  }),
  async (c) => {
    const caller = callerOf(c);
    const body = await jsonBody(c, "the registration");
    if (body instanceof Response) return body;
    const key = idempotencyKey.safeParse(c.req.header("Idempotency-Key"));
    const parsed = registration.safeParse(body);
    if (!key.success || !parsed.success) {
      const errors = {
        ...(parsed.success ? {} : fieldErrors(parsed.error)),
        ...(key.success ? {} : { "Idempotency-Key": key.error.issues[0]?.message ?? "Invalid Idempotency-Key." }),
      };
      return problem(c, 422, "Invalid registration", Object.values(errors).join(" "), errors);
    }
    const tournament = await tournamentBySlug(c.get("db"), c.req.param("slug"), { cached: true });
    if (!tournament || tournament.status !== "published") {
      return problem(c, 404, "No such tournament", "There is no published tournament at this address.");
    }
    const stub = tournamentStub(c.env, tournament.id);
    const request: RegisterRequest = {
      userId: caller.userId,
      eventId: parsed.data.event,
      relayId: parsed.data.relay,
      idempotencyKey: key.data,
    };
    // Safe to repeat: the idempotency key makes a second delivery return the first answer.
    const ask = () => retryOnce<RegisterResult>(() => stub.register(request));
    c.header("Cache-Control", "no-store");
    let result: RegisterResult;
    try {
      result = await ask();
      if (result.outcome === "refused" && result.reason === "not_configured") {
        // The object has not been told its configuration yet (a fresh tournament): tell it, then ask again.
        await pushConfiguration(c.env, c.get("db"), tournament.id);
        result = await ask();
      }
    } catch (err) {
      if (!isOverloaded(err)) throw err;
      c.header("Retry-After", "1");
      return problem(c, 503, "Registration is busy", "Too many requests reached this tournament at once. Please retry with the same Idempotency-Key.");
    }
    if (result.outcome !== "refused") return c.json(registrationJson(result.entry), result.replayed ? 200 : 201);
    const refusal = REFUSALS[result.reason];
    if (result.reason === "rate_limited") c.header("Retry-After", String(Math.ceil((result.retryAfterMs ?? 60_000) / 1000)));
    if (result.reason === "not_configured") c.header("Retry-After", "5");
    const errors = refusal.field ? { [refusal.field]: result.message } : undefined;
    return problem(c, refusal.status, refusal.title, result.message, errors);
  },
);

const notYours = (c: Context) =>
  problem(c, 404, "No such entry", "There is no entry with this id that you may see or change.");

/** Finds the entry and how the caller relates to it: its owner, an organiser of its tournament, or neither. */
async function entryForCaller(c: Context<ApiEnv>, entryId: string) {
  const caller = callerOf(c);
  const found = stubForEntry(c.env, entryId);
  if (!found) return null;
  // Only existing tournaments get an object woken (an invented id must not create storage).
  if (!(await tournamentById(c.get("db"), found.tournamentId))) return null;
  const entry = await found.stub.entry(entryId);
  if (!entry) return null;
  if (entry.userId === caller.userId) return { entry, stub: found.stub, role: "owner" as const };
  if (await isOrganiser(c.get("db"), found.tournamentId, caller.userId)) return { entry, stub: found.stub, role: "organiser" as const };
  return null;
}

/** One entry, fresh from its tournament object (owner or organiser). */
entryRoutes.get("/entries/:id", requireCaller, async (c) => {
  const found = await entryForCaller(c, c.req.param("id"));
  if (!found) return notYours(c);
  c.header("Cache-Control", "no-store");
  return c.json(entryJson(found.entry));
});

/**
 * Withdraws an entry: its owner withdraws it, an organiser of the tournament removes it. The place goes to
 * the waitlist at once. Anyone else gets 404 and nothing changes.
 */
entryRoutes.delete("/entries/:id", requireCaller, async (c) => {
  const caller = callerOf(c);
  const found = await entryForCaller(c, c.req.param("id"));
  if (!found) return notYours(c);
  const reason = "Withdrawn by an organiser.";
  const result =
    found.role === "owner"
      ? await retryOnce<ChangeResult>(() => found.stub.withdraw({ entryId: found.entry.id, userId: caller.userId }))
      : await retryOnce<ChangeResult>(() => found.stub.remove({ entryId: found.entry.id, byUserId: caller.userId, reason }));
  c.header("Cache-Control", "no-store");
  if (result.outcome === "refused") {
    return problem(c, result.reason === "not_found" ? 404 : 409, "Entry not withdrawn", result.message);
  }
  if (found.role === "organiser" && result.outcome === "changed") {
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
  return c.json(entryJson(result.entry));
});
