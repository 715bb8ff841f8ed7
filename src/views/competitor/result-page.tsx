import type { SignedInUser } from "../../env.ts";
import { Page } from "../layout.tsx";
import { EventBlock, type EventBlockProps } from "./event-block.tsx";

/** What a registration form posted without script answers: the event's block on a page of its own. */
export function RegistrationResultPage({
  nonce,
  account,
  tournament,
  block,
}: {
  nonce: string;
  account: { user: SignedInUser | null; csrf: string };
  tournament: { slug: string; title: string } | null;
  block: EventBlockProps;
}) {
  return (
    <Page title="Registration" nonce={nonce} account={account} noindex>
      <section class="registration reg-page">
        <h1>{tournament ? tournament.title : "Registration"}</h1>
        <EventBlock {...block} />
        <p>
          {tournament ? <a href={`/t/${tournament.slug}`}>Back to {tournament.title}</a> : <a href="/">Back to tournaments</a>}
        </p>
      </section>
    </Page>
  );
}
