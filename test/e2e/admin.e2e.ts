import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserForFile, fillNewTournament, newAccount, PHONE, screenshot, signIn, signUpVerified, visit } from "./browser.ts";

const ORGANISER = { email: "organiser@tenring.test", password: "tenring-demo-2026" };
const DEMO = "nordheide-air-open";

const browser = browserForFile();

/** Clicks a submit button and waits for the page it leads to. */
async function submit(page: Page, name: string, to: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(to), page.getByRole("button", { name, exact: true }).click()]);
}

async function addEventWithRelay(page: Page, slug: string, title: string, discipline: string): Promise<void> {
  await page.locator("#event-title").fill(title);
  await page.locator("#event-discipline").selectOption(discipline);
  await submit(page, "Add event", /\/events\?done=added/);
  await page.getByRole("link", { name: `Add a relay to ${title}` }).click();
  await page.waitForURL(/\/relays\/new$/);
  // The form comes filled in: the next relay name, the first match day at 09:00, ten firing points.
  assert.match(await page.locator("#relay-startsAt").inputValue(), /T09:00$/);
  await submit(page, "Add relay", new RegExp(`/admin/t/${slug}/events\\?done=relay`));
}

test("an organiser creates a tournament with two events and relays, publishes it, and finds it on the home page", async () => {
  const { page, context, problems } = await visit(await browser());
  await signUpVerified(page, newAccount());
  await page.goto("/admin");
  await page.getByText("You run no tournaments yet").waitFor();
  await page.getByRole("link", { name: "New tournament" }).click();

  const slug = `e2e-cup-${Date.now().toString(36)}`;
  const title = `E2E Cup ${slug.slice(-6)}`;
  await fillNewTournament(page, title, slug);
  await submit(page, "Create draft", new RegExp(`/admin/t/${slug}/events`));

  await addEventWithRelay(page, slug, "10 m Air Rifle", "air-rifle-10m");
  await addEventWithRelay(page, slug, "10 m Air Pistol", "air-pistol-10m");
  assert.equal(await page.locator("[data-testid=admin-event]").count(), 2);
  assert.equal(await page.locator("[data-testid=admin-relay]").count(), 2);
  await screenshot(page, "admin-0-events");

  await page.getByRole("navigation", { name: "Tournament admin" }).getByRole("link", { name: "Dashboard" }).click();
  await page.getByRole("button", { name: "Publish tournament" }).click();
  await page.getByText("Published: the tournament is on the home page now.").waitFor();
  assert.equal((await page.locator("[data-testid=tournament-status]").innerText()).trim(), "Published");
  await screenshot(page, "admin-1-dashboard");

  await page.goto("/");
  await page.getByRole("link", { name: title }).first().waitFor();
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  assert.equal(await page.locator("[data-testid=relay]").count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the entries table searches as you type, and a relay's start list prints", async () => {
  const { page, context, problems } = await visit(await browser());
  await signIn(page, ORGANISER);
  await page.goto(`/admin/t/${DEMO}/entries`);
  const rows = page.locator("[data-testid=entry-row]");
  await rows.first().waitFor();
  const all = await rows.count();
  assert.ok(all > 5, `the demo's first event should have entries, found ${all}`);
  await screenshot(page, "admin-2-entries");

  const first = (await rows.first().locator("th a").innerText()).trim();
  await page.locator("#entries-q").fill(first.split(" ")[1]!);
  await page.waitForFunction((n) => document.querySelectorAll("[data-testid=entry-row]").length < n, all);
  for (const name of await rows.locator("th a").allInnerTexts()) assert.ok(name.includes(first.split(" ")[1]!), `${name} does not match the search`);

  await rows.first().locator("th a").click();
  await page.getByRole("heading", { name: "Move to another relay" }).waitFor();
  await screenshot(page, "admin-5-entry");
  await page.goto(`/admin/t/${DEMO}/results`);
  await page.getByRole("heading", { name: "Scoring tokens for electronic targets" }).waitFor();
  await screenshot(page, "admin-6-results");

  await page.goto(`/admin/t/${DEMO}`);
  await page.getByRole("link", { name: "Start list" }).first().click();
  await page.locator("[data-testid=start-list]").waitFor();
  // The element can be there before the stylesheets are: judge the print view once the page has loaded.
  await page.waitForLoadState("load");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".admin-nav").isVisible(), false);
  assert.equal(await page.getByRole("button", { name: "Print" }).isVisible(), false);
  await screenshot(page, "admin-4-start-list-print");
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(problems, []);
  await context.close();
});

