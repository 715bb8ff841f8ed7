import type { SignedInUser } from "../../env.ts";
import { Page } from "../layout.tsx";
import { TokensSection, type TokensSectionProps } from "./tokens.tsx";

export function AccountPage({ nonce, user, tokens }: { nonce: string; user: SignedInUser; tokens: TokensSectionProps }) {
  return (
    <Page title="Your account" nonce={nonce} account={{ user, csrf: tokens.csrf }} noindex>
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
        <TokensSection {...tokens} />
      </section>
    </Page>
  );
}
