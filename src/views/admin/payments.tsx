import type { ReconciliationProblem } from "../../domain/payments/reconcile.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import { type CurrencyTotals, type PaymentRow, paymentWord } from "../../queries/admin/payments.ts";
import { Empty } from "../components/empty.tsx";
import { Csrf, fieldsOf, FormProblem, Input, Saved } from "../components/fields.tsx";
import { formatMoney } from "../components/money.tsx";
import { DateTime } from "../components/time.tsx";

export type AccountState = "platform_off" | "not_yours" | "none" | "onboarding" | "ready";

export interface PaymentsPageProps {
  slug: string;
  zone: string;
  feeLabel: string | null;
  account: { state: AccountState; accountId: string | null };
  settings: { values: Values; errors: Errors; revision: number };
  refund: { values: Values; errors: Errors };
  rows: PaymentRow[];
  totals: CurrencyTotals[];
  problems: ReconciliationProblem[];
  notice: string | undefined;
}

const ACCOUNT_TEXT: Record<AccountState, string> = {
  platform_off: "Online payments are not set up on this Tenring: entry fees are paid at the range and marked paid on each entry.",
  not_yours: "Fees go to the Stripe account of the organiser who created this tournament; only they can connect it.",
  none: "Connect the club's Stripe account to take entry fees online. Until then fees are paid at the range.",
  onboarding: "Stripe still needs some details before the account can take payments.",
  ready: "Entry fees are paid online, straight into the club's Stripe account.",
};

function AccountPanel({ slug, account }: Pick<PaymentsPageProps, "slug" | "account">) {
  const action = `/admin/t/${slug}/payments/connect`;
  return (
    <section class="panel" aria-labelledby="stripe-account">
      <h2 id="stripe-account">Stripe account</h2>
      <p data-testid="account-state" data-state={account.state}>
        {ACCOUNT_TEXT[account.state]}
        {account.accountId && <> (<code>{account.accountId}</code>)</>}
      </p>
      {(account.state === "none" || account.state === "onboarding") && (
        <form method="post" action={action}>
          <Csrf />
          <button type="submit" class="button">
            {account.state === "none" ? "Connect Stripe" : "Finish Stripe onboarding"}
          </button>
        </form>
      )}
    </section>
  );
}

function SettingsForm({ slug, settings }: Pick<PaymentsPageProps, "slug" | "settings">) {
  const field = fieldsOf("payment-settings", settings.values, settings.errors);
  return (
    <form method="post" action={`/admin/t/${slug}/payments/settings`} class="panel" aria-labelledby="payment-settings-title" novalidate>
      <h2 id="payment-settings-title">Hold time and refunds</h2>
      <Csrf />
      <input type="hidden" name="revision" value={String(settings.revision)} />
      <Input {...field("holdMinutes")} label="Hold a place for (minutes)" type="number" min="1" max="1440" inputmode="numeric"
        hint="A new entry (or one promoted from the waitlist) keeps its place this long while unpaid; then the next in line gets it." />
      <Input {...field("refundFullUntil")} label="Full refund until" type="datetime-local" required={false}
        hint="Withdrawals until then get the whole fee back. Empty: the share below applies from the start." />
      <Input {...field("refundSharePercent")} label="Refund after that (percent)" type="number" min="0" max="100" inputmode="numeric"
        hint="Until registration closes; nothing is refunded after it closes." />
      <button type="submit" class="button">
        Save
      </button>
    </form>
  );
}

