import type { MailMessage } from "./message.ts";

/**
 * Puts mails on the queue: the request (or the outbox alarm) goes on at once; the consumer sends them
 * (src/mail/consumer.ts). A failure to enqueue is the caller's to handle: account routes surface it.
 */
export async function enqueueMail(queue: Queue, messages: MailMessage[]): Promise<void> {
  if (messages.length === 0) return;
  // sendBatch takes at most 100 messages.
  for (let i = 0; i < messages.length; i += 100) {
    await queue.sendBatch(messages.slice(i, i + 100).map((body) => ({ body, contentType: "json" as const })));
  }
}

/** The origin links point to: the request's own (so local and preview links work), else the configured one. */
export function mailOrigin(env: { PUBLIC_ORIGIN: string }, requestUrl?: string): string {
  return requestUrl ? new URL(requestUrl).origin : env.PUBLIC_ORIGIN;
}
