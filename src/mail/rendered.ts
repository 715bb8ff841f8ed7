import type { MailParts } from "../views/mail/layout.tsx";
import type { ComposedMail } from "./message.ts";

/** The template rendered to strings (hono/jsx renders to a string, or a promise of one with async parts). */
export async function rendered(to: string, parts: MailParts): Promise<ComposedMail> {
  const body = await (parts.html as { toString(): string | Promise<string> }).toString();
  return { to, subject: parts.subject, html: `<!doctype html>${body}`, text: parts.text };
}
