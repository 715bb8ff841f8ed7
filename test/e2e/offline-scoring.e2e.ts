import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserForFile, goOffline, goOnline, screenshot, signIn, visit, type Visit } from "./browser.ts";

const SLUG = "nordheide-air-open";
const RANGE_OFFICER = { email: "ro@tenring.test", password: "tenring-demo-2026" };
const ORGANISER = { email: "organiser@tenring.test", password: "tenring-demo-2026" };

const browser = browserForFile();

/** The relay of an event on the tournament's scoring page, as an officer signed in picks it. */
async function relayId(page: Page, eventTitle: string, index = 0): Promise<number> {
  await page.goto(`/score/t/${SLUG}`);
  const section = page.locator("section.scoring-event", { has: page.getByRole("heading", { name: eventTitle }) });
  const href = await section.locator(".relay-pick").nth(index).getAttribute("href");
  assert.ok(href, `${eventTitle} has a relay to score`);
  return Number(href.split("/").at(-1));
}

/** Opens the relay in the scoring app while online: its cards are stored on the device; the worker is active. */
async function openRelay(v: Visit, relay: number): Promise<string[]> {
  await v.page.goto(`/score/app#/t/${SLUG}/relays/${relay}`);
  await v.page.locator("#scorecard").waitFor();
  await v.page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true));
  await v.page.evaluate(() => navigator.serviceWorker.ready);
  // Reload once, so the page itself is controlled by the worker from here on.
  await v.page.reload();
  await v.page.locator("#scorecard").waitFor();
  assert.equal(await v.page.evaluate(() => navigator.serviceWorker.controller !== null), true, "the service worker controls /score/app");
  return v.page.locator(".fp-pick").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href.split("/e/")[1]!));
}

async function pick(page: Page, relay: number, entryId: string): Promise<void> {
  await page.goto(`/score/app#/t/${SLUG}/relays/${relay}/e/${entryId}`);
  await page.locator(`#scorecard[data-entry="${entryId}"]`).waitFor().catch(async (error: Error) => {
    const shown = await page.locator("#score-app").innerText().catch(() => "(no app)");
    throw new Error(`${page.url()} shows no card for ${entryId}:\n${shown}`, { cause: error });
  });
}

async function enter(page: Page, value: string, shotsAfter: number, of: number): Promise<void> {
  await page.locator("#shot-value").fill(value);
  await page.locator("#shot-value").press("Enter");
  await page.locator("[data-testid=card-shots]", { hasText: `${shotsAfter} / ${of}` }).waitFor();
}

/** The device id this browser's log keeps (browser/offline/log.ts). */
function deviceIdOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open("tenring-scoring");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("device").objectStore("device").get("device");
          get.onsuccess = () => resolve((get.result as { deviceId: string }).deviceId);
        };
      }),
  );
}

const waiting = (page: Page, n: number) => page.locator("[data-testid=sync-waiting]", { hasText: `${n} waiting` }).waitFor({ timeout: 30_000 });

test("offline: 30 shots for 3 competitors with an undo survive a reload with no connection, then sync to the scoreboard", async () => {
  const officer = await visit(await browser());
  await signIn(officer.page, RANGE_OFFICER);
  const relay = await relayId(officer.page, "50 m Rifle Prone");
  const entries = (await openRelay(officer, relay)).slice(0, 3);
  assert.equal(entries.length, 3, "the relay has three competitors");

  await goOffline(officer.context);
  const expected = new Map<string, number>();
  for (const [i, entryId] of entries.entries()) {
    await pick(officer.page, relay, entryId);
    let tenths = 0;
    for (let shot = 1; shot <= 10; shot++) {
      const value = 95 + ((shot * (i + 3)) % 14);
      await enter(officer.page, (value / 10).toFixed(1), shot, 60);
      tenths += value;
      if (i === 0 && shot === 4) {
        // The one undo: shot 4 cleared, then entered again with another value.
        await officer.page.locator("[data-testid=offline-undo]").click();
        await officer.page.locator("[data-testid=card-shots]", { hasText: "3 / 60" }).waitFor();
        tenths -= value;
        await enter(officer.page, "10.9", 4, 60);
        tenths += 109;
      }
    }
    expected.set(entryId, tenths);
    assert.equal(await officer.page.locator("[data-testid=card-total]").textContent(), (tenths / 10).toFixed(1));
  }
  await waiting(officer.page, 32);
  console.log(`screenshot: ${await screenshot(officer.page, "offline-scoring-card-pending")}`);

  // A reload with no connection: the shell from the worker's cache, the cards and the 32 operations from IndexedDB.
  await officer.page.reload();
  await waiting(officer.page, 32);
  for (const entryId of entries) {
    await pick(officer.page, relay, entryId);
    assert.equal(await officer.page.locator("[data-testid=card-shots]").textContent(), "10 / 60");
    assert.equal(await officer.page.locator("[data-testid=card-total]").textContent(), (expected.get(entryId)! / 10).toFixed(1));
  }
  // The scoring pages' addresses also open offline: the shell lists the relays opened on this device.
  await officer.page.goto("/score/");
  await officer.page.locator("[data-testid=offline-relays] a").first().waitFor();

  // One versioned cache, named after the asset hashes (older ones are deleted when a new worker activates).
  const cacheNames = await officer.page.evaluate(() => caches.keys());
  assert.equal(cacheNames.filter((n) => n.startsWith("tenring-score-")).length, 1, cacheNames.join(", "));

  await goOnline(officer.context);
  await officer.page.goto(`/score/app#/t/${SLUG}/relays/${relay}`);
  await waiting(officer.page, 0);
  assert.doesNotMatch(await officer.page.locator("[data-testid=sync-last]").textContent() ?? "", /never/);

  const spectator = await visit(await browser());
  const eventId = await officer.page.evaluate(async ([slug, r]) => (await (await fetch(`/api/v1/tournaments/${slug}/relays/${r}/cards`)).json()).event.id, [SLUG, relay] as const);
  await spectator.page.goto(`/t/${SLUG}/live/${eventId}`);
  for (const entryId of entries) {
    const total = spectator.page.locator(`#row-${entryId} td.total`);
    await total.waitFor();
    assert.equal(await total.textContent(), (expected.get(entryId)! / 10).toFixed(1), `the scoreboard's total of ${entryId}`);
  }
  assert.deepEqual(officer.problems, []);
  await officer.context.close();
  await spectator.context.close();
});

