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

test("offline: a squad's stage scores (two competitors, confirmed) survive a reload with no connection, then sync to the match results; a later different score shows as a conflict", async () => {
  const officer = await visit(await browser(), PHONE);
  await signIn(officer.page, RANGE_OFFICER);
  await officer.page.goto(`/score/t/${SLUG}`);
  await officer.page.getByRole("link", { name: "Stage score sheet" }).click();
  const eventId = new URL(officer.page.url()).pathname.split("/").at(-1)!;
  // Stage 6 (Barricade: 6 paper + 2 steel, 14 hits) has not been shot in the demo (practical.e2e.ts shoots stage 4).
  await officer.page.getByRole("link", { name: "Stage 6", exact: true }).click();
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
  // Minor or major: 14 A is 70 points either way; 3.50 s → HF 20.0000.
  await score(officer.page, { a: 14, c: 0 }, "3.50", /Hits: 14 of 14 · Points: 70 · HF 20\.0000/);
  // The sheet moves on to the next competitor without a score.
  await officer.page.waitForFunction((key) => document.getElementById("stage-form")?.getAttribute("data-key") !== key, first);
  const second = (await sheet.getAttribute("data-key"))!.split("/")[1]!;
  assert.notEqual(second, firstEntry);
  // 12 A and 2 C in 4.00 s: 60 + 2 × 4 = 68 points major (HF 17.0000), 60 + 2 × 3 = 66 minor (HF 16.5000).
  const major = (await sheet.locator(".sheet-who .meta").innerText()).endsWith("major");
  const [points, hf] = major ? ["68", "17.0000"] : ["66", "16.5000"];
  await score(officer.page, { a: 12, c: 2 }, "4.00", new RegExp(`Hits: 14 of 14 · Points: ${points} · HF ${hf.replace(".", "\\.")}`));
  await waiting(officer.page, 2);
  await officer.page.locator("[data-testid=sync-offline]").waitFor();
  const reviewOf = (entryId: string) => officer.page.locator(`[data-testid=review-${entryId}]`);
  assert.match(await reviewOf(firstEntry!).innerText(), /14\/0\/0\/0\s+70\s+3\.50\s+20\.0000\s+Yes\s+waiting/);
  const secondRow = new RegExp(`12/2/0/0\\s+${points}\\s+4\\.00\\s+${hf.replace(".", "\\.")}\\s+Yes`);
  assert.match(await reviewOf(second).innerText(), secondRow);
  console.log(`screenshot: ${await screenshot(officer.page, "offline-stage-sheet-pending")}`);

  // A reload with no connection: the shell from the worker's cache, the squad and both operations from IndexedDB.
  await officer.page.reload();
  await waiting(officer.page, 2);
  assert.match(await reviewOf(firstEntry!).innerText(), /14\/0\/0\/0\s+70\s+3\.50\s+20\.0000\s+Yes\s+waiting/);
  assert.match(await reviewOf(second).innerText(), secondRow);

  await goOnline(officer.context);
  await officer.page.reload();
  await waiting(officer.page, 0);
  await officer.page.locator(`[data-testid=review-${firstEntry}]`, { hasText: "sent" }).waitFor();

  // Online, a different score for a scored competitor: the first stands, the review shows the conflict and why.
  await officer.page.locator(`[data-testid=review-${firstEntry}] a`).click();
  await officer.page.locator(`#stage-form[data-key$="/${firstEntry}"]`).waitFor();
  await score(officer.page, { a: 13, c: 1 }, "3.60", /Hits: 14 of 14 · Points: 6[89]/);
  await officer.page.locator(`[data-testid=review-${firstEntry}]`, { hasText: "conflict:" }).waitFor({ timeout: 30_000 });
  assert.match(await reviewOf(firstEntry!).innerText(), /14\/0\/0\/0\s+70\s+3\.50\s+20\.0000\s+Yes\s+conflict: \S/);
  await waiting(officer.page, 0);

  const spectator = await visit(await browser());
  await spectator.page.goto(`/t/${SLUG}/live/${eventId}`);
  const stage6 = spectator.page.locator("table.practical-stage", { hasText: "Stage 6" });
  await stage6.locator(`tr[data-entry="${firstEntry}"] td.total`, { hasText: "20.0000" }).waitFor();
  assert.equal(await stage6.locator(`tr[data-entry="${second}"] td.total`).innerText(), hf);
  assert.deepEqual(officer.problems, []);
  await officer.context.close();
  await spectator.context.close();
});
