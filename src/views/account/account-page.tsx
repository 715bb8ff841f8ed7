import type { PropsWithChildren } from "hono/jsx";
import type { SignedInUser } from "../../env.ts";
import type { StaffTools, StaffTournament } from "../../queries/account/staff-tournaments.ts";
import { ROLE_LABEL } from "../admin/layout.tsx";
import { AddressState, type CareErrors, CareForms } from "./care.tsx";

interface AccountPageProps {
  user: SignedInUser;
  tools: StaffTools;
  care?: CareErrors | undefined;
  notice?: string | undefined;
}

/** The account page (title "Your account", noindex): details, the address's state, what they may use, the token section, account care. */
export function AccountPage({ user, tools, care, notice, children }: PropsWithChildren<AccountPageProps>) {
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
      <YourTools tools={tools} />
      {children}
      <CareForms user={user} care={care} />
    </section>
  );
}

/** Every tool the person has, with the tournaments it applies to; the header's menus name the same. */
function YourTools({ tools }: { tools: StaffTools }) {
  return (
    <section class="your-tools" aria-labelledby="your-tools-title">
      <h2 id="your-tools-title">Where to go</h2>
      <ul class="tool-links">
        <li>
          <a href="/me/entries">My entries</a> <span class="muted">your registrations, places and waitlist</span>
        </li>
        <li>
          <a href="/me/results">My results</a> <span class="muted">your scores in every tournament</span>
        </li>
      </ul>
      {tools.organise.length > 0 && (
        <ToolTournaments title="Organise" all={{ href: "/admin", label: "All your tournaments" }} tournaments={tools.organise} path={(slug) => `/admin/t/${slug}`} />
      )}
      {tools.score.length > 0 && (
        <ToolTournaments title="Score" all={{ href: "/score", label: "All tournaments you score" }} tournaments={tools.score} path={(slug) => `/score/t/${slug}`} />
      )}
      {tools.organise.length === 0 && (
        <p class="hint">
          Running a match for your club? <a href="/admin/new">Create a tournament</a>: it stays a draft, visible only to you, until you publish it.
        </p>
      )}
    </section>
  );
}

function ToolTournaments(props: { title: string; all: { href: string; label: string }; tournaments: StaffTournament[]; path: (slug: string) => string }) {
  return (
    <>
      <h3>{props.title}</h3>
      <ul class="tool-links" data-testid={`account-${props.title.toLowerCase()}`}>
        {props.tournaments.map((t) => (
          <li>
            <a href={props.path(t.slug)}>{t.title}</a> <span class="muted">{ROLE_LABEL[t.role]}</span>
          </li>
        ))}
        <li>
          <a href={props.all.href}>{props.all.label}</a>
        </li>
      </ul>
    </>
  );
}