test("two devices offline enter the same shot differently: one value stands, the other is a conflict on both cards and for the organiser", async () => {
  const [a, b] = [await visit(await browser()), await visit(await browser())];
  await signIn(a.page, RANGE_OFFICER);
  await signIn(b.page, RANGE_OFFICER);
  const relay = await relayId(a.page, "50 m Rifle Prone", 1);
  const [entryId] = await openRelay(a, relay);
  await openRelay(b, relay);
  assert.ok(entryId);
  for (const v of [a, b]) await goOffline(v.context);
  await pick(a.page, relay, entryId);
  await enter(a.page, "10.5", 1, 60);
  await pick(b.page, relay, entryId);
  await enter(b.page, "9.5", 1, 60);

  await goOnline(a.context);
  await a.page.locator("[data-testid=sync-now]").click();
  await waiting(a.page, 0);
  await goOnline(b.context);
  await b.page.locator("[data-testid=sync-now]").click();
  await waiting(b.page, 0);
  await a.page.locator("[data-testid=sync-now]").click();

  for (const v of [a, b]) {
    const conflict = v.page.locator("[data-testid=card-conflict][data-shot='1']");
    await conflict.waitFor();
    assert.match((await conflict.textContent()) ?? "", /Shot 1: 10\.5 stands( \(entered here\))?; 9\.5 from (this device|device [0-9a-f]{8}) is kept as a conflict/);
    assert.equal(await v.page.locator("[data-testid=card-total]").textContent(), "10.5");
  }
  assert.match((await a.page.locator("[data-testid=card-conflict]").textContent()) ?? "", /10\.5 stands \(entered here\); 9\.5 from device [0-9a-f]{8} /);
  assert.match((await b.page.locator("[data-testid=card-conflict]").textContent()) ?? "", /10\.5 stands; 9\.5 from this device /);
  console.log(`screenshot: ${await screenshot(a.page, "offline-scoring-conflict-device-a")}`);
  console.log(`screenshot: ${await screenshot(b.page, "offline-scoring-conflict-device-b")}`);

  const organiser = await visit(await browser());
  await signIn(organiser.page, ORGANISER);
  await organiser.page.goto(`/admin/t/${SLUG}/results`);
  await organiser.page.getByText(/9\.5/).first().waitFor();
  await organiser.page.goto(`/admin/t/${SLUG}/devices`);
  // Device b sent the value that did not stand: its row says so; a's row has none open.
  const rows = organiser.page.locator("[data-testid=device-row]");
  await rows.first().waitFor();
  const conflictCells = await rows.locator("[data-testid=device-conflicts]").allTextContents();
  assert.equal(conflictCells.filter((t) => t === "1 open").length, 1, `one device has the open conflict: ${conflictCells.join(", ")}`);
  assert.ok((await rows.count()) >= 2, "both devices are listed");

  // The organiser takes the other value: on their next sync both cards hold it, with no conflict left.
  await organiser.page.goto(`/admin/t/${SLUG}/results`);
  const item = organiser.page.locator("[data-testid=conflict]", { hasText: `from device ${await deviceIdOf(b.page)}` });
  await item.locator("input[value=incoming]").check();
  await item.getByLabel("Reason").fill("Target card checked: 9.5");
  await item.getByRole("button", { name: "Resolve" }).click();
  await organiser.page.getByText("Conflict resolved.").waitFor();
  for (const v of [a, b]) {
    await v.page.locator("[data-testid=sync-now]").click();
    await v.page.locator("[data-testid=card-total]", { hasText: "9.5" }).waitFor();
    assert.equal(await v.page.locator("[data-testid=card-conflicts]").count(), 0);
  }
  for (const v of [a, b, organiser]) await v.context.close();
});

