export interface MailboxItem {
  key: string;
  recipient: string;
  subject: string;
  sentAt: number | null;
  text: string | null;
}

/** Splits plain text into text and links, so links in the local mailbox can be opened. */
function linked(text: string) {
  return text.split(/(https?:\/\/[^\s]+)/g).map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part));
}

/** The local mailbox (only with LOCAL_MAILBOX=on): what the queue consumer sent, newest first, by recipient. */
export function MailboxPage({ items, to }: { items: MailboxItem[]; to: string }) {
  return (
    <section class="mailbox wide">
      <h1>Local mailbox</h1>
      <p class="lede">Mail sent by this local Tenring (the queue consumer records it here; nothing leaves the machine).</p>
      <form method="get" action="/__mailbox" class="inline-form">
        <label for="mailbox-to">Recipient</label> <input id="mailbox-to" name="to" type="search" value={to} />{" "}
        <button type="submit" class="button secondary">Show</button>
      </form>
      {items.length === 0 ? (
        <p class="empty">No mail yet{to ? ` for ${to}` : ""}. Mail arrives a second or two after the action that sends it: reload.</p>
      ) : (
        items.map((m) => (
          <article class="mail" data-testid="mail" data-recipient={m.recipient}>
            <h2>{m.subject}</h2>
            <p class="meta">
              To {m.recipient} · {m.sentAt ? new Date(m.sentAt).toISOString() : "sending"}
            </p>
            <pre class="mail-text">{linked(m.text ?? "")}</pre>
          </article>
        ))
      )}
    </section>
  );
}
