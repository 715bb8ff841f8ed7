import type { EntryRecord } from "../../domain/registration/types.ts";
import { enqueueMail } from "../../mail/enqueue.ts";
import { entryMailKey, type MailMessage } from "../../mail/message.ts";

/**
 * The mails of the object's decisions ("you are registered", "you moved up", "your place is released"):
 * enqueued by the outbox once D1 has the entries, never inside a decision, so a registration never waits
 * on mail. The key is the entry and its status: the outbox may send an entry again (a check-in, a retry),
 * but each status of an entry is told at most once. The consumer composes the mail from D1.
 */
export function entryMails(queue: Queue, origin: string) {
  return async (entries: EntryRecord[]): Promise<void> => {
    const messages: MailMessage[] = entries.map((e) => ({
      key: entryMailKey(e.id, e.status),
      to: null,
      origin,
      body: { kind: "entry", entryId: e.id, status: e.status },
    }));
    await enqueueMail(queue, messages);
  };
}
