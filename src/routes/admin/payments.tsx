import { type Context, Hono } from "hono";
import { EDITORS } from "../../auth/roles.ts";
import { currentUser } from "../../auth/session.ts";
import { localInput } from "../../domain/time/local-input.ts";
import { formatDateTime } from "../../domain/time/format.ts";
import type { AppEnv } from "../../env.ts";
import { csvFile } from "../../lib/csv.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { allowStripeForms, paymentsConfigured, stripeClient } from "../../payments/stripe.ts";
import { commit } from "../../queries/admin/commit.ts";
import { amountCents, loadPayments, parseSettings, paymentWord, refundForm, saveSettings, SETTINGS_FIELDS } from "../../queries/admin/payments.ts";
import { accountOfUser, paymentSettingsOf, saveAccount } from "../../queries/payments/accounts.ts";
import { type AccountState, PaymentsView } from "../../views/admin/payments.tsx";
import { feeLabel } from "./entries.tsx";
import { forStaff } from "./loaders.ts";
import { adminPage, afterConfigChange, redirectWith, typedValues } from "./respond.tsx";

/** The organisers' payments page: the club's Stripe account, hold time and refund policy, every payment, refunds. */
export const paymentRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);

const NOTICES: Record<string, string> = {
  settings: "Saved. New holds and withdrawals follow these settings.",
  refund: "Refund requested: Stripe makes it within a minute, and the competitor is told.",
  connected: "Back from Stripe. The account shows as ready once Stripe confirms it.",
};

async function accountState(c: Context<AppEnv>): Promise<{ state: AccountState; accountId: string | null }> {
  if (!paymentsConfigured(c.env)) return { state: "platform_off", accountId: null };
  const t = c.get("tournament");
  if (t.createdBy === null) return { state: "not_yours", accountId: null };
  const account = await accountOfUser(c.get("db"), t.createdBy);
  if (!account) return { state: t.createdBy === currentUser(c).id ? "none" : "not_yours", accountId: null };
  return { state: account.chargesEnabled ? "ready" : "onboarding", accountId: account.accountId };
}

async function paymentsPage(c: Context<AppEnv>, forms: { settings?: { values: Values; errors: Errors }; refund?: { values: Values; errors: Errors } } = {}) {
  const t = c.get("tournament");
  const db = c.get("db");
  const [account, settings, loaded] = await Promise.all([accountState(c), paymentSettingsOf(db, t.id), loadPayments(db, t.id)]);
  const settingValues = forms.settings?.values ?? {
    holdMinutes: String(settings.holdMinutes),
    refundFullUntil: settings.refundFullUntil === null ? "" : localInput(settings.refundFullUntil, t.timeZone),
    refundSharePercent: String(settings.refundSharePercent),
  };
  return adminPage(
    c,
    { section: "payments", title: "Payments", wide: true },
    <PaymentsView
      slug={t.slug}
      zone={t.timeZone}
      feeLabel={feeLabel(t)}
      account={account}
      settings={{ values: settingValues, errors: forms.settings?.errors ?? {}, revision: t.revision }}
      refund={forms.refund ?? { values: {}, errors: {} }}
      notice={NOTICES[c.req.query("done") ?? ""]}
      {...loaded}
    />,
  );
}

paymentRoutes.use("/t/:slug/payments", allowStripeForms);
paymentRoutes.use("/t/:slug/payments/*", allowStripeForms);
paymentRoutes.get("/t/:slug/payments", editors, (c) => paymentsPage(c));