test("closing the page in the middle of a sync loses no shot and counts none twice", async () => {
  const officer = await visit(await browser());
  await signIn(officer.page, RANGE_OFFICER);
  const relay = await relayId(officer.page, "10 m Air Pistol");
  const [entryId] = await openRelay(officer, relay);
  assert.ok(entryId);
  await goOffline(officer.context);
  await pick(officer.page, relay, entryId);
  for (let shot = 1; shot <= 5; shot++) await enter(officer.page, String(5 + shot), shot, 60);

  // Back online, the server applies the batch, but the page is closed before the answer arrives. The hold is
  // in place before the connection returns: the page syncs on its own at once ("online").
  let sent = 0;
  let applied!: () => void;
  const done = new Promise<void>((resolve) => (applied = resolve));
  await officer.context.unrouteAll({ behavior: "ignoreErrors" });
  await officer.context.route("**/api/v1/tournaments/*/shots", async (route) => {
    sent += 1;
    await route.fetch();
    applied();
  });
  await officer.context.setOffline(false);
  await officer.page.locator("[data-testid=sync-now]").click();
  await done;
  await officer.page.close();
  await officer.context.unrouteAll({ behavior: "ignoreErrors" });

  const page = await officer.context.newPage();
  await page.goto(`/score/app#/t/${SLUG}/relays/${relay}/e/${entryId}`);
  await waiting(page, 0);
  await page.locator("[data-testid=card-shots]", { hasText: "5 / 60" }).waitFor();
  assert.equal(await page.locator("[data-testid=card-total]").textContent(), "40");
  const card = await page.evaluate(async ([slug, r, id]) => {
    const body = await (await fetch(`/api/v1/tournaments/${slug}/relays/${r}/cards`)).json();
    return body.entries.find((e: { entryId: string }) => e.entryId === id).shots.map((s: { value: number }) => s.value);
  }, [SLUG, relay, entryId] as const);
  assert.deepEqual(card, [6, 7, 8, 9, 10], "the server holds each shot once");
  assert.ok(sent >= 1);
  await officer.context.close();
});

test("a session that ended offline keeps the log, asks to sign in again, then sends", async () => {
  const officer = await visit(await browser());
  await signIn(officer.page, RANGE_OFFICER);
  const relay = await relayId(officer.page, "10 m Air Pistol", 1);
  const [entryId] = await openRelay(officer, relay);
  assert.ok(entryId);
  await goOffline(officer.context);
  await pick(officer.page, relay, entryId);
  await enter(officer.page, "9", 1, 60);
  await enter(officer.page, "10", 2, 60);
  await officer.context.clearCookies();
  await goOnline(officer.context);
  await officer.page.locator("[data-testid=sync-now]").click();
  const again = officer.page.locator("[data-testid=sign-in-again]");
  await again.waitFor();
  await waiting(officer.page, 2);

  await again.click();
  const form = officer.page.locator("form").filter({ has: officer.page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(RANGE_OFFICER.email);
  await form.locator('input[name="password"]').fill(RANGE_OFFICER.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await officer.page.waitForURL(/\/score\/app/);
  await waiting(officer.page, 0);
  await officer.page.locator("[data-testid=card-total]", { hasText: "19" }).waitFor();
  await officer.context.close();
});

test("a tablet enrolled with the organiser's scoring token scores with no one's session", async () => {
  const organiser = await visit(await browser());
  await signIn(organiser.page, ORGANISER);
  // Not the 10 m air rifle: test/e2e/scoring.e2e.ts needs that event before its first shot.
  const relay = await relayId(organiser.page, "50 m Rifle Prone");
  await organiser.page.goto(`/admin/t/${SLUG}/results`);
  await organiser.page.getByLabel("Device name").fill("Tablet FP 1-10");
  await organiser.page.getByRole("button", { name: "Create token" }).click();
  const link = organiser.page.locator("[data-testid=enrol-qr] a");
  await organiser.page.locator("[data-testid=enrol-qr] svg").waitFor();
  const href = await link.getAttribute("href");
  assert.match(href ?? "", /\/score\/app#enrol=nordheide-air-open:trs_/);

  const tablet = await visit(await browser());
  await tablet.page.goto(new URL(href!).pathname + new URL(href!).hash);
  await tablet.page.locator("[data-testid=enrolled]", { hasText: SLUG }).waitFor();
  assert.doesNotMatch(tablet.page.url(), /trs_/, "the token leaves the address bar");
  await tablet.page.locator(`a[href$="/relays/${relay}"]`).first().click();
  await tablet.page.locator("#scorecard").waitFor();
  const fired = Number((await tablet.page.locator("[data-testid=card-shots]").textContent())!.split(" / ")[0]);
  await enter(tablet.page, "10.2", fired + 1, 60);
  await waiting(tablet.page, 0);
  await tablet.page.locator("[data-testid=sync-last]", { hasText: /just now|s ago/ }).waitFor();
  for (const v of [organiser, tablet]) await v.context.close();
});
