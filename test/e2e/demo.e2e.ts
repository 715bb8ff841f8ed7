import assert from "node:assert/strict";
import { after, test } from "node:test";
import { seed } from "../../scripts/demo-seed.ts";
import { DEMO_PASSWORD, COMPETITOR } from "../../src/seed/plan.ts";
import { baseUrl, browserForFile, screenshot, signIn, visit, waitForText } from "./browser.ts";

// What a newcomer meets in the demo: the opening second, a finished tournament's results, an honest scoreboard.
const SOON = "lakeside-summer-cup";
const FINISHED = "nordheide-winter-final";
const OPEN = "nordheide-air-open";
const browser = browserForFile();

function seedToken(): string {
  const token = process.env.SEED_TOKEN;
  if (!token) throw new Error("SEED_TOKEN is not set: run the browser tests with `npm run test:e2e`.");
  return token;
}

// The countdown tournament goes back to opening in five minutes, as the other browser tests expect it.
after(async () => {
  await seed(baseUrl(), seedToken());
});

test("the opening second switches the badge and the registration panel together, with no stray line", async () => {
  const { page, problems } = await visit(await browser());
  await signIn(page, { email: COMPETITOR.email, password: DEMO_PASSWORD });
  await seed(baseUrl(), seedToken(), { soonOpensInSeconds: 20 });
  await page.goto(`/t/${SOON}`);
  const badge = page.getByTestId("tournament-phase");
  const panel = page.locator("[data-testid=registration-panel]");
  await panel.and(page.locator("[data-state=upcoming]")).waitFor();
  assert.equal(await badge.innerText(), "Opens soon");
  assert.equal(await page.getByTestId("opening-countdown").count(), 1);
  assert.equal(await panel.locator("form").count(), 0);
  await screenshot(page, "demo-opening-before");

  // Every change of the page from now on: the badge's words beside the panel's state.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const note = () => {
      const p = document.querySelector('[data-testid="registration-panel"]');
      seen.push(`${document.getElementById("tournament-phase")?.textContent} | ${p?.getAttribute("data-state")}`);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await panel.and(page.locator("[data-state=open]")).waitFor({ timeout: 40_000 });
  await panel.locator("form").first().waitFor();
  assert.equal(await badge.innerText(), "Registration open");
  assert.equal(await page.getByTestId("opening-countdown").count(), 0);
  assert.equal(await page.getByText("Registration is open").count(), 0);
  assert.equal(await page.getByText("Opens soon").count(), 0);
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  const mixed = seen.filter((s) => s === "Opens soon | open" || s === "Registration open | upcoming");
  assert.deepEqual(mixed, [], `the badge and the panel disagreed: ${[...new Set(seen)].join(", ")}`);
  assert.ok(seen.includes("Registration open | open"));
  await screenshot(page, "demo-opening-after");
  assert.deepEqual(problems, []);
});

test("the finished demo tournament has official, ranked, complete results", async () => {
  const { page, problems } = await visit(await browser());
  await page.goto(`/t/${FINISHED}`);
  assert.equal(await page.getByTestId("tournament-phase").innerText(), "Finished");
  assert.equal(await page.getByTestId("places-left").count(), 0);
  assert.equal(await page.getByText(/\d+ left/).count(), 0);
  await page.locator("#events-heading ~ .event").first().getByRole("link", { name: "Results" }).click();
  await page.getByTestId("results-status").waitFor();
  assert.equal(await page.getByTestId("results-status").innerText(), "Official");
  const ranks = await page.locator("tr.result td.rank").allInnerTexts();
  assert.equal(ranks.length, 12);
  assert.equal(ranks[0], "1");
  const numbers = ranks.map((r) => Number(r.replace("=", "")));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
  await waitForText(page.locator("tr.result"), COMPETITOR.name);
  await screenshot(page, "demo-finished-results");

  await page.goBack();
  await page.locator("#events-heading ~ .event").first().getByRole("link", { name: "Live scoreboard" }).click();
  await waitForText(page.getByTestId("match-status"), "Official");
  assert.deepEqual(problems, []);
});

test("a scoreboard before its match says when it starts, not Live", async () => {
  const { page, problems } = await visit(await browser());
  await page.goto(`/t/${OPEN}`);
  await page.locator("#events-heading ~ .event").first().getByRole("link", { name: "Live scoreboard" }).click();
  const status = page.getByTestId("match-status");
  await status.waitFor();
  // Connected (the line's state moves from "connecting" then), the line still tells the match's state.
  await page.locator("#live-status[data-state=upcoming]").waitFor();
  const text = await status.innerText();
  assert.match(text, /^Starts (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}, 09:00$/);
  assert.equal(await page.getByText("Live", { exact: true }).count(), 0);
  await screenshot(page, "demo-scoreboard-starts");
  assert.deepEqual(problems, []);
});
