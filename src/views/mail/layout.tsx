import type { Child, PropsWithChildren } from "hono/jsx";
import { formatDateTime } from "../../domain/time/format.ts";

/** A mail as its template makes it: the subject, the HTML body and the plain-text part (every mail has one). */
export interface MailParts {
  subject: string;
  html: Child;
  text: string;
}

/** What a mail about a tournament names: its title and time zone (times in it are in that zone). */
export interface MailTournament {
  title: string;
  timeZone: string;
  slug: string;
}

const BODY = "font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1b1f24;background:#f5f6f8;margin:0;padding:24px";
const CARD = "max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px";
const BUTTON = "display:inline-block;background:#0b5cad;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600";

/** The HTML frame of every mail: inline styles only (mail clients drop stylesheets). */
export function MailLayout({ title, children }: PropsWithChildren<{ title: string }>) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{title}</title>
      </head>
      <body style={BODY}>
        <div style={CARD}>
          <p style="margin:0 0 16px;font-weight:700;color:#0b5cad">Tenring</p>
          {children}
          <p style="margin:24px 0 0;font-size:13px;color:#5b6573">
            You get this mail because of your account or an entry at Tenring. If it was not you, you can ignore it.
          </p>
        </div>
      </body>
    </html>
  );
}

export function MailButton({ href, children }: PropsWithChildren<{ href: string }>) {
  return (
    <p style="margin:20px 0">
      <a href={href} style={BUTTON}>
        {children}
      </a>
      <br />
      <span style="font-size:13px;color:#5b6573">
        Or open this address: <a href={href}>{href}</a>
      </span>
    </p>
  );
}

/** "Spring Open 2027 (times in Europe/Berlin)": how mails name the tournament they concern. */
export function TournamentLine({ tournament }: { tournament: MailTournament }) {
  return (
    <p style="margin:0 0 12px">
      <strong>{tournament.title}</strong> <span style="color:#5b6573">(times in {tournament.timeZone})</span>
    </p>
  );
}

export const tournamentText = (t: MailTournament) => `${t.title} (times in ${t.timeZone})`;

/** A time in the tournament's zone, with the zone's abbreviation, e.g. "Sat 14 Mar 2027, 09:00 CET". */
export const zonedTime = (epoch: number, zone: string) => formatDateTime(epoch, zone);

/** The plain-text part: paragraphs separated by blank lines, and the common footer. */
export function plainText(...paragraphs: string[]): string {
  return [
    "Tenring",
    ...paragraphs,
    "You get this mail because of your account or an entry at Tenring. If it was not you, you can ignore it.",
  ].join("\n\n");
}
