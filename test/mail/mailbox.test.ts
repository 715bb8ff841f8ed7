import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/app.ts";
import { enqueueMail } from "../../src/mail/enqueue.ts";
import { texts } from "../helpers/html.ts";
import { mailTo } from "../helpers/mail.ts";

const mailbox = (to: string, mailboxSetting: string) =>
  app.fetch(new Request(`https://tenring.test/__mailbox?to=${encodeURIComponent(to)}`), { ...env, LOCAL_MAILBOX: mailboxSetting }, createExecutionContext());

describe("the local mailbox", () => {
  it("lists what the consumer sent to an address, with its links, when LOCAL_MAILBOX is on", async () => {
    const to = `mailbox-${Date.now()}@example.test`;
    await enqueueMail(env.MAIL_QUEUE, [
      { key: `mailbox-${to}`, to, origin: "https://tenring.test", body: { kind: "reset", name: "Max", link: "/account/reset/abc" } },
    ]);
    await mailTo(to, "Reset your Tenring password");
    const res = await mailbox(to, "on");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const html = await res.text();
    expect(await texts(html, "[data-testid=mail] h2")).toEqual(["Reset your Tenring password"]);
    expect(html).toContain('<a href="https://tenring.test/account/reset/abc">');
  });

  it("does not exist without LOCAL_MAILBOX (the deployed default)", async () => {
    expect((await mailbox("anyone@example.test", "")).status).toBe(404);
  });
});
