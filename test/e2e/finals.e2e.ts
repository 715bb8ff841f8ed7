import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { browserForFile, problemsOf, SCREENSHOTS, screenshot, signIn, visit } from "./browser.ts";

const LIVE_SLUG = "lakeside-autumn-championship";
const ORGANISER = { email: "organiser@tenring.test", password: "tenring-demo-2026" };
const COMPETITOR = { email: "competitor@tenring.test", password: "tenring-demo-2026" };

const browser = browserForFile();

test("the finals scoreboard greys out an eliminated finalist without a reload", async () => {
  const organiser = await visit(await browser());
  await signIn(organiser.page, ORGANISER);
  await organiser.page.goto(`/admin/t/${LIVE_SLUG}/finals`);
  const juniors = organiser.page.locator("section.final-event", { has: organiser.page.getByRole("heading", { name: /Juniors/ }) });
  const boardHref = await juniors.getByRole("link", { name: "Finals scoreboard" }).getAttribute("href");
  assert.ok(boardHref, "the demo's juniors final is under way");

  const spectator = await visit(await browser());
  await spectator.page.goto(boardHref);
  await spectator.page.locator("#live-status[data-state=live]").waitFor();
  await spectator.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  // The demo final stands after shot 13: one out after shot 12, the lowest of the rest at risk before shot 14.
  await spectator.page.locator("#final-progress", { hasText: "Shot 13 of 24 · next elimination after shot 14" }).waitFor();
  assert.equal(await spectator.page.locator("#final-rows tr.eliminated").count(), 1);
  const atRisk = spectator.page.locator("#final-rows tr.at-risk");
  assert.equal(await atRisk.count(), 1, "one finalist is at risk before the cut after shot 14");
  const riskName = await atRisk.locator(".name").innerText();
  assert.ok(await spectator.page.locator("#final-rows tr").first().locator("svg").count(), "the leader's last shot is plotted");
  await screenshot(spectator.page, "finals-1-scoreboard-mid-final");

  // Shot 14: the range officer's form, one finalist at a time; the one at risk shoots a 7.0.
  const shooting = await spectator.page.locator("#final-rows tr:not(.eliminated) .name").allInnerTexts();
  assert.equal(shooting.length, 7);
  for (const name of shooting) {
    const form = organiser.page.locator("[data-testid=final-shot-form]");
    await form.getByLabel("Finalist").selectOption({ label: name });
    await form.getByLabel("Shot", { exact: true }).fill("14");
    await form.getByLabel("Value").fill(name === riskName ? "7.0" : "10.9");
    await form.getByRole("button", { name: "Enter the shot" }).click();
    await organiser.page.locator(".notice.success", { hasText: "Shot 14:" }).waitFor();
  }

  const out = spectator.page.locator("#final-rows tr.eliminated", { hasText: riskName });
  await out.waitFor();
  assert.match(await out.locator(".status").innerText(), /Out after shot 14/);
  assert.equal(await out.evaluate((row) => getComputedStyle(row).color), await spectator.page.locator("#final-rows tr.eliminated").last().evaluate((row) => getComputedStyle(row).color));
  assert.equal(await spectator.page.locator("#final-rows tr.eliminated").count(), 2);
  // Eliminated finalists stay in their places at the foot of the board: 7th, then 8th.
  assert.deepEqual(await spectator.page.locator("#final-rows tr.eliminated .rank").allInnerTexts(), ["7", "8"]);
  assert.equal(await spectator.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, "no reload");
  await screenshot(spectator.page, "finals-2-scoreboard-after-elimination");
  assert.deepEqual([...organiser.problems, ...spectator.problems], []);
});

test("a shot plot shows the shots of a series, with its text equivalent", async () => {
  const competitor = await visit(await browser());
  const problems = problemsOf(competitor.page);
  await signIn(competitor.page, COMPETITOR);
  await competitor.page.goto("/me/results");
  const result = competitor.page.locator("li.my-result", { has: competitor.page.getByRole("heading", { name: /10 m Air Rifle/ }) }).first();
  const series1 = result.locator("figure.shot-plot", { has: competitor.page.locator(".plot-title", { hasText: /^Series 1$/ }) });
  await series1.waitFor();
  assert.equal(await series1.getAttribute("data-shots"), "10");
  assert.equal(await series1.locator("svg circle.hole").count(), 10);
  assert.match(await series1.locator("svg").getAttribute("aria-label") ?? "", /^Series 1: 10 shots; group size \d+\.\d\d mm; mean point of impact/);
  await series1.locator("summary", { hasText: "Shots as text" }).click();
  assert.equal(await series1.locator(".plot-text li").count(), 10);
  await series1.scrollIntoViewIfNeeded();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await result.screenshot({ path: path.join(SCREENSHOTS, "finals-3-shot-plot-series.png") });
  assert.deepEqual(problems, []);
});
