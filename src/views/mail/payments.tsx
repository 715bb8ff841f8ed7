import { MailButton, MailLayout, type MailParts, type MailTournament, TournamentLine, plainText, tournamentText } from "./layout.tsx";

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

function paymentMail(f: PaymentMailFacts, subject: string, lead: string, lines: string[]): MailParts {
  return {
    subject,
    html: (
      <MailLayout title={subject}>
        <TournamentLine tournament={f.tournament} />
        <p>Hello {f.name},</p>
        <p>{lead}</p>
        <ul>
          {lines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
        <MailButton href={f.link}>See my entries</MailButton>
      </MailLayout>
    ),
    text: plainText(tournamentText(f.tournament), `Hello ${f.name},`, lead, lines.join("\n"), `See your entries: ${f.link}`),
  };
}

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
