import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserForFile, goOffline, goOnline, PHONE, screenshot, signIn, visit } from "./browser.ts";

const SLUG = "nordheide-ipsc-level-1";
const RANGE_OFFICER = { email: "ro@tenring.test", password: "tenring-demo-2026" };
const browser = browserForFile();

const waiting = (page: Page, n: number) => page.locator("[data-testid=sync-waiting]", { hasText: `${n} waiting` }).waitFor({ timeout: 30_000 });

/** Taps the counters and types the time on the picked competitor's sheet, then the competitor confirms. */
async function score(page: Page, taps: { a: number; c: number }, time: string, running: RegExp): Promise<void> {
  const sheet = page.locator("[data-testid=stage-sheet]");
  for (let i = 0; i < taps.a; i++) await sheet.getByRole("button", { name: "One A more" }).click();
  for (let i = 0; i < taps.c; i++) await sheet.getByRole("button", { name: "One C more" }).click();
  await sheet.getByLabel("Time (s)").fill(time);
  assert.match(await sheet.locator("[data-testid=running]").innerText(), running);
  await sheet.getByTestId("confirm").click();
  await page.locator("[data-testid=sheet-notice]", { hasText: "confirmed by the competitor" }).waitFor();
}

test("offline: a squad's stage scores (two competitors, confirmed) survive a reload with no connection, then sync to the match results", async () => {
  const officer = await visit(await browser(), PHONE);
  await signIn(officer.page, RANGE_OFFICER);
  await officer.page.goto(`/score/t/${SLUG}`);
  await officer.page.getByRole("link", { name: "Stage score sheet" }).click();
  const eventId = new URL(officer.page.url()).pathname.split("/").at(-1)!;
  // Stage 4 (plate rack: 8 steel, 8 hits) has not been shot in the demo; Squad B steps up.
  await officer.page.getByRole("link", { name: "Stage 4", exact: true }).click();
  await officer.page.getByRole("link", { name: "Squad B", exact: true }).click();
  await officer.page.getByTestId("score-offline").click();
  const sheet = officer.page.locator("[data-testid=stage-sheet]");
  await sheet.waitFor();
  await officer.page.evaluate(() => navigator.serviceWorker.ready);
  await officer.page.reload();
  await sheet.waitFor();
  assert.equal(await officer.page.evaluate(() => navigator.serviceWorker.controller !== null), true, "the service worker controls /score/app");

  await goOffline(officer.context);
  const first = await sheet.getAttribute("data-key");
  const [, firstEntry] = first!.split("/");
  // Minor or major: 8 A is 40 points either way; 2.50 s → HF 16.0000.
  await score(officer.page, { a: 8, c: 0 }, "2.50", /Hits: 8 of 8 · Points: 40 · HF 16\.0000/);
  // The sheet moves on to the next competitor without a score.
  await officer.page.waitForFunction((key) => document.getElementById("stage-form")?.getAttribute("data-key") !== key, first);
  const second = (await sheet.getAttribute("data-key"))!.split("/")[1]!;
  assert.notEqual(second, firstEntry);
  // 6 A and 2 C in 4.00 s: 30 + 2 × 4 = 38 points major (HF 9.5000), 30 + 2 × 3 = 36 minor (HF 9.0000).
  const major = (await sheet.locator(".sheet-who .meta").innerText()).endsWith("major");
  const [points, hf] = major ? ["38", "9.5000"] : ["36", "9.0000"];
  await score(officer.page, { a: 6, c: 2 }, "4.00", new RegExp(`Hits: 8 of 8 · Points: ${points} · HF ${hf.replace(".", "\\.")}`));
  await waiting(officer.page, 2);
  await officer.page.locator("[data-testid=sync-offline]").waitFor();
  const reviewOf = (entryId: string) => officer.page.locator(`[data-testid=review-${entryId}]`);
  assert.match(await reviewOf(firstEntry!).innerText(), /40\s+2\.50\s+16\.0000\s+Yes\s+waiting/);
  const secondRow = new RegExp(`6/2/0/0\\s+${points}\\s+4\\.00\\s+${hf.replace(".", "\\.")}\\s+Yes`);
  assert.match(await reviewOf(second).innerText(), secondRow);
  console.log(`screenshot: ${await screenshot(officer.page, "offline-stage-sheet-pending")}`);

  // A reload with no connection: the shell from the worker's cache, the squad and both operations from IndexedDB.
  await officer.page.reload();
  await waiting(officer.page, 2);
  assert.match(await reviewOf(firstEntry!).innerText(), /40\s+2\.50\s+16\.0000\s+Yes\s+waiting/);
  assert.match(await reviewOf(second).innerText(), secondRow);

  await goOnline(officer.context);
  await officer.page.reload();
  await waiting(officer.page, 0);
  await officer.page.locator(`[data-testid=review-${firstEntry}]`, { hasText: "sent" }).waitFor();

  const spectator = await visit(await browser());
  await spectator.page.goto(`/t/${SLUG}/live/${eventId}`);
  const stage4 = spectator.page.locator("table.practical-stage", { hasText: "Stage 4" });
  await stage4.locator(`tr[data-entry="${firstEntry}"] td.total`, { hasText: "16.0000" }).waitFor();
  assert.equal(await stage4.locator(`tr[data-entry="${second}"] td.total`).innerText(), hf);
  assert.deepEqual(officer.problems, []);
  await officer.context.close();
  await spectator.context.close();
});
