import type { PropsWithChildren } from "hono/jsx";
import type { SignedInUser } from "../../env.ts";
import { AddressState, type CareErrors, CareForms } from "./care.tsx";

interface AccountPageProps {
  user: SignedInUser;
  care?: CareErrors | undefined;
  notice?: string | undefined;
}

/** The account page (title "Your account", noindex): details, the address's state, the token section, account care. */
export function AccountPage({ user, care, notice, children }: PropsWithChildren<AccountPageProps>) {
  return (
    <section class="account-panel wide">
      <h1>Your account</h1>
      {notice && (
        <p class="notice" role="status" data-testid="account-notice">
          {notice}
        </p>
      )}
      <AddressState user={user} />
      <dl class="account-details">
        <dt>Name</dt>
        <dd data-testid="account-name">{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Club</dt>
        <dd>{user.club || <span class="muted">No club given</span>}</dd>
      </dl>
      {children}
      <CareForms user={user} care={care} />
    </section>
  );
}