test("check-in on a phone: find a competitor, one tap, the count goes up, undo", async () => {
  const { page, context, problems } = await visit(await browser(), PHONE);
  await signIn(page, ORGANISER);
  await page.goto(`/admin/t/${DEMO}/check-in`);
  const rows = page.locator("[data-testid=checkin-row]");
  await rows.first().waitFor();
  const name = (await rows.first().locator(".checkin-name").innerText()).trim();

  await page.locator("#checkin-q").fill(name);
  await page.waitForFunction(
    (n) => [...document.querySelectorAll("[data-testid=checkin-row] .checkin-name")].every((el) => el.textContent?.trim() === n),
    name,
  );
  const row = rows.first();
  const relayCounts = page.locator("[data-testid=checkin-count] .checkin-count-value");
  const before = await relayCounts.allInnerTexts();
  await row.getByRole("button", { name: `Check in ${name}` }).click();
  await page.locator("[data-testid=checked-in]").first().waitFor();
  const after = await relayCounts.allInnerTexts();
  const checkedIn = (counts: string[]) => counts.reduce((n, c) => n + Number(c.split(" / ")[0]), 0);
  assert.equal(checkedIn(after), checkedIn(before) + 1);
  await screenshot(page, "admin-3-check-in-phone");

  await rows.first().getByRole("button", { name: `Undo check-in of ${name}` }).click();
  await rows.first().getByRole("button", { name: `Check in ${name}` }).waitFor();
  assert.equal(checkedIn(await relayCounts.allInnerTexts()), checkedIn(before));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the audit log says in words who did what, with names and links instead of ids", async () => {
  const { page, context, problems } = await visit(await browser());
  await signIn(page, ORGANISER);
  await page.goto(`/admin/t/${DEMO}/check-in`);
  const row = page.locator("[data-testid=checkin-row]").last();
  await row.waitFor();
  const name = (await row.locator(".checkin-name").innerText()).trim();
  await row.getByRole("button", { name: `Check in ${name}` }).click();
  await page.locator("[data-testid=checked-in]").first().waitFor();

  await page.goto(`/admin/t/${DEMO}/entries`);
  await page.locator("[data-testid=entry-row] th a").first().click();
  await page.getByRole("heading", { name: "Move to another relay" }).waitFor();
  const to = page.locator("#move-relayId option:not([disabled]):not([value=''])").first();
  await page.locator("#move-relayId").selectOption((await to.getAttribute("value"))!);
  await submit(page, "Move", /done=moved/);

  await page.goto(`/admin/t/${DEMO}/audit`);
  const sentences = page.locator("[data-testid=audit-row] .audit-sentence");
  await sentences.first().waitFor();
  assert.match((await sentences.first().innerText()).trim(), /^.+ moved .+’s entry in .+ from .+ to .+\.\s*Entry moved$/);
  const checkIn = sentences.nth(1);
  assert.match((await checkIn.innerText()).trim(), new RegExp(`^.+ checked in ${name} for .+\\.\\s*Checked in$`));
  assert.equal(await checkIn.getByRole("link", { name }).count(), 1);
  const page1 = await page.locator("table.audit-table").innerText();
  assert.doesNotMatch(page1, /entry:|\d{13}|amountCents|startsAt/);
  await screenshot(page, "audit-log");
  assert.deepEqual(problems, []);
  await context.close();
});
