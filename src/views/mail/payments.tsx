import { listMail } from "./entries.tsx";
import type { MailTournament } from "./layout.tsx";

/** What a payment mail needs, read from D1 when it is sent. */
export interface PaymentMailFacts {
  tournament: MailTournament;
  name: string;
  event: string;
  /** Formatted amounts. */
  amount: string;
  refunded: string;
  reason: string | null;
  sessionId: string;
  link: string;
}

const paymentMail = (f: PaymentMailFacts, subject: string, lead: string, lines: string[]) => listMail(f, subject, lead, lines);

export const receiptMail = (f: PaymentMailFacts) =>
  paymentMail(f, `Receipt: ${f.tournament.title}`, "Thank you: your entry fee is paid and your place is confirmed.", [
    `Event: ${f.event}`,
    `Paid: ${f.amount}`,
    `Reference: ${f.sessionId}`,
  ]);

export const refundedMail = (f: PaymentMailFacts) =>
  paymentMail(f, `Refund: ${f.tournament.title}`, "Your entry fee is refunded; it reaches your card within a few days.", [
    `Event: ${f.event}`,
    `Refunded: ${f.refunded} of ${f.amount}`,
    ...(f.reason ? [`Why: ${f.reason}`] : []),
    `Reference: ${f.sessionId}`,
  ]);
