import type { Context } from "hono";
import { issueToken } from "../../auth/account-tokens.ts";
import type { AppEnv } from "../../env.ts";
import { enqueueMail, mailOrigin } from "../../mail/enqueue.ts";

/** Mails a verification link for `email` (the account's address, or the new one it asked for). */
export async function sendVerification(c: Context<AppEnv>, user: { id: number; name: string }, email: string, change: boolean): Promise<void> {
  const { token } = await issueToken(c.get("db"), { purpose: "verify", email, userId: user.id });
  await enqueueMail(c.env.MAIL_QUEUE, [
    {
      key: `verify:${token.slice(0, 16)}`,
      to: email,
      origin: mailOrigin(c.env, c.req.url),
      body: { kind: "verify", name: user.name, link: `/account/verify/${token}`, change },
    },
  ]);
}

/** Mails a password-reset link to an existing account's address. */
export async function sendReset(c: Context<AppEnv>, user: { id: number; name: string; email: string }): Promise<void> {
  const { token } = await issueToken(c.get("db"), { purpose: "reset", email: user.email, userId: user.id });
  await enqueueMail(c.env.MAIL_QUEUE, [
    {
      key: `reset:${token.slice(0, 16)}`,
      to: user.email,
      origin: mailOrigin(c.env, c.req.url),
      body: { kind: "reset", name: user.name, link: `/account/reset/${token}` },
    },
  ]);
}
