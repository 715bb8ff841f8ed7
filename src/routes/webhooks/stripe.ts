import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { problem } from "../../lib/problem.ts";
import { stripeClient, verifiedEvent } from "../../payments/stripe.ts";
import { applyStripeEvent } from "../../payments/webhook-events.ts";
import { markHandled, recordEvent } from "../../queries/payments/events.ts";

/**
 * `POST /webhooks/stripe`: Stripe's events, authenticated by their signature (so no session, no CSRF token).
 * Each event id is recorded once; the answer is 2xx only once the event is recorded and applied, so Stripe
 * retries anything that failed (for days), and a replay or a late duplicate is answered at once, unchanged.
 */
export const webhookRoutes = new Hono<AppEnv>();

webhookRoutes.post("/stripe", async (c) => {
  const stripe = stripeClient(c.env);
  const secret = c.env.STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) return problem(c, 404, "Online payments are not configured");
  const signature = c.req.header("stripe-signature");
  if (!signature) return problem(c, 400, "Missing signature", "A Stripe-Signature header is required.");
  const body = await c.req.text();
  let event;
  try {
    event = await verifiedEvent(stripe, body, signature, secret);
  } catch {
    return problem(c, 400, "Invalid signature", "The payload's signature does not match the webhook secret.");
  }
  const log = c.get("log").with({ stripeEvent: event.id, type: event.type });
  const db = c.get("db");
  if (await recordEvent(db, { id: event.id, type: event.type, account: event.account ?? null }, Date.now())) {
    return c.json({ received: true, duplicate: true });
  }
  const done = await applyStripeEvent(c.env, db, event, log);
  await markHandled(db, event.id, Date.now());
  log.info("stripe event applied", { done });
  return c.json({ received: true, done });
});
