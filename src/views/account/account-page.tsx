import type { PropsWithChildren } from "hono/jsx";
import type { SignedInUser } from "../../env.ts";

/** The account page (title "Your account", noindex): the person's details, then the token section. */
export function AccountPage({ user, children }: PropsWithChildren<{ user: SignedInUser }>) {
  return (
    <section class="account-panel wide">
      <h1>Your account</h1>
      <dl class="account-details">
        <dt>Name</dt>
        <dd data-testid="account-name">{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Club</dt>
        <dd>{user.club || <span class="muted">No club given</span>}</dd>
      </dl>
      {children}
    </section>
  );
}
