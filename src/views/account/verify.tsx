import { FormError } from "../components/fields.tsx";
import { LinkButton } from "./link-steps.tsx";

/**
 * The page a verification link opens: a button confirms (a POST), so mail scanners that fetch links do not
 * use it up. `valid` is false for a used, expired or unknown link.
 */
export function ConfirmAddressPage({ token, email, valid }: { token: string; email: string | null; valid: boolean }) {
  if (!valid) {
    return (
      <section class="account-panel">
        <h1>This link no longer works</h1>
        <p>It was used already or is older than 24 hours. Sign in and send yourself a new one from your account page.</p>
        <p>
          <a class="button" href="/account">
            Your account
          </a>
        </p>
      </section>
    );
  }
  return (
    <section class="account-panel">
      <h1>Confirm your email address</h1>
      <p>
        Confirm that <strong>{email}</strong> is yours.
      </p>
      <LinkButton action={`/account/verify/${token}`} label="Confirm this address" />
    </section>
  );
}

/** The message after a resend, or why there was none. */
export function ResendAnswer({ message, error }: { message: string; error?: boolean }) {
  return error ? <FormError id="resend-error">{message}</FormError> : <p class="notice" role="status">{message}</p>;
}
