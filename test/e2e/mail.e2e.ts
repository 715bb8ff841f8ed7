import assert from "node:assert/strict";
import { test } from "node:test";
import { browserForFile, newAccount, openMailLink, screenshot, signIn, signUp, signUpVerified, visit, waitForText } from "./browser.ts";

// Mail a person acts on, read from the local mailbox (/__mailbox): confirming an address, resetting a
// forgotten password, accepting a staff invitation.
const SLUG = "nordheide-air-open";
const RIFLE = "10 m Air Rifle";
const ORGANISER = { email: "organiser@tenring.test", password: "tenring-demo-2026" };
const browser = browserForFile();

test("sign up, confirm the address from the verification mail, then register for a relay", async () => {
  const { page, problems } = await visit(await browser());
  const account = newAccount();
  await signUp(page, account);
  await page.locator("[data-testid=address-unverified]").waitFor();
  await screenshot(page, "mail-1-unverified-account");

  // Unconfirmed: the tournament page says so instead of offering the form.
  await page.goto(`/t/${SLUG}`);
  await page.locator("[data-testid=registration-unverified]").waitFor();

  await openMailLink(page, account.email, "Confirm your email address", "/account/verify/");
  await screenshot(page, "mail-2-confirm-page");
  await page.getByRole("button", { name: "Confirm this address" }).click();
  await page.locator("[data-testid=address-verified]").waitFor();

  await page.goto(`/t/${SLUG}`);
  await page.locator("[data-testid=registration-panel][data-state=open]").waitFor();
  const block = page.locator("[data-testid=reg-event]").filter({ has: page.getByRole("heading", { name: RIFLE, exact: true }) });
  await block.locator("[data-testid=reg-choice]").filter({ hasText: "Any relay of this event" }).locator("input[type=radio]").check();
  await block.getByRole("button", { name: `Register for ${RIFLE}` }).click();
  await block.locator("[data-testid=reg-result]").waitFor();
  await screenshot(page, "mail-3-registered");

  // The object's decision is mailed too, with the tournament's name and zone.
  await page.goto(`/__mailbox?to=${encodeURIComponent(account.email)}`);
  for (let i = 0; i < 40 && (await page.locator("[data-testid=mail]").count()) < 2; i++) {
    await page.waitForTimeout(250);
    await page.reload();
  }
  const newest = page.locator("[data-testid=mail]").first();
  assert.match(await newest.innerText(), /(You are registered|You are on the waitlist)[\s\S]*times in Europe\/Berlin/);
  await screenshot(page, "mail-4-mailbox");
  assert.deepEqual(problems, []);
});

test("reset a forgotten password from the mail: the new one signs in", async () => {
  const { page, problems } = await visit(await browser());
  const account = newAccount();
  await signUpVerified(page, account);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.locator("#account-nav").getByRole("link", { name: "Sign in" }).waitFor();

  await page.goto("/account/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.locator('input[name="email"]').fill(account.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await page.locator("[data-testid=reset-sent]").waitFor();

  await openMailLink(page, account.email, "Reset your Tenring password", "/account/reset/");
  const fresh = `${account.password}-renewed`;
  await page.locator('input[name="password"]').fill(fresh);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await page.locator("[data-testid=sign-in-notice]").waitFor();
  await screenshot(page, "mail-5-password-reset");

  await signIn(page, { email: account.email, password: fresh });
  await waitForText(page.locator("[data-testid=who]"), account.name);
  assert.deepEqual(problems, []);
});

test("an organiser invites a second user by address; that user accepts from the mail and gets the role", async () => {
  const organiser = await visit(await browser());
  const helper = await visit(await browser());
  const account = newAccount();
  await signUpVerified(helper.page, account);

  await signIn(organiser.page, ORGANISER);
  await organiser.page.goto(`/admin/t/${SLUG}/staff`);
  await organiser.page.locator('input[name="email"]').fill(account.email);
  await organiser.page.locator('select[name="role"]').selectOption("range_officer");
  await organiser.page.getByRole("button", { name: "Send invitation" }).click();
  await organiser.page.locator("[data-testid=invitation]").filter({ hasText: account.email }).waitFor();
  await screenshot(organiser.page, "mail-6-invitation-pending");

  // Not staff before accepting.
  assert.equal((await helper.page.request.get(`/admin/t/${SLUG}`)).status(), 403);
  await openMailLink(helper.page, account.email, "You are invited", "/account/invitations/");
  await helper.page.getByRole("button", { name: "Accept the invitation" }).click();
  await helper.page.waitForURL((url) => url.pathname === `/admin/t/${SLUG}`);
  await screenshot(helper.page, "mail-7-invitation-accepted");

  await organiser.page.reload();
  await organiser.page.locator("[data-testid=staff-member]").filter({ hasText: account.name }).waitFor();
  assert.equal(await organiser.page.locator("[data-testid=invitation]").filter({ hasText: account.email }).count(), 0);
  assert.deepEqual([...organiser.problems, ...helper.problems], []);
});
