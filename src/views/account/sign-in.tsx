import type { SignedInUser } from "../../env.ts";
import { firstInvalid } from "../../lib/forms.ts";
import type { FieldErrors } from "../../lib/problem.ts";
import { Csrf, FormError, Input } from "../components/fields.tsx";

export interface SignInFormProps {
  email: string;
  errors: FieldErrors;
  /** Wrong credentials or too many attempts: about the whole form, not one field. */
  message?: string | undefined;
  next: string;
}

export function SignInForm({ email, errors, message, next }: SignInFormProps) {
  const focus = message ? undefined : firstInvalid(["email", "password"], errors);
  return (
    <form
      class="form account-form"
      method="post"
      action="/account/sign-in"
      hx-post="/account/sign-in"
      hx-target="this"
      hx-swap="outerHTML"
      novalidate
    >
      {message && <FormError id="sign-in-error">{message}</FormError>}
      <Csrf />
      {next !== "/" && <input type="hidden" name="next" value={next} />}
      <Input form="sign-in" name="email" label="Email" type="email" value={email} error={errors.email}
        autocomplete="email" maxlength={254} autofocus={focus === "email"} />
      <Input form="sign-in" name="password" label="Password" type="password" error={errors.password}
        autocomplete="current-password" autofocus={focus === "password"} />
      <div class="form-actions">
        <button type="submit" class="button">
          Sign in
        </button>
      </div>
    </form>
  );
}

/** The sign-in page (title "Sign in", noindex); `user` is set when someone is signed in already. */
const DONE: Record<string, string> = {
  "password-reset": "Your password is changed and every session has ended. Sign in with the new password.",
  verified: "Your email address is confirmed. Sign in to go on.",
  "signed-out-everywhere": "You are signed out on every device.",
};

export function SignInPage(props: SignInFormProps & { user: SignedInUser | null; done?: string | undefined }) {
  const signUp = props.next === "/" ? "/account/sign-up" : `/account/sign-up?next=${encodeURIComponent(props.next)}`;
  return (
    <section class="account-panel">
      <h1>Sign in</h1>
      {props.done && DONE[props.done] && (
        <p class="notice" role="status" data-testid="sign-in-notice">
          {DONE[props.done]}
        </p>
      )}
      {props.user && (
        <p class="notice">
          You are signed in as {props.user.name}. Signing in again replaces this session.
        </p>
      )}
      <SignInForm email={props.email} errors={props.errors} message={props.message} next={props.next} />
      <p class="account-switch">
        <a href="/account/forgot">Forgot your password?</a>
      </p>
      <p class="account-switch">
        New to Tenring? <a href={signUp}>Create an account</a>
      </p>
    </section>
  );
}
