import type { SignedInUser } from "../env.ts";
import type { StaffTools, StaffTournament } from "../queries/account/staff-tournaments.ts";
import { CSRF_FIELD } from "../lib/forms.ts";

/** How many tournaments a header menu names before "All …" takes over. */
const MENU_TOURNAMENTS = 5;

export const NO_TOOLS: StaffTools = { organise: [], score: [] };

export interface AccountNavProps {
  user: SignedInUser | null;
  tools: StaffTools;
  /** The session's form token, passed in: the layout renders this corner after its D1 read, outside the request context. */
  csrf: string;
}

/**
 * The personal corner of the header: never part of a cached page. A signed-in person sees what they may use:
 * their entries and results, and Organise or Score only when a tournament's staff includes them.
 */
export function AccountNav({ user, tools, csrf }: AccountNavProps) {
  if (!user) {
    return (
      <nav id="account-nav" class="account-nav" aria-label="Account">
        <a href="/account/sign-in">Sign in</a>
        <a class="button small" href="/account/sign-up">
          Sign up
        </a>
      </nav>
    );
  }
  return (
    <nav id="account-nav" class="account-nav signed-in" aria-label="Account">
      <ul class="tools">
        <li>
          <a href="/me/entries">My entries</a>
        </li>
        <li>
          <a href="/me/results">My results</a>
        </li>
        {tools.organise.length > 0 && (
          <ToolMenu label="Organise" testid="organise-menu" tournaments={tools.organise} path={(slug) => `/admin/t/${slug}`} all={{ href: "/admin", label: "All your tournaments" }} />
        )}
        {tools.score.length > 0 && (
          <ToolMenu label="Score" testid="score-menu" tournaments={tools.score} path={(slug) => `/score/t/${slug}`} all={{ href: "/score", label: "All tournaments you score" }} />
        )}
      </ul>
      <span class="me">
        <a href="/account" class="who" data-testid="who">
          {user.name}
        </a>
        <form method="post" action="/account/sign-out" class="inline">
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          <button type="submit" class="link">
            Sign out
          </button>
        </form>
      </span>
    </nav>
  );
}

/** A disclosure (no script needed): the person's tournaments for one tool, then the tool's own page. */
function ToolMenu(props: { label: string; testid: string; tournaments: StaffTournament[]; path: (slug: string) => string; all: { href: string; label: string } }) {
  const shown = props.tournaments.slice(0, MENU_TOURNAMENTS);
  return (
    <li class="tool-menu-item">
      <details class="tool-menu" data-testid={props.testid}>
        <summary>{props.label}</summary>
        <ul class="tool-menu-list">
          {shown.map((t) => (
            <li>
              <a href={props.path(t.slug)}>{t.title}</a>
            </li>
          ))}
          <li class="tool-menu-all">
            <a href={props.all.href}>{props.all.label}</a>
          </li>
        </ul>
      </details>
    </li>
  );
}
