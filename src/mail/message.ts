import { z } from "zod";

/**
 * What travels on the mail queue. Account mails carry what they say (a link's path, names); mails about an
 * entry carry only its id and the status that triggered them, and are composed from D1 when sent, so the
 * tournament object never renders mail. `key` is the idempotency key: one key, at most one mail.
 */
const path = z.string().startsWith("/").max(500);
const name = z.string().max(200);

const tournament = z.object({ title: name, timeZone: z.string().max(64), slug: z.string().max(100) });

export const mailBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("verify"), name, link: path, change: z.boolean() }),
  z.object({ kind: z.literal("reset"), name, link: path }),
  z.object({ kind: z.literal("invitation"), tournament, role: name, invitedBy: name, link: path, expiresAt: z.number().int() }),
  z.object({ kind: z.literal("claim"), tournament, name, event: name, relay: name, link: path, expiresAt: z.number().int() }),
  z.object({ kind: z.literal("entry"), entryId: z.string().min(1).max(100), status: z.enum(["confirmed", "held", "waitlisted", "withdrawn", "removed", "expired"]) }),
  /** A payment's receipt, or a refund (refundedCents: the total refunded so far, one mail per amount). */
  z.object({ kind: z.literal("payment"), sessionId: z.string().min(3).max(255), event: z.enum(["receipt", "refunded"]), refundedCents: z.number().int().min(0) }),
]);

export const mailMessage = z.object({
  key: z.string().min(3).max(300),
  /** Entry mails find their recipient in D1; the others name it. */
  to: z.email().nullable(),
  /** Links in the mail are made absolute against this origin. */
  origin: z.url(),
  body: mailBody,
});

export type MailBody = z.infer<typeof mailBody>;
export type MailMessage = z.infer<typeof mailMessage>;
export type MailKind = MailBody["kind"];

/** A mail ready for the `send_email` binding, with the tournament it concerns (if any) for the log. */
export interface ComposedMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** The key of an entry mail: one mail per entry and status, however often the outbox resends the entry. */
export const entryMailKey = (entryId: string, status: string) => `entry:${entryId}:${status}`;

/** The key of a payment mail: one receipt per payment, one refund mail per refunded total. */
export const paymentMailKey = (sessionId: string, event: string, refundedCents: number) => `payment:${sessionId}:${event}:${refundedCents}`;
