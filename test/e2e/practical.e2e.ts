import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { browserForFile, PHONE, SCREENSHOTS, screenshot, signIn, visit } from "./browser.ts";

const SLUG = "nordheide-ipsc-level-1";
const RANGE_OFFICER = { email: "ro@tenring.test", password: "tenring-demo-2026" };
const browser = browserForFile();

async function overallOrder(page: Page): Promise<string[]> {
  return page.locator("#pm-overall > tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-entry") ?? ""));
}

test("a range officer scores a squad on a stage on a phone, the competitor confirms, a spectator's match results re-rank live", async () => {
  const officer = await visit(await browser(), PHONE);
  await signIn(officer.page, RANGE_OFFICER);
  await officer.page.goto(`/score/t/${SLUG}`);
  await officer.page.getByRole("link", { name: "Stage score sheet" }).click();
  const sheetUrl = new URL(officer.page.url());
  const eventId = sheetUrl.pathname.split("/").at(-1)!;

  // The spectator follows the live match results on a desktop.
  const spectator = await visit(await browser());
  const frames: string[] = [];
  spectator.page.on("websocket", (ws) => ws.on("framereceived", (f) => frames.push(String(f.payload))));
  await spectator.page.goto(`/t/${SLUG}/live/${eventId}`);
  await spectator.page.locator("#live-status[data-state=live]").waitFor();
  await spectator.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const before = await overallOrder(spectator.page);
  assert.equal(before.length, 40, "the 40 demo competitors are listed");

  // Stage 4 (plate rack: 8 steel, 8 hits) has not been shot yet; Squad A steps up.
  await officer.page.getByRole("link", { name: "Stage 4", exact: true }).click();
  await officer.page.getByRole("link", { name: "Squad A", exact: true }).click();
  const competitors = officer.page.locator(".sheet-competitors a");
  await competitors.first().waitFor();
  // The squad's competitor furthest down the overall results: a fast, clean stage moves them up.
  const squad = await competitors.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get("entry")!));
  const lowest = squad.filter((id) => before.indexOf(id) < 39).sort((x, y) => before.indexOf(y) - before.indexOf(x))[0]!;
  await officer.page.locator(`.sheet-competitors a[href*="entry=${lowest}"]`).click();

  const sheet = officer.page.locator("[data-testid=stage-sheet]");
  await sheet.waitFor();
  for (let i = 0; i < 8; i++) await sheet.getByRole("button", { name: "One A more" }).click();
  await sheet.getByLabel("Time (s)").fill("2.50");
  await sheet.locator(".running-hits", { hasText: "Hits: 8 of 8" }).waitFor();
  assert.match(await sheet.locator("[data-testid=running]").innerText(), /Points: 40 · HF 16\.0000/);
  await screenshot(officer.page, "practical-1-score-sheet-phone");

  // The competitor checks the sheet on the same phone and confirms with a tap.
  await sheet.getByTestId("confirm").click();
  await officer.page.locator("[data-testid=sheet-notice]", { hasText: "confirmed by the competitor" }).waitFor();
  const reviewRow = officer.page.locator("[data-testid=sheet-review] tbody tr", { has: officer.page.locator(`a[href*="entry=${lowest}"]`) });
  assert.match(await reviewRow.innerText(), /40\s+2\.50\s+16\.0000\s+Yes/);

  // The spectator's match results re-rank without a reload: the competitor moves up and flashes.
  await spectator.page.waitForFunction(
    ([id, was]) => {
      const rows = [...document.querySelectorAll("#pm-overall > tr")].map((r) => r.getAttribute("data-entry"));
      return rows.indexOf(id) > -1 && rows.indexOf(id) < was;
    },
    [lowest, before.indexOf(lowest)] as const,
  );
  assert.equal(await spectator.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, "no reload");
  assert.equal((await overallOrder(spectator.page)).length, 40, "no row doubled or lost");
  // The message re-rendered the tables with the competitor's rows flashing (the class goes when the animation ends).
  assert.ok(frames.some((f) => f.includes(`class="standing flash" data-entry="${lowest}"`)), "the changed rows arrive flashing");
  const stage4 = spectator.page.locator("table.practical-stage", { hasText: "Stage 4" });
  await stage4.locator(`tr[data-entry="${lowest}"] td.total`, { hasText: "16.0000" }).waitFor();
  assert.equal(await stage4.locator("tbody tr").first().getAttribute("data-entry"), lowest, "the only score on stage 4 leads it");
  await stage4.screenshot({ path: shotPath("practical-3-live-stage-results") });

  // The sheet moved on to the next competitor; saved without a hit counted, it is refused with the reason.
  await officer.page.locator("[data-testid=stage-sheet]").waitFor();
  await officer.page.getByLabel("Time (s)").fill("5.00");
  await officer.page.getByTestId("confirm").click();
  await officer.page.locator("[data-testid=sheet-error]", { hasText: "A + C + D + misses is 0; the stage has 8 required hits" }).waitFor();

  // Division results on the published results page.
  await spectator.page.goto(`/t/${SLUG}/results/${eventId}#pool-production`);
  const production = spectator.page.locator("#pool-production");
  await production.locator("table caption", { hasText: "Production: match results" }).waitFor();
  await production.screenshot({ path: shotPath("practical-2-division-results") });
});

/** Where an element's screenshot goes (beside the full-page ones). */
function shotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
