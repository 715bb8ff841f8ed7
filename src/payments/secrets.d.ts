/**
 * The platform's Stripe keys are Worker secrets (`wrangler secret put`), so `wrangler types` does not see
 * them; without them Tenring takes fees at the range (see wrangler.toml and README "Payments").
 */
interface Env {
  STRIPE_SECRET_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
}
