/** Shared pieces of the browser tests: Debian chromium through playwright-core, screenshots, demo accounts. */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after } from "node:test";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");
export const SESSION_COOKIE = "__Host-tenring_session";
const CHROMIUM = "/usr/bin/chromium";

/** The server `test/e2e/run.ts` started for this run. */
export function baseUrl(): string {
  const url = process.env.BASE_URL;
  if (!url) throw new Error("BASE_URL is not set: run the browser tests with `npm run test:e2e`.");
  return url;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine's network is closed: Chromium's own background traffic would only fail, noisily.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * One browser for a test file's tests: launched by the first that asks (node:test may start a file's
 * top-level hooks before this one's has finished), closed with every context it opened after them all.
 */
export function browserForFile(): () => Promise<Browser> {
  let launched: Promise<Browser> | undefined;
  after(async () => {
    await (await launched)?.close();
  });
  return () => (launched ??= launchBrowser());
}

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** Uncaught script errors and CSP violations seen so far: a page that needs either is broken. */
  problems: string[];
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** A fresh context (no cookies) with one page on the test server. */
export async function visit(browser: Browser, viewport = DESKTOP): Promise<Visit> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page, problems: problemsOf(page) };
}

/** Collects the page's uncaught script errors and CSP violations from now on. */
export function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  return problems;
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until the locator shows the text (the header's name arrives from a fragment after the page). */
export async function waitForText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: "visible" });
}

export interface Account {
  email: string;
  name: string;
  club: string;
  password: string;
}

/** A new competitor, unique within this run and every other. */
export function newAccount(): Account {
  const id = randomBytes(4).toString("hex");
  return {
    email: `e2e-${id}@tenring.test`,
    name: `Erika Example ${id}`,
    club: "Browser Test Rifle Club",
    password: `e2e-${randomBytes(9).toString("base64url")}`,
  };
}

/** Fills in and sends the sign-up form; the caller checks where it led. */
export async function signUp(page: Page, account: Account): Promise<void> {
  await page.goto("/account/sign-up");
  const form = page.locator("form").filter({ has: page.locator('input[name="email"]') });
  await form.locator('input[name="email"]').fill(account.email);
  await form.locator('input[name="name"]').fill(account.name);
  await form.locator('input[name="club"]').fill(account.club);
  await form.locator('input[name="password"]').fill(account.password);
  await submitAndLeave(page, form.getByRole("button", { name: "Create account" }));
}

/** Fills in and sends the sign-in form; the caller checks where it led. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  await page.goto("/account/sign-in");
  const form = page.locator("form").filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(account.email);
  await form.locator('input[name="password"]').fill(account.password);
  await submitAndLeave(page, form.getByRole("button", { name: "Sign in" }));
}

/** Clicks a form's button and waits for the page to move on; staying put means the form refused, so say why. */
async function submitAndLeave(page: Page, button: Locator): Promise<void> {
  const from = new URL(page.url()).pathname;
  const left = page.waitForURL((url) => url.pathname !== from);
  await button.click();
  try {
    await left;
  } catch (error) {
    const shown = await page.locator("main").innerText().catch(() => "(no main element)");
    throw new Error(`${from} did not move on after submitting; the page shows:\n${shown}`, { cause: error });
  }
}

/**
 * Opens the newest mail to `email` whose subject contains `subject` in the local mailbox (/__mailbox, on
 * under `startTenring`) and follows its link starting with `linkPrefix`. Mail comes through the queue a
 * moment after the action that sends it, so the mailbox is reloaded until it is there.
 */
export async function openMailLink(page: Page, email: string, subject: string, linkPrefix: string): Promise<void> {
  const mail = page.locator("[data-testid=mail]").filter({ hasText: subject }).first();
  for (let i = 0; i < 40; i++) {
    await page.goto(`/__mailbox?to=${encodeURIComponent(email)}`);
    if ((await mail.count()) > 0) break;
    await page.waitForTimeout(250);
  }
  await mail.locator(`a[href*="${linkPrefix}"]`).first().click();
  await page.waitForURL((url) => url.pathname.startsWith(linkPrefix));
}

/** Signs up, then confirms the address from the local mailbox, as a new competitor does. */
export async function signUpVerified(page: Page, account: Account): Promise<void> {
  await signUp(page, account);
  await openMailLink(page, account.email, "Confirm your email address", "/account/verify/");
  await submitAndLeave(page, page.getByRole("button", { name: "Confirm this address" }));
}

/** A date `offset` days from today, as date inputs take it. */
export function dayFromNow(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Fills the new-tournament form: match days in a month, registration open since yesterday for 20 days. */
export async function fillNewTournament(page: Page, title: string, slug: string): Promise<void> {
  await page.locator("#tournament-title").fill(title);
  await page.locator("#tournament-slug").fill(slug);
  await page.locator("#tournament-venue").fill("Browser Range");
  await page.locator("#tournament-startsOn").fill(dayFromNow(30));
  await page.locator("#tournament-endsOn").fill(dayFromNow(31));
  await page.locator("#tournament-opensAt").fill(`${dayFromNow(-1)}T08:00`);
  await page.locator("#tournament-closesAt").fill(`${dayFromNow(20)}T20:00`);
}

/**
 * No connection: the context offline and every request, the service worker's included (setOffline does not cover
 * those, DESIGN §8), failing as a dropped network would.
 */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.setOffline(false);
}
