import { and, desc, eq } from "drizzle-orm";
import { vi } from "vitest";
import { mailLog } from "../../src/db/accounts-schema.ts";
import { db } from "./d1.ts";

/** The newest mail the queue consumer sent to the address (waits for the real queue to deliver it). */
export async function mailTo(email: string, subjectContains = "") {
  return vi.waitFor(
    async () => {
      const rows = await db.select().from(mailLog).where(and(eq(mailLog.recipient, email), eq(mailLog.state, "sent"))).orderBy(desc(mailLog.sentAt)).all();
      const found = rows.find((r) => r.subject.includes(subjectContains));
      if (!found) throw new Error(`no mail to ${email} yet`);
      return found;
    },
    { timeout: 10_000, interval: 100 },
  );
}

/** The path of the first link in the mail's text part that starts with `prefix`. */
export function linkIn(text: string | null, prefix: string): string {
  const m = new RegExp(`https?://[^\\s/]+(${prefix.replace(/\//g, "\\/")}[^\\s]*)`).exec(text ?? "");
  if (!m?.[1]) throw new Error(`no ${prefix} link in: ${text}`);
  return m[1];
}
