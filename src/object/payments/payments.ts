import type Stripe from "stripe";
import type { Log } from "../../lib/log.ts";
import {
  type CheckoutView,
  type PaymentEvent,
  type PaymentEventResult,
  type RecordCheckoutRequest,
  type RefundEntryRequest,
  type RefundEntryResult,
  type StartCheckoutRequest,
  type StartCheckoutResult,
  paymentEventSchema,
  recordCheckoutSchema,
  refundEntrySchema,
  startCheckoutSchema,
} from "../contract/index.ts";
import type { Decisions } from "../decisions.ts";
import type { SqliteBook } from "../registration/sqlite-book.ts";
import { applyPaymentEvent, recordCheckout, refundEntry, startCheckout } from "./decide.ts";
import { EXPIRE_TRIES, type PaymentDesk, stripeWork } from "./stripe-work.ts";
import type { PaymentStore } from "./store.ts";

/**
 * Payments inside the tournament object: every decision goes through `Decisions` (one transaction with the
 * registration rules); the alarm's Stripe calls (`work`) happen outside, each result written by its own decision.
 */
export class Payments {
  constructor(
    private readonly book: SqliteBook,
    readonly store: PaymentStore,
    private readonly decisions: Decisions,
  ) {}

  startCheckout(req: StartCheckoutRequest): Promise<StartCheckoutResult> {
    const parsed = startCheckoutSchema.parse(req);
    return this.decisions.commit((clock) => startCheckout(this.book, this.store, parsed, clock));
  }

  recordCheckout(req: RecordCheckoutRequest): Promise<void> {
    const parsed = recordCheckoutSchema.parse(req);
    return this.decisions.commit((clock) => recordCheckout(this.store, parsed, clock));
  }

  paymentEvent(ev: PaymentEvent): Promise<PaymentEventResult> {
    const parsed = paymentEventSchema.parse(ev);
    return this.decisions.commit((clock) => applyPaymentEvent(this.book, this.store, parsed, clock));
  }

  refundEntry(req: RefundEntryRequest): Promise<RefundEntryResult> {
    const parsed = refundEntrySchema.parse(req);
    return this.decisions.commit((clock) => refundEntry(this.store, parsed, clock));
  }

  /** When the alarm has Stripe work to do. */
  dueAt(now: number): number | null {
    return this.store.nextWorkAt(now);
  }

  /** The alarm's Stripe calls (before the holds are released); without a client, nothing to call. */
  async work(stripe: Stripe | null, log: Log): Promise<void> {
    if (!stripe) return;
    const desk: PaymentDesk = {
      toExpire: (now) => this.store.toExpire(now),
      refundsDue: () => this.store.refundsDue(),
      sessionEnded: (s, ev) =>
        this.decisions.decide((clock) => {
          if (ev) applyPaymentEvent(this.book, this.store, ev, clock);
          const now = this.store.session(s.sessionId);
          if (now?.status === "open") this.store.update(s.sessionId, { status: "expired" }, clock.stamp());
        }),
      expireFailed: (s) =>
        this.decisions.decide((clock) => {
          if (this.store.expireFailed(s.sessionId) >= EXPIRE_TRIES) this.store.update(s.sessionId, { status: "expire_failed" }, clock.stamp());
        }),
      refundMade: (s, amount) =>
        this.decisions.decide((clock) => {
          const now = this.store.session(s.sessionId)!;
          this.store.update(s.sessionId, {
            refundDueCents: Math.max(0, now.refundDueCents - amount),
            refundedCents: Math.max(now.refundedCents, s.refundedCents + amount),
            refundRequests: now.refundRequests + 1,
            refundSince: now.refundDueCents - amount > 0 ? now.refundSince : null,
          }, clock.stamp());
        }),
    };
    await stripeWork(stripe, desk, log);
  }

  sessions(): CheckoutView[] {
    return this.store.all();
  }

  sessionsOf(entryId: string): CheckoutView[] {
    return this.store.ofEntry(String(entryId));
  }
}
