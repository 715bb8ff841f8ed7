import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { mailDead, mailLog } from "../../src/db/accounts-schema.ts";
import { handleMailQueue, MAIL_QUEUE, retryDelaySeconds } from "../../src/mail/consumer.ts";
import type { MailMessage } from "../../src/mail/message.ts";
import { db } from "../helpers/d1.ts";

function verifyMessage(key: string, to: string): MailMessage {
  return { key, to, origin: "https://tenring.test", body: { kind: "verify", name: "Ada", link: "/account/verify/abc", change: false } };
}

/** The real `send_email` binding, behind a provider that fails the first `failures` sends (the network boundary). */
function flakyEmail(failures: number) {
  const sent: unknown[] = [];
  let left = failures;
  const binding = {
    send: async (mail: EmailMessageBuilder) => {
      if (left-- > 0) throw new Error("provider unavailable");
      sent.push(mail);
      return env.EMAIL.send(mail);
    },
  } as unknown as SendEmail;
  return { binding, sent };
}

async function deliver(message: MailMessage, attempts: number, email: SendEmail) {
  const batch = createMessageBatch(MAIL_QUEUE, [{ id: `m-${message.key}-${attempts}`, timestamp: Date.now(), attempts, body: message }]);
  const ctx = createExecutionContext();
  await handleMailQueue(batch, { ...env, EMAIL: email });
  return getQueueResult(batch, ctx);
}

describe("mail queue consumer", () => {
  it("retries a failed send with back-off, then sends once; a redelivery of the sent message sends nothing", async () => {
    const message = verifyMessage(`test-retry-${Date.now()}`, "retry@example.test");
    const provider = flakyEmail(1);

    const first = await deliver(message, 1, provider.binding);
    expect(first.retryMessages).toEqual([{ msgId: `m-${message.key}-1` }]);
    expect(first.explicitAcks).toEqual([]);
    expect(provider.sent).toHaveLength(0);

    const second = await deliver(message, 2, provider.binding);
    expect(second.explicitAcks).toEqual([`m-${message.key}-2`]);
    expect(provider.sent).toHaveLength(1);

    // At-least-once delivery: the same message again is acknowledged without a second send.
    const third = await deliver(message, 3, provider.binding);
    expect(third.explicitAcks).toEqual([`m-${message.key}-3`]);
    expect(provider.sent).toHaveLength(1);

    const row = await db.select().from(mailLog).where(eq(mailLog.key, message.key)).get();
    expect(row).toMatchObject({ state: "sent", attempts: 2, recipient: "retry@example.test" });
    expect(row?.text).toContain("https://tenring.test/account/verify/abc");
    expect(row?.html).toContain('href="https://tenring.test/account/verify/abc"');
  });

  it("acknowledges each message on its own: one failure does not resend the others of its batch", async () => {
    const ok = verifyMessage(`test-ok-${Date.now()}`, "ok@example.test");
    const bad = verifyMessage(`test-bad-${Date.now()}`, "bad@example.test");
    const sent: string[] = [];
    const email = {
      send: async (m: EmailMessageBuilder) => {
        if (m.to === "bad@example.test") throw new Error("mailbox unavailable");
        sent.push(String(m.to));
        return env.EMAIL.send(m);
      },
    } as unknown as SendEmail;
    const batch = createMessageBatch(MAIL_QUEUE, [
      { id: "a", timestamp: Date.now(), attempts: 1, body: ok },
      { id: "b", timestamp: Date.now(), attempts: 3, body: bad },
    ]);
    const ctx = createExecutionContext();
    await handleMailQueue(batch, { ...env, EMAIL: email });
    const result = await getQueueResult(batch, ctx);
    expect(result.retryBatch.retry).toBe(false);
    expect(result.explicitAcks).toEqual(["a"]);
    expect(result.retryMessages).toEqual([{ msgId: "b" }]);
    expect(sent).toEqual(["ok@example.test"]);
  });

  it("backs off exponentially between attempts, up to 15 minutes", () => {
    expect([1, 2, 3, 4, 10, 20].map(retryDelaySeconds)).toEqual([5, 10, 20, 40, 900, 900]);
  });

  it("sends a poisoned message through the real queues to the dead-letter queue, where it is kept and not sent", async () => {
    const marker = `poison-${Date.now()}`;
    await env.MAIL_QUEUE.send({ key: marker, to: "not an address", body: { kind: "nonsense" } });
    const dead = await vi.waitFor(
      async () => {
        const row = await db.select().from(mailDead).where(eq(mailDead.key, marker)).get();
        if (!row) throw new Error("not in the dead-letter queue yet");
        return row;
      },
      { timeout: 15_000, interval: 200 },
    );
    expect(JSON.parse(dead.body)).toMatchObject({ key: marker, body: { kind: "nonsense" } });
    expect(await db.select().from(mailLog).where(eq(mailLog.key, marker)).get()).toBeUndefined();
  });
});
