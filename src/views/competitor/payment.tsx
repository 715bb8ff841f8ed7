import { Csrf } from "../components/fields.tsx";
import { Countdown } from "../components/time.tsx";

const payUrl = (entryId: string) => `/me/entries/${encodeURIComponent(entryId)}/pay`;
const statusUrl = (entryId: string) => `/me/entries/${encodeURIComponent(entryId)}/payment`;

/** "Pay now" on a held entry, with the time left on the hold. A plain form: Stripe's page is a full navigation. */
export function PayNow({ entryId, holdUntil, zone }: { entryId: string; holdUntil: number | null; zone: string }) {
  return (
    <form class="pay-now" method="post" action={payUrl(entryId)} data-testid="pay-now">
      <Csrf />
      {holdUntil !== null && (
        <Countdown target={holdUntil} now={Date.now()} zone={zone} label="Pay within" doneLabel="The hold has ended." atZero="reload" />
      )}
      <button type="submit" class="button">
        Pay now
      </button>
    </form>
  );
}

/** Where the payment stands for the return page: still confirming, confirmed, refunded, or lapsed. */
export type PaymentState =
  | { kind: "confirming" }
  | { kind: "confirmed" }
  | { kind: "refunded"; why: string }
  | { kind: "lapsed" };

/** The status line; while confirming it asks again every 2 s (htmx), and stops once settled. */
export function PaymentStatus({ entryId, state }: { entryId: string; state: PaymentState }) {
  if (state.kind === "confirming") {
    return (
      <div id="payment-status" class="notice info" role="status" data-testid="payment-status" data-state="confirming"
        hx-get={statusUrl(entryId)} hx-trigger="every 2s" hx-swap="outerHTML">
        <p>
          <strong>Payment received, confirming…</strong> Stripe tells us in a moment; this page updates by itself.
        </p>
        <noscript>
          <p>
            <a href={`/me/entries/${encodeURIComponent(entryId)}/paid`}>Check again</a>
          </p>
        </noscript>
      </div>
    );
  }
  const body =
    state.kind === "confirmed" ? (
      <p>
        <strong>Paid: your place is confirmed.</strong> A receipt is on its way by mail.
      </p>
    ) : state.kind === "refunded" ? (
      <p>
        <strong>Your payment is being refunded.</strong> {state.why}
      </p>
    ) : (
      <p>
        <strong>The hold on this place ended before the payment arrived.</strong> If you were charged, the payment is refunded or the
        place confirmed as soon as Stripe tells us.
      </p>
    );
  return (
    <div id="payment-status" class={`notice ${state.kind === "confirmed" ? "success" : "error"}`} role="status" data-testid="payment-status" data-state={state.kind}>
      {body}
      <p>
        <a href="/me/entries">Back to my entries</a>
      </p>
    </div>
  );
}

export function PaymentReturnPage({ entryId, state }: { entryId: string; state: PaymentState }) {
  return (
    <section class="payment-return">
      <h1>Entry fee</h1>
      <PaymentStatus entryId={entryId} state={state} />
    </section>
  );
}
