import { raw } from "hono/html";
import type { PropsWithChildren } from "hono/jsx";
import { useRequestContext } from "hono/jsx-renderer";
import type { AppEnv, SignedInUser } from "../env.ts";
import { AccountNav } from "./account-nav.tsx";
import { assetUrl, stylesheetsFor } from "./page-assets.ts";

const HTMX = "/vendor/htmx-4.0.1.min.js";

const HTMX_WS = "/vendor/hx-ws-4.0.1.min.js";
/** Scripts of a page that follows a scoreboard socket (public/scripts/live-socket.js), before its own. */
export const LIVE_SOCKET_SCRIPTS = [HTMX_WS, "/scripts/live-socket.js"];

/** What a page tells the layout (`c.render(content, props)`, see src/middleware/renderer.tsx). */
export interface PageProps {
  title: string;
  /** Extra scripts (served from public/), loaded with the page's nonce. */
  scripts?: string[] | undefined;
  /** Leave the page out of search engines (forms, admin). */
  noindex?: boolean | undefined;
  /** An htmx fragment: the content alone, no layout. */
  fragment?: boolean | undefined;
}

/**
 * The layout of every page. The nonce and the account corner come from the request: a page whose route
 * read the session (`loadUser()`) shows the corner inline; a cached page, which never reads it, loads the
 * corner from an uncached fragment.
 */
export function Layout({ title, scripts = [], noindex, fragment, children }: PropsWithChildren<PageProps>) {
  if (fragment) return <>{children}</>;
  const c = useRequestContext<AppEnv>();
  return (
    <Shell title={title} nonce={c.get("nonce")} user={c.get("user")} scripts={scripts} stylesheets={stylesheetsFor(c.req.path)} noindex={noindex}>
      {children}
    </Shell>
  );
}

interface ShellProps {
  title: string;
  nonce: string;
  user: SignedInUser | null | undefined;
  scripts: string[];
  stylesheets: string[];
  noindex?: boolean | undefined;
}

function Shell({ title, nonce, user, scripts, stylesheets, noindex, children }: PropsWithChildren<ShellProps>) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title === "Tenring" ? title : `${title} · Tenring`}</title>
          {noindex && <meta name="robots" content="noindex" />}
          <meta name="htmx-config" content='{"includeIndicatorCSS":false,"mode":"same-origin"}' />
          {stylesheets.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
          <link rel="icon" href={assetUrl("/favicon.svg")} type="image/svg+xml" />
          <script nonce={nonce} src={assetUrl(HTMX)} defer></script>
          <script nonce={nonce} src={assetUrl("/scripts/app.js")} defer></script>
          {scripts.map((src) => (
            <script nonce={nonce} src={assetUrl(src)} defer></script>
          ))}
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">◎</span> Tenring
            </a>
            {user !== undefined ? (
              <AccountNav user={user} />
            ) : (
              <nav
                id="account-nav"
                class="account-nav"
                aria-label="Account"
                hx-get="/fragments/account-nav"
                hx-trigger="load"
                hx-swap="outerHTML"
              >
                <a href="/account/sign-in">Sign in</a>
              </nav>
            )}
          </header>
          <main id="main">{children}</main>
          <footer class="site-footer">
            <p>Tenring · sport-shooting tournaments, registration and live results</p>
          </footer>
        </body>
      </html>
    </>
  );
}
