import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserForFile, PHONE, problemsOf, screenshot, signIn, visit } from "./browser.ts";

const DEMO_SLUG = "nordheide-air-open";
const RANGE_OFFICER = { email: "ro@tenring.test", password: "tenring-demo-2026" };

const browser = browserForFile();
/** The event scored by the first test, for the results test after it. */
let scoredEvent: string | null = null;

/** Types a score the way a range officer does, and waits for the card to count it. */
async function enterShot(page: Page, value: string, shotsAfter: number): Promise<void> {
  await page.locator("#shot-value").waitFor();
  // The browser moves focus to an autofocus field at its next rendering step, not at once.
  const focused = await page
    .waitForFunction(() => document.activeElement?.id === "shot-value", undefined, { timeout: 5_000 })
    .then(() => true, () => false);
  assert.equal(focused, true, "the score field should have the focus");
  await page.keyboard.type(value);
  await page.keyboard.press("Enter");
  await page.locator("[data-testid=card-shots]", { hasText: `${shotsAfter} / 60` }).waitFor();
}

async function rowOrder(page: Page): Promise<string[]> {
  return page.locator("#standings-rows > tr").evaluateAll((rows) => rows.map((r) => r.id));
}

test("a range officer enters shots; a spectator's scoreboard follows and re-ranks without a reload", async () => {
  const officer = await visit(await browser());
  await signIn(officer.page, RANGE_OFFICER);
  await officer.page.goto(`/score/t/${DEMO_SLUG}`);
  const airRifle = officer.page.locator("section.scoring-event", { has: officer.page.getByRole("heading", { name: /10 m Air Rifle/ }) });
  const liveHref = await airRifle.getByRole("link", { name: "Live scoreboard" }).getAttribute("href");
  assert.ok(liveHref, "the scoring page links the event's live scoreboard");
  scoredEvent = liveHref.split("/").at(-1) ?? null;
  await airRifle.locator(".relay-pick").first().click();
  const picks = officer.page.locator(".fp-pick");
  await picks.nth(1).waitFor();
  const entryOf = async (i: number) => new URL((await picks.nth(i).getAttribute("href"))!, "http://x").searchParams.get("entry")!;
  const [first, second] = [await entryOf(0), await entryOf(1)];

  const spectator = await visit(await browser());
  const frames: string[] = [];
  spectator.page.on("websocket", (ws) => ws.on("framereceived", (f) => frames.push(String(f.payload))));
  await spectator.page.goto(liveHref);
  // Two weeks before the match the connected scoreboard says when it starts; the first shot makes it live.
  await spectator.page.locator("#live-status[data-state=upcoming]", { hasText: /^Starts / }).waitFor();
  await spectator.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const rowsBefore = await rowOrder(spectator.page);
  assert.ok(rowsBefore.includes(`row-${first}`) && rowsBefore.includes(`row-${second}`), "both competitors are on the scoreboard");

  // First competitor: two shots, the second one undone from the keyboard and entered again.
  await picks.nth(0).click();
  await officer.page.locator("#scorecard").waitFor();
  await enterShot(officer.page, "10.4", 1);
  assert.equal(await officer.page.locator("#shot-no").inputValue(), "2");
  await enterShot(officer.page, "9.6", 2);
  await officer.page.keyboard.press("Control+z");
  await officer.page.locator("#scorecard-status", { hasText: "Shot 2 (9.6) undone." }).waitFor();
  await enterShot(officer.page, "9.8", 2);
  assert.equal(await officer.page.locator("[data-testid=card-total]").innerText(), "20.2");
  await screenshot(officer.page, "scoring-1-card");

  await spectator.page.locator(`#row-${first} .total`, { hasText: "20.2" }).waitFor();
  assert.equal(await spectator.page.locator("#live-status[data-state=live]").innerText(), "Live");
  assert.equal((await rowOrder(spectator.page))[0], `row-${first}`, "the only scored competitor leads");

  // Second competitor overtakes: the spectator's row moves to the top and flashes.
  await officer.page.locator(".card-steps a", { hasText: "→" }).click();
  await officer.page.locator("#scorecard .name").waitFor();
  await enterShot(officer.page, "10.9", 1);
  const flashed = spectator.page.locator(`#row-${second}.flash`);
  const overtaking = enterShot(officer.page, "10.9", 2);
  await flashed.waitFor();
  await overtaking;
  await spectator.page.locator(`#row-${second} .total`, { hasText: "21.8" }).waitFor();
  const mid = await screenshot(spectator.page, "scoring-2-scoreboard-mid-update");
  const order = await rowOrder(spectator.page);
  assert.deepEqual(order.slice(0, 2), [`row-${second}`, `row-${first}`], "the overtaking competitor moved to the top");
  assert.equal(await spectator.page.locator(`#rank-${first}`).innerText(), "2");
  assert.equal(await spectator.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, "no reload");
  console.log(`scoreboard mid-update: ${mid}`);

  // One request scoring two competitors (as an electronic target sends a relay's shots) makes one message
  // per competitor; both reach the spectator in one frame and are applied in order.
  const seqBefore = Number(await spectator.page.locator("#live-seq").getAttribute("value"));
  const [third, fourth] = [await entryOf(2), await entryOf(3)];
  // A second tab compares the two leaders; it follows the same socket.
  const compare = await spectator.context.newPage();
  const compareProblems = problemsOf(compare);
  await compare.goto(`${liveHref}/compare?entries=${first},${second}`);
  await compare.locator("#live-status[data-state=live]").waitFor();
  assert.deepEqual(await compare.locator(".rank-line td").allTextContents(), ["2", "1"]);
  // Its first reload fails (the network drops it): the status line says so, and it tries again.
  await compare.route(/\/compare\?.*seq=/, (route) => route.abort(), { times: 1 });
  const answer = await officer.page.evaluate(
    async ({ slug, shots }) => {
      const ops = shots.map(([entryId, shotNo, value]) => ({ opId: `e2e-batch-${entryId}-${shotNo}`, entryId, shotNo, value }));
      const res = await fetch(`/api/v1/tournaments/${slug}/shots`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ops }) });
      return (await res.json()) as { results: { outcome: string }[] };
    },
    { slug: DEMO_SLUG, shots: [[third, 1, 105], [third, 2, 106], [fourth, 1, 100]] as [string, number, number][] },
  );
  assert.deepEqual(answer.results.map((r) => r.outcome), ["applied", "applied", "applied"]);
  await spectator.page.locator(`#row-${fourth} .total`, { hasText: "10.0" }).waitFor();
  assert.equal(await spectator.page.locator(`#row-${third} .total`).innerText(), "21.1");
  assert.deepEqual((await rowOrder(spectator.page)).slice(0, 4), [`row-${second}`, `row-${third}`, `row-${first}`, `row-${fourth}`]);
  assert.equal(await spectator.page.locator("#standings-rows > tr").count(), rowsBefore.length, "no row doubled or lost");
  assert.equal(Number(await spectator.page.locator("#live-seq").getAttribute("value")), seqBefore + 2);
  const batchFrame = frames.find((f) => f.includes(`row-${fourth}`));
  assert.equal(batchFrame?.split('data-kind="update"').length, 3, "both messages came in one frame");
  // Pushed to third by a shot that was not theirs: the compare tab shows it without a reload.
  await compare.locator("#live-status", { hasText: "Could not load the latest scores, trying again…" }).waitFor();
  await compare.locator(".rank-line td", { hasText: "3" }).waitFor();
  await compare.locator("#live-status[data-state=live]", { hasText: "Live" }).waitFor();
  assert.deepEqual(await compare.locator(".rank-line td").allTextContents(), ["3", "1"]);
  await screenshot(compare, "scoring-4-compare-live");
  assert.deepEqual(compareProblems, []);
  await compare.close();

  await officer.page.setViewportSize(PHONE);
  await screenshot(officer.page, "scoring-3-card-phone");
  assert.deepEqual(officer.problems, []);
  assert.deepEqual(spectator.problems, []);
  await officer.context.close();
  await spectator.context.close();
});

