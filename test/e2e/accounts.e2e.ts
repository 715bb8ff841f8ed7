import assert from "node:assert/strict";
import { before, test } from "node:test";
import { browserForFile, newAccount, screenshot, SESSION_COOKIE, signIn, signUp, visit, waitForText, type Visit } from "./browser.ts";

// One visitor goes through the whole account life cycle, in order, in one browser context.
const account = newAccount();
const browser = browserForFile();
let visitor: Visit;

before(async () => {
  visitor = await visit(await browser());
});

async function sessionCookie() {
  const cookies = await visitor.context.cookies();
  return cookies.find((cookie) => cookie.name === SESSION_COOKIE);
}

/** The header's signed-out state; "Sign up" appears only once the personal part has arrived. */
async function signedOutHeader() {
  const nav = visitor.page.locator("#account-nav");
  await nav.getByRole("link", { name: "Sign up" }).waitFor();
  assert.equal(await nav.locator("[data-testid=who]").count(), 0);
}

test("sign up: the new name appears in the header and the session cookie is kept on http://127.0.0.1", async () => {
  const { page } = visitor;
  await signUp(page, account);
  await waitForText(page.locator("[data-testid=who]"), account.name);
  await screenshot(page, "accounts-1-signed-up");

  const cookie = await sessionCookie();
  assert.ok(cookie, `Chromium did not keep the ${SESSION_COOKIE} cookie`);
  assert.equal(cookie.secure, true);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, "Lax");
  assert.equal(cookie.path, "/");
  assert.deepEqual(visitor.problems, []);
});

test("sign out from the header: the name is gone and so is the session", async () => {
  const { page } = visitor;
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signedOutHeader();
  await screenshot(page, "accounts-2-signed-out");
  assert.equal(await sessionCookie(), undefined);

  await page.reload();
  await signedOutHeader();
  assert.deepEqual(visitor.problems, []);
});

test("sign in again with the same email and password: the name is back", async () => {
  const { page } = visitor;
  await signIn(page, account);
  await waitForText(page.locator("[data-testid=who]"), account.name);
  await screenshot(page, "accounts-3-signed-in");

  assert.ok(await sessionCookie(), "no session cookie after signing in");
  assert.deepEqual(visitor.problems, []);
});
