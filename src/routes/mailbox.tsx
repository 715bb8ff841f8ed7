import { and, desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { mailLog } from "../db/accounts-schema.ts";
import { loadUser } from "../auth/session.ts";
import type { AppEnv } from "../env.ts";
import { notHere } from "../lib/refusal.ts";
import { cacheControl } from "../middleware/cache-control.ts";
import { MailboxPage } from "../views/mail/mailbox.tsx";

/**
 * /__mailbox: the local mailbox. It exists only when `LOCAL_MAILBOX` is "on" (npm start and the browser
 * tests pass it; wrangler.toml leaves it off), since only then does the consumer keep mail bodies.
 */
export const mailboxRoutes = new Hono<AppEnv>();

mailboxRoutes.get("/", cacheControl("no-store"), loadUser(), async (c) => {
  if (c.env.LOCAL_MAILBOX !== "on") throw notHere("Page");
  const to = (c.req.query("to") ?? "").trim().toLowerCase();
  const sent = eq(mailLog.state, "sent");
  const items = await c
    .get("db")
    .select({ key: mailLog.key, recipient: mailLog.recipient, subject: mailLog.subject, sentAt: mailLog.sentAt, text: mailLog.text })
    .from(mailLog)
    .where(to ? and(sent, eq(mailLog.recipient, to)) : sent)
    .orderBy(desc(mailLog.sentAt))
    .limit(50)
    .all();
  return c.render(<MailboxPage items={items} to={to} />, { title: "Local mailbox", noindex: true });
});
