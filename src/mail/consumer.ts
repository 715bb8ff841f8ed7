import { openDb } from "../db/client.ts";
import { compose } from "./compose.ts";
import { type ComposedMail, type MailMessage, mailMessage } from "./message.ts";
import { logger } from "../lib/log.ts";

const mailLog = logger({ component: "mail" });

export const MAIL_QUEUE = "tenring-mail";
export const MAIL_DEAD_QUEUE = "tenring-mail-dead";

/** A send claimed this long ago without finishing is taken to have died with its isolate. */
const CLAIM_STALE_MS = 5 * 60_000;

/** Back-off before attempt n+1: 5 s, 10 s, 20 s ... at most 15 min. */
export const retryDelaySeconds = (attempts: number) => Math.min(900, 5 * 2 ** Math.max(0, attempts - 1));

/**
 * The queue consumer. Each message is acknowledged or retried on its own, so one failure never resends the
 * others of its batch. A message is sent at most once per idempotency key: the key is claimed in D1
 * (`mail_log`) before the send and marked sent after it; a redelivered message whose key is sent is only
 * acknowledged. A message that is not a mail at all goes to the dead-letter queue at once; one that keeps
 * failing goes there after the queue's `max_retries`.
 */
export async function handleMailQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  if (batch.queue === MAIL_DEAD_QUEUE) return keepDeadLetters(batch, env);
  for (const message of batch.messages) await handleOne(message, env);
}

async function handleOne(message: Message<unknown>, env: Env): Promise<void> {
  const parsed = mailMessage.safeParse(message.body);
  if (!parsed.success) {
    mailLog.error("mail: not a mail; sent to the dead-letter queue", undefined, { messageId: message.id });
    try {
      await env.MAIL_DEAD.send(message.body, { contentType: "json" });
      message.ack();
    } catch {
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
    return;
  }
  try {
    await deliver(parsed.data, env);
    message.ack();
  } catch (err) {
    mailLog.error("mail: send failed; retrying", err, { key: parsed.data.key, attempt: message.attempts });
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
  }
}

/** Sends the mail unless its key was sent already; throws (after releasing the claim) when the send fails. */
async function deliver(message: MailMessage, env: Env): Promise<void> {
  const db = openDb(env.DB);
  const mail = await compose(db, message);
  if (!mail) return;
  const now = Date.now();
  if (!(await claim(env.DB, message, mail, now))) {
    if (await alreadySent(env.DB, message.key)) return;
    throw new Error(`mail ${message.key} is being sent by another consumer`);
  }
  try {
    await env.EMAIL.send({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text });
  } catch (err) {
    await env.DB.prepare("UPDATE mail_log SET claimed_at = 0 WHERE key = ? AND state = 'sending'").bind(message.key).run();
    throw err;
  }
  // Sent: a failure to record it must not turn into a retry (which would send again), so it is only logged.
  const keep = env.LOCAL_MAILBOX === "on";
  try {
    await env.DB.prepare("UPDATE mail_log SET state = 'sent', sent_at = ?, text = ?, html = ? WHERE key = ?")
      .bind(Date.now(), keep ? mail.text : null, keep ? mail.html : null, message.key)
      .run();
  } catch (err) {
    mailLog.error("mail: sent but could not be recorded", err, { key: message.key });
  }
}

/** Takes the key for this attempt: new, or left by a failed or long-dead attempt. False when sent or busy. */
async function claim(d1: D1Database, message: MailMessage, mail: ComposedMail, now: number): Promise<boolean> {
  const row = await d1
    .prepare(
      `INSERT INTO mail_log (key, kind, recipient, subject, state, attempts, claimed_at) VALUES (?1, ?2, ?3, ?4, 'sending', 1, ?5)
       ON CONFLICT (key) DO UPDATE SET attempts = mail_log.attempts + 1, claimed_at = ?5
       WHERE mail_log.state = 'sending' AND mail_log.claimed_at <= ?6
       RETURNING key`,
    )
    .bind(message.key, message.body.kind, mail.to, mail.subject, now, now - CLAIM_STALE_MS)
    .first();
  return row !== null;
}

async function alreadySent(d1: D1Database, key: string): Promise<boolean> {
  return (await d1.prepare("SELECT 1 AS one FROM mail_log WHERE key = ? AND state = 'sent'").bind(key).first()) !== null;
}

/** The dead-letter queue's consumer: keeps each message in D1 (`mail_dead`) for an operator, never sends. */
async function keepDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const now = Date.now();
  const statements = batch.messages.map((m) => {
    const key = typeof m.body === "object" && m.body !== null && "key" in m.body && typeof m.body.key === "string" ? m.body.key : null;
    return env.DB.prepare("INSERT INTO mail_dead (key, body, attempts, at) VALUES (?, ?, ?, ?)").bind(key, JSON.stringify(m.body) ?? "null", m.attempts, now);
  });
  if (statements.length > 0) await env.DB.batch(statements);
  batch.ackAll();
}
