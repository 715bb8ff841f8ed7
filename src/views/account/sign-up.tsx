import { PASSWORD_MAX, PASSWORD_MIN } from "../../auth/forms.ts";
import { firstInvalid } from "../../lib/forms.ts";
import type { FieldErrors } from "../../lib/problem.ts";
import { Csrf, FormError, Input } from "../components/fields.tsx";

export interface SignUpValues {
  email: string;
  name: string;
  club: string;
}

export interface SignUpFormProps {
  values: SignUpValues;
  errors: FieldErrors;
  /** A refusal that is about no field (too many sign-ups). */
  message?: string | undefined;
  next: string;
}

const ORDER = ["email", "name", "club", "password"] as const;

export function SignUpForm({ values, errors, message, next }: SignUpFormProps) {
  const focus = message ? undefined : firstInvalid(ORDER, errors);
  return (
    <form
      class="form account-form"
      method="post"
      action="/account/sign-up"
      hx-post="/account/sign-up"
      hx-target="this"
      hx-swap="outerHTML"
      novalidate
    >
      <Csrf />
      {next !== "/" && <input type="hidden" name="next" value={next} />}
      {message && <FormError id="sign-up-error">{message}</FormError>}
      <Input form="sign-up" name="email" label="Email" type="email" value={values.email} error={errors.email}
        autocomplete="email" maxlength={254} autofocus={focus === "email"} />
      <Input form="sign-up" name="name" label="Name" value={values.name} error={errors.name}
        hint="As it should appear on start lists and results." autocomplete="name" maxlength={100}
        autofocus={focus === "name"} />
      <Input form="sign-up" name="club" label="Club" value={values.club} error={errors.club}
        autocomplete="organization" required={false} maxlength={100} autofocus={focus === "club"} />
      <Input form="sign-up" name="password" label="Password" type="password" error={errors.password}
        hint={`At least ${PASSWORD_MIN} characters (up to ${PASSWORD_MAX}); a few unrelated words make a strong one.`}
        autocomplete="new-password" autofocus={focus === "password"} />
      <div class="form-actions">
        <button type="submit" class="button">
          Create account
        </button>
      </div>
    </form>
  );
}

/** The sign-up page (title "Create an account", noindex). */
export function SignUpPage(props: SignUpFormProps) {
  const signIn = props.next === "/" ? "/account/sign-in" : `/account/sign-in?next=${encodeURIComponent(props.next)}`;
  return (
    <section class="account-panel">
      <h1>Create an account</h1>
      <p class="lede">Register for tournaments, follow your results, and run your club's events.</p>
      <SignUpForm values={props.values} errors={props.errors} message={props.message} next={props.next} />
      <p class="account-switch">
        Already have an account? <a href={signIn}>Sign in</a>
      </p>
    </section>
  );
}