function Totals({ totals }: { totals: CurrencyTotals[] }) {
  return (
    <table class="data" data-testid="payment-totals">
      <caption>Totals per currency</caption>
      <thead>
        <tr><th scope="col">Currency</th><th scope="col">Payments</th><th scope="col">Paid</th><th scope="col">Refunded</th><th scope="col">Platform fee</th><th scope="col">Net to the club</th></tr>
      </thead>
      <tbody>
        {totals.map((t) => (
          <tr>
            <td>{t.currency.toUpperCase()}</td>
            <td>{t.count}</td>
            <td>{formatMoney(t.paidCents, t.currency.toUpperCase())}</td>
            <td>{formatMoney(t.refundedCents, t.currency.toUpperCase())}</td>
            <td>{formatMoney(t.platformFeeCents, t.currency.toUpperCase())}</td>
            <td>{formatMoney(t.netCents, t.currency.toUpperCase())}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RefundForm({ slug, row, refund }: { slug: string; row: PaymentRow; refund: PaymentsPageProps["refund"] }) {
  const mine = refund.values.entryId === row.entryId;
  const field = fieldsOf(`refund-${row.sessionId}`, mine ? refund.values : {}, mine ? refund.errors : {});
  return (
    <details open={mine && Object.keys(refund.errors).length > 0}>
      <summary>Refund…</summary>
      <form method="post" action={`/admin/t/${slug}/payments/refund`} novalidate>
        <Csrf />
        <input type="hidden" name="entryId" value={row.entryId} />
        <Input {...field("amount")} label={`Amount (${row.currency.toUpperCase()})`} required={false} inputmode="decimal" hint="Empty: everything not yet refunded." />
        <Input {...field("reason")} label="Reason" maxlength={500} />
        <button type="submit" class="button small">Refund</button>
      </form>
    </details>
  );
}

export function PaymentsView(p: PaymentsPageProps) {
  return (
    <>
      {p.notice && <Saved>{p.notice}</Saved>}
      {p.settings.errors.form && <FormProblem id="payments-problem">{p.settings.errors.form}</FormProblem>}
      <p>Entry fee: {p.feeLabel ?? "none (free entry)"}.</p>
      <AccountPanel slug={p.slug} account={p.account} />
      <SettingsForm slug={p.slug} settings={p.settings} />
      <section aria-labelledby="payments-title">
        <h2 id="payments-title">Payments</h2>
        <p data-testid="reconciliation" data-ok={p.problems.length === 0 ? "yes" : "no"}>
          {p.problems.length === 0
            ? "Reconciled: every paid Checkout Session belongs to a confirmed entry or was refunded."
            : `${p.problems.length} payment${p.problems.length === 1 ? "" : "s"} to look at:`}
        </p>
        {p.problems.length > 0 && (
          <ul class="problems">
            {p.problems.map((x) => <li><code>{x.sessionId}</code> ({x.entryId}): {x.problem}</li>)}
          </ul>
        )}
        {p.rows.length === 0 ? (
          <Empty>No online payments yet.</Empty>
        ) : (
          <>
            <Totals totals={p.totals} />
            <p><a href={`/admin/t/${p.slug}/payments.csv`} download>Download CSV</a> (for bookkeeping)</p>
            <table class="data" data-testid="payments-table">
              <thead>
                <tr><th scope="col">Competitor</th><th scope="col">Event</th><th scope="col">Entry</th><th scope="col">Amount</th><th scope="col">State</th><th scope="col">Paid</th><th scope="col"></th></tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr data-session={r.sessionId} data-state={paymentWord(r)}>
                    <td>{r.name}<br /><small>{r.email}</small></td>
                    <td>{r.eventTitle}</td>
                    <td>{r.entryStatus}</td>
                    <td>{formatMoney(r.amountCents, r.currency.toUpperCase())}{r.refundedCents > 0 && <><br /><small>refunded {formatMoney(r.refundedCents, r.currency.toUpperCase())}</small></>}</td>
                    <td>{paymentWord(r)}{r.refundReason && <><br /><small>{r.refundReason}</small></>}</td>
                    <td>{r.paidAt !== null ? <DateTime epoch={r.paidAt} zone={p.zone} /> : "—"}</td>
                    <td>{r.status === "paid" && r.refundedCents + r.refundDueCents < r.amountCents && <RefundForm slug={p.slug} row={r} refund={p.refund} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
