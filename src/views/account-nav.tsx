import type { SignedInUser } from "../env.ts";
import { Csrf } from "./components/fields.tsx";

/** The personal corner of the header: never part of a cached page. */
export function AccountNav({ user }: { user: SignedInUser | null }) {
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
    <nav id="account-nav" class="account-nav" aria-label="Account">
      <a href="/account" class="who" data-testid="who">
        {user.name}
      </a>
      <a href="/me/entries">My entries</a>
      <form method="post" action="/account/sign-out" class="inline">
        <Csrf />
        <button type="submit" class="link">
          Sign out
        </button>
      </form>
    </nav>
  );
}
