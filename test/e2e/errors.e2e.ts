import assert from "node:assert/strict";
import { test } from "node:test";
import { browserForFile, PHONE, screenshot, visit } from "./browser.ts";

const browser = browserForFile();

test("an unknown address shows the friendly 404 page with a way back", async () => {
  const { page, context, problems } = await visit(await browser(), PHONE);
  const response = await page.goto("/no-such-page-e2e");
  assert.equal(response?.status(), 404);
  await page.getByRole("heading", { name: "Page not found" }).waitFor();
  const mode = await page.evaluate(() => document.compatMode);
  assert.equal(mode, "CSS1Compat", "the page renders in quirks mode: its doctype is missing or was escaped into text");
  await screenshot(page, "errors-404");

  await page.getByRole("link", { name: "Back to tournaments" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  assert.deepEqual(problems, []);
  await context.close();
});
