import type { SignedInUser } from "../../env.ts";
import { ForAddress } from "./link-steps.tsx";

export interface InvitationView {
  token: string;
  email: string;
  tournamentTitle: string;
  role: string;
}

/** What an invitation link opens: accept, or why this account cannot (another address, not confirmed yet). */
export function InvitationPage({ invitation, user }: { invitation: InvitationView | null; user: SignedInUser }) {
  if (!invitation) {
    return (
      <section class="account-panel">
        <h1>This invitation no longer works</h1>
        <p>It was accepted, withdrawn, or is older than 14 days. Ask the organiser to invite you again.</p>
      </section>
    );
  }
  return (
    <section class="account-panel">
      <h1>Join the staff of {invitation.tournamentTitle}</h1>
      <p>
        You are invited as <strong>{invitation.role}</strong>. The invitation is for <strong>{invitation.email}</strong>.
      </p>
      <ForAddress
        email={invitation.email}
        user={user}
        doing="accept"
        action={`/account/invitations/${invitation.token}`}
        label="Accept the invitation"
        testid="invitation"
      />
    </section>
  );
}
