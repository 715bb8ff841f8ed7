import type { SignedInUser } from "../../env.ts";
import { ForAddress } from "./link-steps.tsx";

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
  return (
    <section class="account-panel">
      <h1>Your entry in {claim.tournamentTitle}</h1>
      <p>
        The organisers entered you at the range and sent this link to <strong>{claim.email}</strong>.
      </p>
      <ForAddress
        email={claim.email}
        user={user}
        doing="add the entry"
        action={`/account/claims/${claim.token}`}
        label="Add the entry to my account"
        testid="claim"
      />
    </section>
  );
}
