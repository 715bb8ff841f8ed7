import assert from "node:assert/strict";
import { test } from "node:test";
import { browserForFile, screenshot, signIn, visit } from "./browser.ts";

const SLUG = "nordheide-ipsc-level-1";
const ORGANISER = { email: "organiser@tenring.test", password: "tenring-demo-2026" };
const browser = browserForFile();

interface Stage {
  id: number;
  number: number;
  name: string;
  requiredHits: number;
}
interface Result {
  entry: string;
  name: string;
  dq: boolean;
  stages: { stage: number; time: number | null }[];
}

test("an organiser sees a stage conflict beside the shot conflicts, with both scores, and takes the later one", async () => {
  const { page, problems } = await visit(await browser());
  await signIn(page, ORGANISER);
  await page.goto(`/admin/t/${SLUG}/results`);
  // A second tablet, with its own scoring token, sends a different score for a stage already scored.
  await page.getByLabel("Device name").fill("Stage 1 tablet B");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.locator("[data-testid=new-token] .token-value").innerText()).trim();

  const match = (await (await page.request.get(`/api/v1/tournaments/${SLUG}`)).json()) as { events: { id: number; stages?: Stage[] }[] };
  const event = match.events.find((e) => (e.stages ?? []).length > 0)!;
  const stage = event.stages!.find((s) => s.number === 1)!;
  const results = (await (await page.request.get(`/api/v1/tournaments/${SLUG}/results?event=${event.id}`)).json()) as { results: Result[] };
  const scored = results.results.find((r) => !r.dq && r.stages.some((s) => s.stage === stage.id && s.time !== null))!;
  const later = { opId: `e2e-conflict-${Date.now()}`, entryId: scored.entry, stage: stage.id, a: stage.requiredHits, c: 0, d: 0, miss: 0, noShoot: 0, procedural: 0, time: 77.77 };
  const sent = await page.request.post(`/api/v1/tournaments/${SLUG}/stage-scores`, { headers: { Authorization: `Bearer ${token}` }, data: { ops: [later] } });
  assert.equal(((await sent.json()) as { outcomes: { outcome: string }[] }).outcomes[0]?.outcome, "conflict");

  await page.goto(`/admin/t/${SLUG}/results`);
  // Other browser tests may leave conflicts for the same competitor on other stages: this one is on stage 1.
  const thisConflict = () => page.locator("[data-testid=stage-conflict]", { hasText: scored.name }).filter({ hasText: `Stage 1 ${stage.name}` });
  const conflict = thisConflict();
  await conflict.waitFor();
  assert.match(await conflict.locator("h3").innerText(), new RegExp(`Stage 1`));
  assert.equal((await conflict.locator("[data-testid=time]").allInnerTexts())[1], "77.77");
  await conflict.scrollIntoViewIfNeeded();
  await screenshot(page, "practical-stage-conflict-admin");

  await conflict.getByLabel("Take the later score").check();
  await conflict.getByLabel("Reason").fill("Video review: all alphas, slow");
  await conflict.getByRole("button", { name: "Resolve" }).click();
  await page.locator(".notice", { hasText: "Stage conflict resolved" }).waitFor();
  assert.equal(await thisConflict().count(), 0);

  const after = (await (await page.request.get(`/api/v1/tournaments/${SLUG}/results?event=${event.id}`)).json()) as { results: Result[] };
  const row = after.results.find((r) => r.entry === scored.entry)!;
  assert.equal(row.stages.find((s) => s.stage === stage.id)?.time, 77.77);
  assert.deepEqual(problems, []);
});
