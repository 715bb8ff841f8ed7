import { raw } from "hono/html";
import type { PropsWithChildren } from "hono/jsx";
import { useRequestContext } from "hono/jsx-renderer";
import type { AppEnv, SignedInUser } from "../env.ts";
import type { Db } from "../db/client.ts";
import type { Log } from "../lib/log.ts";
import { staffTools, staffTournaments } from "../queries/account/staff-tournaments.ts";
import { AccountNav, NO_TOOLS } from "./account-nav.tsx";
import { assetUrl, stylesheetsFor } from "./page-assets.ts";

export const HTMX = "/vendor/htmx-4.0.1.min.js";

const ACCOUNT_CORNER = "/fragments/account-nav";

/** Scripts of a page that follows a scoreboard socket (public/scripts/live-socket.js), before its own. */
export const LIVE_SOCKET_SCRIPTS = ["/scripts/live-socket.js"];

/** What a page tells the layout (`c.render(content, props)`, see src/middleware/renderer.tsx). */
export interface PageProps {
  title: string;
  /** Extra scripts (served from public/), loaded with the page's nonce (none on a cached page). */
  scripts?: string[] | undefined;
  /** Leave the page out of search engines (forms, admin). */
  noindex?: boolean | undefined;
  /** An htmx fragment: the content alone, no layout. */
  fragment?: boolean | undefined;
  /**
   * false: a page whose own small script does what it needs (the scoreboard): no htmx, and the account corner
   * is loaded by that script from `data-fragment`.
   */
  htmx?: false | undefined;
}

/**
 * The layout of every page. The nonce and the account corner come from the request: a page whose route
 * read the session (`loadUser()`) shows the corner inline; a cached page, which never reads it, loads the
 * corner from an uncached fragment.
 */
export function Layout({ title, scripts = [], noindex, fragment, htmx, children }: PropsWithChildren<PageProps>) {
  if (fragment) return <>{children}</>;
  const c = useRequestContext<AppEnv>();
  return (
    <Shell
      title={title}
      nonce={c.get("nonce")}
      user={c.get("user")}
      corner={{ db: c.get("db"), csrf: c.get("csrf"), log: c.get("log") }}
      scripts={scripts}
      stylesheets={stylesheetsFor(c.req.path)}
      noindex={noindex}
      htmx={htmx !== false}
    >
      {children}
    </Shell>
  );
}

/**
 * The account corner of an uncached page: the person's staff roles (one small D1 read) decide which tools it
 * offers. Async, so it reads nothing from the request context: what it needs comes in as props.
 */
export async function AccountCorner({ user, db, csrf, log }: { user: SignedInUser | null; db: Db; csrf: string; log: Log }) {
  return <AccountNav user={user} tools={user ? await toolsOf(db, user.id, log) : NO_TOOLS} csrf={csrf} />;
}

/** A page (an error page above all) still renders when D1 cannot say: the corner then offers the personal tools only. */
async function toolsOf(db: Db, userId: number, log: Log) {
  try {
    return staffTools(await staffTournaments(db, userId));
  } catch (err) {
    log.error("header: could not read the staff roles", err);
    return NO_TOOLS;
  }
}

interface ShellProps {
  title: string;
  nonce: string;
  user: SignedInUser | null | undefined;
  corner: { db: Db; csrf: string | undefined; log: Log };
  scripts: string[];
  stylesheets: string[];
  noindex?: boolean | undefined;
  htmx: boolean;
}

function Shell({ title, nonce: requestNonce, user, corner, scripts, stylesheets, noindex, htmx, children }: PropsWithChildren<ShellProps>) {
  // A cached page has no nonce (""): its scripts load by src, allowed by the policy's 'self'.
  const nonce = requestNonce === "" ? undefined : requestNonce;
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title === "Tenring" ? title : `${title} · Tenring`}</title>
          {noindex && <meta name="robots" content="noindex" />}
          {htmx && <meta name="htmx-config" content='{"includeIndicatorCSS":false,"mode":"same-origin"}' />}
          {stylesheets.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
          <link rel="icon" href={assetUrl("/favicon.svg")} type="image/svg+xml" />
          {htmx && <script nonce={nonce} src={assetUrl(HTMX)} defer></script>}
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
              <AccountCorner user={user} db={corner.db} csrf={corner.csrf ?? ""} log={corner.log} />
            ) : (
              <nav
                id="account-nav"
                class="account-nav"
                aria-label="Account"
                {...(htmx ? { "hx-get": ACCOUNT_CORNER, "hx-trigger": "load", "hx-swap": "outerHTML" } : { "data-fragment": ACCOUNT_CORNER })}
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
