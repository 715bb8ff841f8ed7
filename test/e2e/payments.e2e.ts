import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserForFile, fillNewTournament, newAccount, screenshot, signUpVerified, visit, type Visit } from "./browser.ts";

// An organiser connects Stripe (the fake's stand-in onboarding) and sets a one-minute hold; one competitor
// pays through the stand-in checkout page and is confirmed; another's unpaid hold lapses and the waitlisted
// competitor is promoted into a hold of their own.
const browser = browserForFile();

async function submit(page: Page, name: string, to: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(to), page.getByRole("button", { name, exact: true }).click()]);
}

async function feeTournament(page: Page, slug: string): Promise<void> {
  await page.goto("/admin/new");
  await fillNewTournament(page, `Paid Cup ${slug.slice(-6)}`, slug);
  await page.locator("#tournament-fee").fill("25.00");
  await submit(page, "Create draft", new RegExp(`/admin/t/${slug}/events`));
  await page.locator("#event-title").fill("10 m Air Rifle");
  await page.locator("#event-discipline").selectOption("air-rifle-10m");
  await submit(page, "Add event", /\/events\?done=added/);
  await page.getByRole("link", { name: "Add a relay to 10 m Air Rifle" }).click();
  await page.waitForURL(/\/relays\/new$/);
  await page.locator("#relay-firingPoints").fill("2");
  await submit(page, "Add relay", new RegExp(`/admin/t/${slug}/events\\?done=relay`));
  await page.getByRole("navigation", { name: "Tournament admin" }).getByRole("link", { name: "Dashboard" }).click();
  await page.getByRole("button", { name: "Publish tournament" }).click();
  await page.getByText("Published: the tournament is on the home page now.").waitFor();
}

/** A new verified competitor registers through the API (their own session); returns the entry's status. */
async function competitorRegisters(slug: string): Promise<{ who: Visit; status: string }> {
  const who = await visit(await browser());
  await signUpVerified(who.page, newAccount());
  const body = (await (await who.page.request.get(`/api/v1/tournaments/${slug}`)).json()) as { events: { id: number; relays: { id: number }[] }[] };
  const event = body.events[0]!;
  const result = await who.page.evaluate(
    async ({ slug, payload, key }) => {
      const res = await fetch(`/api/v1/tournaments/${slug}/entries`, { method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": key }, body: JSON.stringify(payload) });
      return (await res.json()) as { status?: string; entry?: { status: string } };
    },
    { slug, payload: { event: event.id, relay: event.relays[0]!.id }, key: randomUUID() },
  );
  return { who, status: result.entry?.status ?? result.status ?? "?" };
}

/** Reloads My entries until the (only) entry shows `status`, within `ms`. */
async function entryBecomes(page: Page, status: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    await page.goto("/me/entries");
    if ((await page.locator(`[data-testid=my-entry][data-status=${status}]`).count()) > 0) return;
    assert.ok(Date.now() < until, `the entry did not become ${status} within ${ms} ms`);
    await page.waitForTimeout(1000);
  }
}

test("pay a held place through Stripe Checkout; an unpaid hold lapses and the next in line is promoted", async () => {
  const organiser = await visit(await browser());
  await signUpVerified(organiser.page, newAccount());
  const slug = `e2e-paid-${Date.now().toString(36)}`;
  await feeTournament(organiser.page, slug);

  // Connect Stripe: the stand-in onboarding sends account.updated to the webhook.
  const op = organiser.page;
  await op.goto(`/admin/t/${slug}/payments`);
  await op.getByRole("button", { name: "Connect Stripe" }).click();
  await op.getByRole("button", { name: "Complete onboarding" }).click();
  await op.waitForURL(new RegExp(`/admin/t/${slug}/payments\\?done=connected`));
  for (let i = 0; i < 20 && (await op.locator("[data-testid=account-state][data-state=ready]").count()) === 0; i++) {
    await op.waitForTimeout(300);
    await op.reload();
  }
  await op.locator("[data-testid=account-state][data-state=ready]").waitFor();
  await op.locator("#payment-settings-holdMinutes").fill("1");
  await submit(op, "Save", /\/payments\?done=settings/);

  // A holds one place and never pays; B holds the other and pays; C waits.
  const a = await competitorRegisters(slug);
  assert.equal(a.status, "held");
  const heldAt = Date.now();
  const b = await competitorRegisters(slug);
  assert.equal(b.status, "held");
  const c = await competitorRegisters(slug);
  assert.equal(c.status, "waitlisted");

  const page = b.who.page;
  await page.goto("/me/entries");
  const pay = page.locator("[data-testid=pay-now]");
  await pay.locator(".countdown").waitFor();
  await screenshot(page, "payments-1-pay-now");
  await pay.getByRole("button", { name: "Pay now" }).click();
  await page.getByRole("heading", { name: /Pay 25\.00 EUR/ }).waitFor();
  await screenshot(page, "payments-2-checkout");
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(/\/me\/entries\/[^/]+\/paid\?session=/);
  await screenshot(page, "payments-3-return");
  await page.locator("[data-testid=payment-status][data-state=confirmed]").waitFor({ timeout: 20_000 });
  await screenshot(page, "payments-4-confirmed");
  await entryBecomes(page, "confirmed", 10_000);

  // A's hold lapses after a minute: C is promoted into a hold, with the Pay button.
  await c.who.page.waitForTimeout(Math.max(0, heldAt + 60_000 - Date.now()));
  await entryBecomes(c.who.page, "held", 30_000);
  await c.who.page.locator("[data-testid=pay-now]").waitFor();
  await screenshot(c.who.page, "payments-5-promoted");
  await entryBecomes(a.who.page, "expired", 10_000);

  await op.goto(`/admin/t/${slug}/payments`);
  await op.locator("[data-testid=reconciliation][data-ok=yes]").waitFor();
  assert.equal(await op.locator("[data-testid=payments-table] tr[data-state=paid]").count(), 1);
  await screenshot(op, "payments-6-organiser");
  for (const v of [organiser, a.who, b.who, c.who]) assert.deepEqual(v.problems, []);
});
