import assert from "node:assert/strict";
import { test } from "node:test";
import { browserForFile, PHONE, screenshot, visit } from "./browser.ts";

const browser = browserForFile();

test("from the home page to the open demo tournament: relays with places left", async () => {
  const { page, context, problems } = await visit(await browser());
  await page.goto("/");
  const open = page.getByRole("region", { name: "Registration open", exact: true });
  const card = open.locator("[data-testid=tournament-card]").first();
  await card.waitFor();
  await screenshot(page, "tournament-1-home");

  const link = card.getByRole("link").first();
  const title = (await link.innerText()).trim();
  assert.notEqual(title, "", "the open tournament's card has no title");
  await link.click();
  await page.waitForURL((url) => url.pathname.startsWith("/t/"));
  await page.getByRole("heading", { level: 1, name: title }).waitFor();

  const relays = page.locator("[data-testid=relay]");
  await relays.first().waitFor();
  const rows = await relays.all();
  const placesLeft: number[] = [];
  for (const row of rows) {
    const text = (await row.locator("[data-testid=places-left]").innerText()).trim();
    const match = /^(\d+)\b/.exec(text);
    assert.ok(match, `places left should start with a number, got "${text}"`);
    const firingPoints = Number((await row.locator("td.num").first().innerText()).trim());
    const left = Number(match[1]);
    assert.ok(left <= firingPoints, `${left} places left on a relay with ${firingPoints} firing points`);
    placesLeft.push(left);
  }
  assert.ok(placesLeft.some((left) => left > 0), `an open tournament should have a relay with places left: ${placesLeft.join(", ")}`);
  await screenshot(page, "tournament-2-relays");

  await page.setViewportSize(PHONE);
  await screenshot(page, "tournament-3-relays-phone");
  assert.deepEqual(problems, []);
  await context.close();
});
