import { PASSWORD_MAX, PASSWORD_MIN } from "../../auth/forms.ts";
import type { Errors } from "../../lib/forms.ts";
import { Csrf, FormError, Input } from "../components/fields.tsx";

/** "Forgot your password?": one answer whether or not the address has an account. */
export function ForgotPage({ email, errors, sent }: { email: string; errors: Errors; sent: boolean }) {
  return (
    <section class="account-panel">
      <h1>Reset your password</h1>
      {sent ? (
        <p class="notice" role="status" data-testid="reset-sent">
          If an account uses this address, we have sent it a link to choose a new password. It works for one hour.
        </p>
      ) : (
        <p class="lede">Enter your account's email address and we mail you a link to choose a new password.</p>
      )}
      <form class="form account-form" method="post" action="/account/forgot" novalidate>
        <Csrf />
        <Input form="forgot" name="email" label="Email" type="email" value={email} error={errors.email} autocomplete="email" maxlength={254} autofocus={!sent} />
        <div class="form-actions">
          <button type="submit" class="button">
            Send the link
          </button>
        </div>
      </form>
      <p class="account-switch">
        <a href="/account/sign-in">Back to sign in</a>
      </p>
    </section>
  );
}

export function ResetPage({ token, valid, errors }: { token: string; valid: boolean; errors: Errors }) {
  if (!valid) {
    return (
      <section class="account-panel">
        <h1>This link no longer works</h1>
        <p>It was used already or is older than one hour.</p>
        <p>
          <a class="button" href="/account/forgot">
            Send a new link
          </a>
        </p>
      </section>
    );
  }
  return (
    <section class="account-panel">
      <h1>Choose a new password</h1>
      <p class="lede">Saving it signs you out on every device; then sign in with the new password.</p>
      <form class="form account-form" method="post" action={`/account/reset/${token}`} novalidate>
        <Csrf />
        {errors.form && <FormError id="reset-error">{errors.form}</FormError>}
        <Input form="reset" name="password" label="New password" type="password" error={errors.password}
          hint={`At least ${PASSWORD_MIN} characters (up to ${PASSWORD_MAX}).`} autocomplete="new-password" autofocus />
        <div class="form-actions">
          <button type="submit" class="button">
            Save the new password
          </button>
        </div>
      </form>
    </section>
  );
}
