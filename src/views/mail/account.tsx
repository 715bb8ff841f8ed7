import { MailButton, MailLayout, type MailParts, type MailTournament, TournamentLine, plainText, tournamentText, zonedTime } from "./layout.tsx";

/** "Confirm your email address": sent at sign-up and when the address is changed (then for the new one). */
export function verifyMail(p: { name: string; link: string; change: boolean }): MailParts {
  const subject = p.change ? "Confirm your new email address for Tenring" : "Confirm your email address for Tenring";
  const why = p.change
    ? "You asked to use this address for your Tenring account. It counts once you confirm it; until then your old address stays."
    : "Welcome to Tenring. Confirm your address to register for tournaments, join a tournament's staff and run your own.";
  return linkMail({ subject, name: p.name, why, button: "Confirm this address", link: p.link, after: "The link works once, for 24 hours." });
}

export function resetMail(p: { name: string; link: string }): MailParts {
  const subject = "Reset your Tenring password";
  const why = "Someone (we hope you) asked to reset the password of your Tenring account.";
  const after = "The link works once, for one hour. Resetting signs you out everywhere. If you did not ask, ignore this mail: your password stays as it is.";
  return linkMail({ subject, name: p.name, why, button: "Choose a new password", link: p.link, after });
}

/** A mail whose point is one link: greeting, why it came, the button, what to know about the link. */
function linkMail(m: { subject: string; name: string; why: string; button: string; link: string; after: string }): MailParts {
  return {
    subject: m.subject,
    html: (
      <MailLayout title={m.subject}>
        <p>Hello {m.name},</p>
        <p>{m.why}</p>
        <MailButton href={m.link}>{m.button}</MailButton>
        <p>{m.after}</p>
      </MailLayout>
    ),
    text: plainText(`Hello ${m.name},`, m.why, `${m.button}: ${m.link}`, m.after),
  };
}

export function invitationMail(p: { tournament: MailTournament; role: string; invitedBy: string; link: string; expiresAt: number }): MailParts {
  const subject = `You are invited to the staff of ${p.tournament.title}`;
  const what = `${p.invitedBy} invites you to join the staff of this tournament as ${p.role}.`;
  const how = "Open the link signed in with an account that uses this address (create one if you have none, and confirm the address).";
  const until = `The invitation is open until ${zonedTime(p.expiresAt, p.tournament.timeZone)}.`;
  return {
    subject,
    html: (
      <MailLayout title={subject}>
        <TournamentLine tournament={p.tournament} />
        <p>{what}</p>
        <MailButton href={p.link}>See the invitation</MailButton>
        <p>{how}</p>
        <p>{until}</p>
      </MailLayout>
    ),
    text: plainText(tournamentText(p.tournament), what, `See the invitation: ${p.link}`, how, until),
  };
}

export function claimMail(p: { tournament: MailTournament; name: string; event: string; relay: string; link: string; expiresAt: number }): MailParts {
  const subject = `Your entry in ${p.tournament.title}`;
  const what = `The organisers entered ${p.name} in ${p.event} (${p.relay}) at the range.`;
  const how = "To follow this entry and its scores in your Tenring account, open the link signed in (a confirmed address is needed).";
  const until = `The link works once, until ${zonedTime(p.expiresAt, p.tournament.timeZone)}.`;
  return {
    subject,
    html: (
      <MailLayout title={subject}>
        <TournamentLine tournament={p.tournament} />
        <p>{what}</p>
        <MailButton href={p.link}>Add the entry to my account</MailButton>
        <p>{how}</p>
        <p>{until}</p>
      </MailLayout>
    ),
    text: plainText(tournamentText(p.tournament), what, `Add the entry to your account: ${p.link}`, how, until),
  };
}
