import type { Child } from "hono/jsx";

/** What a list shows when it has nothing: say so, and why, rather than a blank. */
export function Empty({ children }: { children: Child }) {
  return <p class="empty">{children}</p>;
}
