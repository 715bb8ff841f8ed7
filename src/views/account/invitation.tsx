import type { SignedInUser } from "../../env.ts";
import { Csrf } from "../components/fields.tsx";
import { ResendLinkForm } from "./verify.tsx";

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
  const mine = invitation.email === user.email;
  return (
    <section class="account-panel">
      <h1>Join the staff of {invitation.tournamentTitle}</h1>
      <p>
        You are invited as <strong>{invitation.role}</strong>. The invitation is for <strong>{invitation.email}</strong>.
      </p>
      {!mine ? (
        <p class="notice error" role="alert" data-testid="invitation-other-address">
          You are signed in as {user.email}. Sign in with the account that uses {invitation.email} (or create it) to accept.
        </p>
      ) : !user.verified ? (
        <div class="notice warning" role="alert" data-testid="invitation-unverified">
          <p>Confirm your email address first: open the link we mailed you, then come back to this page.</p>
          <ResendLinkForm />
        </div>
      ) : (
        <form class="form" method="post" action={`/account/invitations/${invitation.token}`}>
          <Csrf />
          <div class="form-actions">
            <button type="submit" class="button">
              Accept the invitation
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