test("the event's results: ranked, two competitors compared side by side, printable", async () => {
  assert.ok(scoredEvent, "the scoring test ran first");
  const { page, context, problems } = await visit(await browser());
  await page.goto(`/t/${DEMO_SLUG}/results/${scoredEvent}`);
  const rows = page.locator("table.results tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.nth(0).locator(".rank").innerText(), "1");
  assert.equal(await rows.nth(0).locator(".total").innerText(), "21.8");
  assert.equal(await rows.nth(1).locator(".total").innerText(), "21.1");
  assert.equal(await rows.nth(2).locator(".total").innerText(), "20.2");
  assert.equal(await page.locator("[data-testid=results-status]").innerText(), "Unofficial");
  await screenshot(page, "results-1-event");
  await page.emulateMedia({ media: "print" });
  await screenshot(page, "results-2-print");
  assert.equal(await page.locator("table.results").isVisible(), true, "the table prints");
  await page.emulateMedia({ media: "screen" });

  await rows.nth(0).locator("input[name=entries]").check();
  await rows.nth(2).locator("input[name=entries]").check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await page.waitForURL((url) => url.pathname.endsWith("/compare"));
  assert.equal(await page.locator("table.compare thead .name").count(), 2);
  assert.deepEqual(await page.locator("table.compare .total-line td").allTextContents(), ["21.8 (best)", "20.2"]);
  await screenshot(page, "results-3-compare");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a scoreboard whose socket drops says so, reconnects, and catches up on what it missed with a snapshot", async () => {
  assert.ok(scoredEvent, "the scoring test ran first");
  const officer = await visit(await browser());
  await signIn(officer.page, RANGE_OFFICER);
  const spectator = await visit(await browser());
  // The first connection loses the update of the next shot, then drops (1011: the server restarting).
  let connections = 0;
  let swallowing = false;
  let swallowed: (message: string) => void = () => {};
  const lost = new Promise<string>((resolve) => (swallowed = resolve));
  let drop: () => void = () => {};
  const snapshots: string[] = [];
  await spectator.page.routeWebSocket(/\/live\/\d+\/socket$/, (ws) => {
    const number = (connections += 1);
    const server = ws.connectToServer();
    server.onMessage((message) => {
      const text = String(message);
      if (number === 1 && swallowing && text.includes('data-kind="update"')) return swallowed(text);
      if (text.includes('data-kind="snapshot"')) snapshots.push(text);
      ws.send(message);
    });
    if (number === 1) drop = () => ws.close({ code: 1011, reason: "restarting" });
  });
  await spectator.page.goto(`/t/${DEMO_SLUG}/live/${scoredEvent}`);
  await spectator.page.locator("#live-status[data-state=live]").waitFor();
  const row = spectator.page.locator("#standings-rows > tr").last();
  const entryId = await row.getAttribute("data-entry");
  assert.ok(entryId);
  assert.equal(await row.locator(".total").innerText(), "–");

  swallowing = true;
  const answer = await officer.page.evaluate(
    async ({ slug, entryId }) => {
      const ops = [{ opId: `e2e-reconnect-${entryId}`, entryId, shotNo: 1, value: 95 }];
      const res = await fetch(`/api/v1/tournaments/${slug}/shots`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ops }) });
      return (await res.json()) as { results: { outcome: string }[] };
    },
    { slug: DEMO_SLUG, entryId },
  );
  assert.deepEqual(answer.results.map((r) => r.outcome), ["applied"]);
  assert.match(await lost, new RegExp(`row-${entryId}`));
  assert.equal(await row.locator(".total").innerText(), "–", "the lost update was not applied");

  drop();
  await spectator.page.locator("#live-status[data-state=reconnecting]", { hasText: "Connection lost, reconnecting…" }).waitFor();
  await spectator.page.locator("#live-status[data-state=live]").waitFor();
  await spectator.page.locator(`#row-${entryId} .total`, { hasText: "9.5" }).waitFor();
  assert.equal(connections, 2);
  assert.equal(snapshots.length, 1, "the hello after reconnecting was answered with one snapshot");
  assert.deepEqual(officer.problems, []);
  assert.deepEqual(spectator.problems, []);
  await officer.context.close();
  await spectator.context.close();
});
