import type { SignedInUser } from "../../env.ts";
import { Csrf } from "../components/fields.tsx";
import { ResendLinkForm } from "./verify.tsx";

export interface ClaimView {
  token: string;
  email: string;
  tournamentTitle: string;
}

/** What a walk-up claim link opens: add the entry to this account, or why not (another address, unconfirmed). */
export function ClaimPage({ claim, user }: { claim: ClaimView | null; user: SignedInUser }) {
  if (!claim) {
    return (
      <section class="account-panel">
        <h1>This link no longer works</h1>
        <p>It was used already or has expired. Ask the organisers if your entry is missing from your account.</p>
      </section>
    );
  }
  const mine = claim.email === user.email;
  return (
    <section class="account-panel">
      <h1>Your entry in {claim.tournamentTitle}</h1>
      <p>
        The organisers entered you at the range and sent this link to <strong>{claim.email}</strong>.
      </p>
      {!mine ? (
        <p class="notice error" role="alert">
          You are signed in as {user.email}. Sign in with the account that uses {claim.email} (or create it) to add the entry.
        </p>
      ) : !user.verified ? (
        <div class="notice warning" role="alert">
          <p>Confirm your email address first: open the link we mailed you, then come back to this page.</p>
          <ResendLinkForm />
        </div>
      ) : (
        <form class="form" method="post" action={`/account/claims/${claim.token}`}>
          <Csrf />
          <div class="form-actions">
            <button type="submit" class="button">
              Add the entry to my account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
