import type { SignedInUser } from "../../env.ts";
import type { Errors } from "../../lib/forms.ts";
import { Csrf, Input } from "../components/fields.tsx";
import { ResendLinkForm } from "./link-steps.tsx";

/** A refused account-care form: which one, its messages and what was typed (never passwords). */
export type CareErrors = { form: "profile" | "password" | "email"; errors: Errors; values: Record<string, string> };

/** The address's state: confirmed, or not yet (with "send the link again"), and a change waiting for its link. */
export function AddressState({ user }: { user: SignedInUser }) {
  return (
    <div class="address-state">
      {user.verified ? (
        <p class="notice" data-testid="address-verified">Your email address is confirmed.</p>
      ) : (
        <div class="notice warning" role="status" data-testid="address-unverified">
          <p>
            Confirm your email address: open the link we mailed to <strong>{user.email}</strong>. Until then you can browse,
            but not register for a tournament, join a tournament's staff or create a tournament.
          </p>
          <ResendLinkForm />
        </div>
      )}
      {user.pendingEmail && (
        <div class="notice" role="status">
          <p>
            You asked to use <strong>{user.pendingEmail}</strong>. It becomes your address once you open the link we sent there.
          </p>
          {user.verified && <ResendLinkForm />}
        </div>
      )}
    </div>
  );
}

export function CareForms({ user, care }: { user: SignedInUser; care: CareErrors | undefined }) {
  const errors = (form: CareErrors["form"]) => (care?.form === form ? care.errors : {});
  const value = (form: CareErrors["form"], name: string, fallback: string) => (care?.form === form ? (care.values[name] ?? fallback) : fallback);
  return (
    <div class="account-care">
      <h2>Your details</h2>
      <form class="form" method="post" action="/account/profile" novalidate>
        <Csrf />
        <Input form="profile" name="name" label="Name" value={value("profile", "name", user.name)} error={errors("profile").name} maxlength={100} autocomplete="name" />
        <Input form="profile" name="club" label="Club" value={value("profile", "club", user.club)} error={errors("profile").club} required={false} maxlength={100} autocomplete="organization" />
        <div class="form-actions">
          <button type="submit" class="button secondary">Save details</button>
        </div>
      </form>
      <h2>Password</h2>
      <form class="form" method="post" action="/account/password" novalidate>
        <Csrf />
        <Input form="password" name="current" label="Current password" type="password" error={errors("password").current} autocomplete="current-password" />
        <Input form="password" name="password" label="New password" type="password" error={errors("password").password} autocomplete="new-password" />
        <div class="form-actions">
          <button type="submit" class="button secondary">Change password</button>
        </div>
      </form>
      <h2>Email address</h2>
      <form class="form" method="post" action="/account/email" novalidate>
        <Csrf />
        <Input form="email" name="email" label="New email address" type="email" value={value("email", "email", "")} error={errors("email").email} maxlength={254} autocomplete="email" />
        <Input form="email" name="current" label="Current password" type="password" error={errors("email").current} autocomplete="current-password" />
        <div class="form-actions">
          <button type="submit" class="button secondary">Change address</button>
        </div>
      </form>
      <h2>Sessions</h2>
      <form method="post" action="/account/sign-out-everywhere">
        <Csrf />
        <p>Signed in on a device you no longer use? End every session, this one too.</p>
        <button type="submit" class="button secondary">Sign out everywhere</button>
      </form>
    </div>
  );
}
