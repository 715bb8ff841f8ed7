import type { SignedInUser } from "../../env.ts";
import { Csrf } from "../components/fields.tsx";

/** "Send the link again": shown wherever an unconfirmed address is the reason for a refusal. */
export function ResendLinkForm() {
  return (
    <form class="inline-form" method="post" action="/account/verify/resend">
      <Csrf />
      <button type="submit" class="button secondary">
        Send the link again
      </button>
    </form>
  );
}

/** The one button a mailed link's page posts: a POST, so mail scanners that fetch links use nothing up. */
export function LinkButton({ action, label }: { action: string; label: string }) {
  return (
    <form class="form" method="post" action={action}>
      <Csrf />
      <div class="form-actions">
        <button type="submit" class="button">
          {label}
        </button>
      </div>
    </form>
  );
}

/**
 * The step of a link meant for one address (an invitation, a walk-up claim): the button for the confirmed
 * account of that address, else why this account cannot (another address, an unconfirmed one).
 */
export function ForAddress(p: { email: string; user: SignedInUser; doing: string; action: string; label: string; testid: string }) {
  if (p.email !== p.user.email) {
    return (
      <p class="notice error" role="alert" data-testid={`${p.testid}-other-address`}>
        You are signed in as {p.user.email}. Sign in with the account that uses {p.email} (or create it) to {p.doing}.
      </p>
    );
  }
  if (!p.user.verified) {
    return (
      <div class="notice warning" role="alert" data-testid={`${p.testid}-unverified`}>
        <p>Confirm your email address first: open the link we mailed you, then come back to this page.</p>
        <ResendLinkForm />
      </div>
    );
  }
  return <LinkButton action={p.action} label={p.label} />;
}
