import { MailButton, MailLayout, type MailParts, type MailTournament, TournamentLine, plainText, tournamentText, zonedTime } from "./layout.tsx";

/** What a mail about an entry needs, read from D1 when it is sent. */
export interface EntryMailFacts {
  tournament: MailTournament;
  name: string;
  event: string;
  relay: string | null;
  firingPoint: number | null;
  startsAt: number | null;
  waitlistPosition: number | null;
  /** Where the person sees their entries (absolute). */
  link: string;
}

function placeLines(f: EntryMailFacts): string[] {
  const lines = [`Event: ${f.event}`];
  if (f.relay) lines.push(`Relay: ${f.relay}`);
  if (f.firingPoint !== null) lines.push(`Firing point: ${f.firingPoint}`);
  if (f.startsAt !== null) lines.push(`Start: ${zonedTime(f.startsAt, f.tournament.timeZone)}`);
  return lines;
}

function entryMail(f: EntryMailFacts, subject: string, lead: string, after?: string): MailParts {
  return listMail(f, subject, lead, placeLines(f), after);
}

/** A mail about one's entries: greeting, a lead, facts as a list, maybe a closing line, and the way to My entries. */
export function listMail(f: Pick<EntryMailFacts, "tournament" | "name" | "link">, subject: string, lead: string, lines: string[], after?: string): MailParts {
  return {
    subject,
    html: (
      <MailLayout title={subject}>
        <TournamentLine tournament={f.tournament} />
        <p>Hello {f.name},</p>
        <p>{lead}</p>
        <ul>
          {lines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
        {after && <p>{after}</p>}
        <MailButton href={f.link}>See my entries</MailButton>
      </MailLayout>
    ),
    text: plainText(tournamentText(f.tournament), `Hello ${f.name},`, lead, lines.join("\n"), ...(after ? [after] : []), `See your entries: ${f.link}`),
  };
}

export const registeredMail = (f: EntryMailFacts) =>
  entryMail(f, `You are registered: ${f.tournament.title}`, "You are registered. Your place:");

export const heldMail = (f: EntryMailFacts) =>
  entryMail(f, `Your place is held: ${f.tournament.title}`, "A place is held for you until the entry fee is paid:", "Pay from your entries page to keep it.");

/** `payBy`: a place held for payment (the fee is paid online by then, or the place goes to the next in line). */
export const promotedMail = (f: EntryMailFacts, payBy: number | null = null) =>
  payBy === null
    ? entryMail(f, `You moved up from the waitlist: ${f.tournament.title}`, "A place freed up and it is yours now:")
    : entryMail(
        f,
        `A place is yours if you pay by ${zonedTime(payBy, f.tournament.timeZone)}: ${f.tournament.title}`,
        "A place freed up and it is held for you:",
        `Pay the entry fee from your entries page by ${zonedTime(payBy, f.tournament.timeZone)} to keep it; after that it goes to the next in line.`,
      );

export const waitlistedMail = (f: EntryMailFacts) =>
  entryMail(
    f,
    `You are on the waitlist: ${f.tournament.title}`,
    `The relay is full, so you are on the waitlist${f.waitlistPosition ? ` (position ${f.waitlistPosition})` : ""}. You get a mail if a place frees up.`,
  );

export const releasedMail = (f: EntryMailFacts, why: "withdrawn" | "removed" | "expired") =>
  entryMail(
    f,
    `Your place is released: ${f.tournament.title}`,
    why === "withdrawn"
      ? "Your entry is withdrawn and its place is released to the next person waiting."
      : why === "removed"
        ? "The organisers removed your entry; its place is released."
        : "The hold on your place ran out before the fee was paid; the place is released.",
    "You can register again while registration is open.",
  );
