import Stripe from "stripe";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import { contentSecurityPolicy } from "../middleware/security.ts";

/** What the Stripe client needs from the environment; absent keys mean "no online payments". */
export type StripeEnv = Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_API_BASE" | "PLATFORM_FEE_BPS">;

/**
 * The Stripe client for Workers: the fetch HTTP client and WebCrypto (no Node modules). `STRIPE_API_BASE`
 * points it elsewhere than api.stripe.com (the fake Stripe of the tests and `npm start`); empty in production.
 */
export function stripeClient(env: StripeEnv): Stripe | null {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) return null;
  const config: Stripe.StripeConfig = { httpClient: Stripe.createFetchHttpClient(), maxNetworkRetries: 2, timeout: 20_000 };
  if (env.STRIPE_API_BASE) {
    const base = new URL(env.STRIPE_API_BASE);
    config.host = base.hostname;
    config.port = base.port || (base.protocol === "https:" ? "443" : "80");
    config.protocol = base.protocol === "https:" ? "https" : "http";
  }
  return new Stripe(key, config);
}

/** Whether the platform can take payments online at all (keys configured). */
export function paymentsConfigured(env: StripeEnv): boolean {
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET);
}

/** Basis points of each fee the platform keeps (Connect `application_fee_amount`); 0 unless configured. */
export function platformFeeBasisPoints(env: StripeEnv): number {
  const bps = Number(env.PLATFORM_FEE_BPS ?? "0");
  return Number.isInteger(bps) && bps >= 0 && bps <= 10_000 ? bps : 0;
}

const cryptoProvider = Stripe.createSubtleCryptoProvider();

/** Verifies a webhook's signature (throws when it does not match) and returns the event. */
export async function verifiedEvent(stripe: Stripe, body: string, signature: string, secret: string): Promise<Stripe.Event> {
  return stripe.webhooks.constructEventAsync(body, signature, secret, undefined, cryptoProvider);
}

/** An error Stripe answered for the request itself (4xx other than rate limits): retrying will not help. */
export function stripeRefused(err: unknown): boolean {
  return err instanceof Stripe.errors.StripeInvalidRequestError;
}

/** Where "Pay now" and "Connect Stripe" forms lead (through a redirect, which `form-action` also governs). */
export function stripeFormTargets(env: StripeEnv): string[] {
  if (!paymentsConfigured(env)) return [];
  return env.STRIPE_API_BASE ? [new URL(env.STRIPE_API_BASE).origin] : ["https://checkout.stripe.com", "https://connect.stripe.com"];
}

/** On pages with a form that ends on Stripe's hosted pages: the CSP lets those forms go there, nothing more. */
export const allowStripeForms = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const targets = stripeFormTargets(c.env);
  if (targets.length > 0 && c.get("nonce")) c.res.headers.set("Content-Security-Policy", contentSecurityPolicy(c.get("nonce"), targets));
});
