import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { browserForFile, newAccount, PHONE, screenshot, signUpVerified, visit, waitForText, type Visit } from "./browser.ts";

// One new competitor registers on the open demo tournament, lands on a waitlist, and withdraws.
const SLUG = "nordheide-air-open";
const RIFLE = "10 m Air Rifle";
const PISTOL = "10 m Air Pistol";
const account = newAccount();
const browser = browserForFile();
let competitor: Visit;

before(async () => {
  competitor = await visit(await browser());
  await signUpVerified(competitor.page, account);
  await waitForText(competitor.page.locator("[data-testid=who]"), account.name);
});

interface ApiRelay {
  id: number;
  name: string;
  placesLeft: number;
}

/** The event's relays with live places left, from the public API. */
async function relaysOf(page: Page, eventTitle: string): Promise<ApiRelay[]> {
  const res = await page.request.get(`/api/v1/tournaments/${SLUG}`);
  assert.equal(res.status(), 200);
  const body = (await res.json()) as { events: { id: number; title: string; relays: ApiRelay[] }[] };
  const event = body.events.find((e) => e.title === eventTitle);
  assert.ok(event, `the demo tournament has no event "${eventTitle}"`);
  return event.relays;
}

function eventBlock(page: Page, title: string): Locator {
  return page.locator("[data-testid=reg-event]").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

async function openPanel(page: Page): Promise<void> {
  await page.goto(`/t/${SLUG}`);
  await page.locator("[data-testid=registration-panel][data-state=open]").waitFor();
}

/** Fills the relay with other new competitors, each registering through the API with their own session. */
async function fill(eventTitle: string, relay: ApiRelay): Promise<void> {
  assert.ok(relay.placesLeft <= 5, `${relay.name} of ${eventTitle} has ${relay.placesLeft} places left; too many to fill here`);
  const events = (await (await competitor.page.request.get(`/api/v1/tournaments/${SLUG}`)).json()) as { events: { id: number; title: string }[] };
  const eventId = events.events.find((e) => e.title === eventTitle)?.id;
  for (let i = 0; i < relay.placesLeft; i++) {
    const filler = await visit(await browser());
    await signUpVerified(filler.page, newAccount());
    const status = await filler.page.evaluate(
      async ({ slug, body, key }) => {
        const res = await fetch(`/api/v1/tournaments/${slug}/entries`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": key },
          body: JSON.stringify(body),
        });
        return res.status;
      },
      { slug: SLUG, body: { event: eventId, relay: relay.id }, key: randomUUID() },
    );
    assert.equal(status, 201, `a filler could not register for ${relay.name}`);
    await filler.context.close();
  }
}

test("register from the tournament page: confirmed, with relay and start, without a page reload", async () => {
  const { page } = competitor;
  await openPanel(page);
  const block = eventBlock(page, RIFLE);
  const relay = (await relaysOf(page, RIFLE)).find((r) => r.placesLeft > 0);
  assert.ok(relay, `${RIFLE} has no relay with a free place`);
  await screenshot(page, "registration-1-panel");

  // Marks this document: a full reload would lose the mark.
  await page.evaluate(() => document.documentElement.setAttribute("data-e2e-mark", "kept"));
  await block.locator("[data-testid=reg-choice]").filter({ hasText: relay.name }).locator("input[type=radio]").check();
  await block.getByRole("button", { name: `Register for ${RIFLE}` }).click();
  const result = block.locator("[data-testid=reg-result][data-status=confirmed]");
  await result.waitFor();
  assert.match(await result.innerText(), new RegExp(`Confirmed[\\s\\S]*${relay.name}, \\w{3} \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d`));
  assert.equal(await page.locator("html").getAttribute("data-e2e-mark"), "kept");
  await screenshot(page, "registration-2-confirmed");

  // The cached page's places-left figures catch up by themselves: it polls /t/:slug/places while open.
  const figure = `#places-cell-${relay.id} [data-testid=places-left]`;
  await page.waitForFunction(([selector, before]) => parseInt(document.querySelector(selector)?.textContent ?? "", 10) < before, [figure, relay.placesLeft] as const, {
    timeout: 20_000,
  });
  assert.deepEqual(competitor.problems, []);
});

test("register for a full relay: the waitlist position is shown", async () => {
  const { page } = competitor;
  const relays = await relaysOf(page, PISTOL);
  const fullest = [...relays].sort((a, b) => a.placesLeft - b.placesLeft)[0];
  assert.ok(fullest, `${PISTOL} has no relays`);
  if (fullest.placesLeft > 0) await fill(PISTOL, fullest);

  await openPanel(page);
  const block = eventBlock(page, PISTOL);
  const choice = block.locator("[data-testid=reg-choice]").filter({ hasText: fullest.name });
  await waitForText(choice.locator("[data-testid=reg-places]"), "Full");
  await choice.locator("input[type=radio]").check();
  await screenshot(page, "registration-3-full-relay");
  await block.getByRole("button", { name: `Register for ${PISTOL}` }).click();
  const result = block.locator("[data-testid=reg-result][data-status=waitlisted]");
  await result.waitFor();
  const position = Number(await result.locator("[data-testid=waitlist-position]").innerText());
  assert.ok(Number.isInteger(position) && position >= 1, `waitlist position "${position}"`);
  assert.match(await result.innerText(), new RegExp(`Number ${position} on the waitlist for ${fullest.name}`));
  await screenshot(page, "registration-4-waitlisted");
  assert.deepEqual(competitor.problems, []);
});

test("withdraw from My entries, after a confirmation step", async () => {
  const { page } = competitor;
  await page.locator("#account-nav").getByRole("link", { name: "My entries" }).click();
  await page.waitForURL((url) => url.pathname === "/me/entries");
  const entries = page.locator("[data-testid=my-entry]");
  await entries.first().waitFor();
  // My entries reads D1's copy, which trails the tournament object by the outbox's coalescing delay
  // (200 ms): the entry made a moment ago may need one reload to appear.
  for (let tries = 0; (await entries.count()) < 2 && tries < 10; tries++) {
    await page.waitForTimeout(300);
    await page.reload();
    await entries.first().waitFor();
  }
  assert.equal(await entries.count(), 2);
  await screenshot(page, "registration-5-my-entries");

  const rifle = entries.filter({ has: page.getByRole("heading", { name: new RegExp(`^${RIFLE}`) }) });
  await rifle.getByRole("link", { name: "Withdraw…" }).click();
  const confirm = page.getByRole("button", { name: "Confirm withdrawal" });
  await confirm.waitFor();
  await screenshot(page, "registration-6-confirm-withdrawal");
  await confirm.click();
  await waitForText(page.locator("[data-testid=reg-notice]"), `You withdrew from ${RIFLE}.`);
  await page.locator("[data-testid=my-entry][data-status=withdrawn]").waitFor();
  assert.equal(await page.locator("[data-testid=my-entry][data-status=waitlisted]").count(), 1);
  await screenshot(page, "registration-7-withdrawn");

  await page.setViewportSize(PHONE);
  await screenshot(page, "registration-8-my-entries-phone");
  assert.deepEqual(competitor.problems, []);
});

test("before opening: the panel counts down and offers no form yet", async () => {
  const { page } = competitor;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/t/lakeside-summer-cup");
  const panel = page.locator("[data-testid=registration-panel][data-state=upcoming]");
  await panel.waitFor();
  await panel.locator(".countdown").getByText("Registration opens in").waitFor();
  assert.equal(await panel.locator("form").count(), 0);
  await screenshot(page, "registration-9-countdown");
  assert.deepEqual(competitor.problems, []);
});