/** Connect: a Stripe account for the organiser (once), then Stripe's onboarding through an account link. */
paymentRoutes.post("/t/:slug/payments/connect", editors, async (c) => {
  const t = c.get("tournament");
  const user = currentUser(c);
  const stripe = stripeClient(c.env);
  if (!stripe || t.createdBy !== user.id) return paymentsPage(c);
  const db = c.get("db");
  let account = await accountOfUser(db, user.id);
  if (!account) {
    const created = await stripe.accounts.create({ type: "standard", email: user.email, metadata: { tenringUser: String(user.id) } }, { idempotencyKey: `account:${user.id}` });
    await saveAccount(db, user.id, created.id, Date.now());
    await commit(db, { tournamentId: t.id, actorId: user.id, action: "payments.connect", subject: `user:${user.id}`, detail: { accountId: created.id } });
    account = await accountOfUser(db, user.id);
  }
  const base = `${new URL(c.req.url).origin}/admin/t/${t.slug}/payments`;
  const link = await stripe.accountLinks.create({ account: account!.accountId, type: "account_onboarding", refresh_url: base, return_url: `${base}?done=connected` });
  return c.redirect(link.url, 303);
});

paymentRoutes.post("/t/:slug/payments/settings", editors, async (c) => {
  const t = c.get("tournament");
  const values = await typedValues(c, [...SETTINGS_FIELDS, "revision"]);
  const parsed = parseSettings(values, t.timeZone);
  if ("errors" in parsed) {
    c.status(422);
    return paymentsPage(c, { settings: { values, errors: parsed.errors } });
  }
  const revision = Number(values.revision);
  const saved = await saveSettings(c.get("db"), t.id, currentUser(c).id, Number.isInteger(revision) ? revision : -1, parsed.data);
  if (!saved.committed) {
    c.status(409);
    return paymentsPage(c, { settings: { values, errors: { form: "Someone changed this tournament meanwhile: check the values and save again." } } });
  }
  return afterConfigChange(c, `/admin/t/${t.slug}/payments`, { done: "settings" });
});

/** An organiser's refund, in full or in part, with a reason; the object decides it, D1 audits it. */
paymentRoutes.post("/t/:slug/payments/refund", editors, async (c) => {
  const t = c.get("tournament");
  const values = await typedValues(c, ["entryId", "amount", "reason"]);
  const parsed = refundForm.safeParse(values);
  const again = (errors: Errors) => {
    c.status(422);
    return paymentsPage(c, { refund: { values, errors } });
  };
  if (!parsed.success) return again(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
  const client = TournamentClient.of(c);
  if (!parsed.data.entryId.startsWith(`${t.id}-`)) return again({ amount: "This entry is not one of this tournament's." });
  const cents = amountCents(parsed.data.amount);
  const result = await client.call("refundEntry", { entryId: parsed.data.entryId, amountCents: cents, reason: parsed.data.reason, byUserId: currentUser(c).id });
  if (result.outcome === "refused") return again({ amount: result.message });
  await commit(c.get("db"), {
    tournamentId: t.id, actorId: currentUser(c).id, action: "payment.refund", subject: `entry:${parsed.data.entryId}`,
    detail: { sessionId: result.sessionId, amountCents: result.amountCents, currency: t.currency, reason: parsed.data.reason },
  });
  return redirectWith(c, `/admin/t/${t.slug}/payments`, { done: "refund" });
});

/** Every payment for bookkeeping. */
paymentRoutes.get("/t/:slug/payments.csv", editors, async (c) => {
  const t = c.get("tournament");
  const { rows } = await loadPayments(c.get("db"), t.id);
  const money = (cents: number) => (cents / 100).toFixed(2);
  const file = csvFile(
    ["Paid at", "Competitor", "Email", "Event", "Entry", "Entry status", "Currency", "Amount", "Refunded", "Platform fee", "State", "Refund reason", "Checkout Session"],
    rows.map((r) => [
      r.paidAt === null ? "" : formatDateTime(r.paidAt, t.timeZone), r.name, r.email, r.eventTitle, r.entryId, r.entryStatus, r.currency.toUpperCase(),
      money(r.amountCents), money(r.refundedCents), money(r.platformFeeCents), paymentWord(r), r.refundReason ?? "", r.sessionId,
    ]),
  );
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${t.slug}-payments.csv"`);
  return c.body(file);
});
