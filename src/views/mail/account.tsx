import { MailButton, MailLayout, type MailParts, type MailTournament, TournamentLine, plainText, tournamentText, zonedTime } from "./layout.tsx";

/** "Confirm your email address": sent at sign-up and when the address is changed (then for the new one). */
export function verifyMail(p: { name: string; link: string; change: boolean }): MailParts {
  const subject = p.change ? "Confirm your new email address for Tenring" : "Confirm your email address for Tenring";
  const why = p.change
    ? "You asked to use this address for your Tenring account. It counts once you confirm it; until then your old address stays."
    : "Welcome to Tenring. Confirm your address to register for tournaments, join a tournament's staff and run your own.";
  return linkMail({ subject, before: [`Hello ${p.name},`, why], button: "Confirm this address", link: p.link, after: ["The link works once, for 24 hours."] });
}

export function resetMail(p: { name: string; link: string }): MailParts {
  const subject = "Reset your Tenring password";
  const why = "Someone (we hope you) asked to reset the password of your Tenring account.";
  const after = "The link works once, for one hour. Resetting signs you out everywhere. If you did not ask, ignore this mail: your password stays as it is.";
  return linkMail({ subject, before: [`Hello ${p.name},`, why], button: "Choose a new password", link: p.link, after: [after] });
}

interface LinkMail {
  subject: string;
  /** The tournament the mail is about, named first. */
  tournament?: MailTournament;
  before: string[];
  button: string;
  /** The button's words in the plain-text part, where they differ. */
  textButton?: string;
  link: string;
  after: string[];
}

/** A mail whose point is one link: what it is about, the button, what to know about the link. */
function linkMail(m: LinkMail): MailParts {
  return {
    subject: m.subject,
    html: (
      <MailLayout title={m.subject}>
        {m.tournament && <TournamentLine tournament={m.tournament} />}
        {m.before.map((line) => (
          <p>{line}</p>
        ))}
        <MailButton href={m.link}>{m.button}</MailButton>
        {m.after.map((line) => (
          <p>{line}</p>
        ))}
      </MailLayout>
    ),
    text: plainText(...(m.tournament ? [tournamentText(m.tournament)] : []), ...m.before, `${m.textButton ?? m.button}: ${m.link}`, ...m.after),
  };
}

export function invitationMail(p: { tournament: MailTournament; role: string; invitedBy: string; link: string; expiresAt: number }): MailParts {
  const subject = `You are invited to the staff of ${p.tournament.title}`;
  const what = `${p.invitedBy} invites you to join the staff of this tournament as ${p.role}.`;
  const how = "Open the link signed in with an account that uses this address (create one if you have none, and confirm the address).";
  const until = `The invitation is open until ${zonedTime(p.expiresAt, p.tournament.timeZone)}.`;
  return linkMail({ subject, tournament: p.tournament, before: [what], button: "See the invitation", link: p.link, after: [how, until] });
}

export function claimMail(p: { tournament: MailTournament; name: string; event: string; relay: string; link: string; expiresAt: number }): MailParts {
  const subject = `Your entry in ${p.tournament.title}`;
  const what = `The organisers entered ${p.name} in ${p.event} (${p.relay}) at the range.`;
  const how = "To follow this entry and its scores in your Tenring account, open the link signed in (a confirmed address is needed).";
  const until = `The link works once, until ${zonedTime(p.expiresAt, p.tournament.timeZone)}.`;
  return linkMail({
    subject,
    tournament: p.tournament,
    before: [what],
    button: "Add the entry to my account",
    textButton: "Add the entry to your account",
    link: p.link,
    after: [how, until],
  });
}
