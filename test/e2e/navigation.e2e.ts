import assert from "node:assert/strict";
import { test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { COMPETITOR, DEMO_PASSWORD, ORGANISER, RANGE_OFFICER } from "../../src/seed/plan.ts";
import { browserForFile, DESKTOP, PHONE, screenshot, signIn, visit } from "./browser.ts";

// Each demo role signs in and reaches every tool it has from the header alone, on a desktop and on a phone.
const browser = browserForFile();

interface Role {
  key: string;
  email: string;
  name: string;
  /** The header's menus, in order. */
  menus: ("Organise" | "Score")[];
}

const ROLES: Role[] = [
  { key: "organiser", email: ORGANISER.email, name: ORGANISER.name, menus: ["Organise", "Score"] },
  { key: "ro", email: RANGE_OFFICER.email, name: RANGE_OFFICER.name, menus: ["Score"] },
  { key: "competitor", email: COMPETITOR.email, name: COMPETITOR.name, menus: [] },
];

const VIEWPORTS = [
  { key: "desktop", size: DESKTOP },
  { key: "phone", size: PHONE },
];

/** What each tool leads to: the address and the page's heading. */
const MENU_PAGES = {
  Organise: { tournament: /\/admin\/t\/[^/]+$/, tournamentHeading: "Dashboard", all: "All your tournaments", allPath: "/admin", allHeading: "Your tournaments" },
  Score: { tournament: /\/score\/t\/[^/]+$/, tournamentHeading: null, all: "All tournaments you score", allPath: "/score", allHeading: "Tournaments you score" },
} as const;

const nav = (page: Page) => page.locator("#account-nav");

async function follow(page: Page, link: Locator, to: RegExp | string, heading: string | null): Promise<void> {
  await Promise.all([page.waitForURL((url) => (typeof to === "string" ? url.pathname === to : to.test(url.pathname))), link.click()]);
  if (heading) await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
  else await page.locator("h1").first().waitFor();
}

/** Opens a header menu by its summary and returns its panel. */
async function openMenu(page: Page, label: string): Promise<Locator> {
  const menu = nav(page).locator("details.tool-menu").filter({ has: page.locator(`summary:text-is("${label}")`) });
  await menu.locator("summary").click();
  const panel = menu.locator(".tool-menu-list");
  await panel.waitFor({ state: "visible" });
  return panel;
}

/** Nothing sticks out sideways: the page is as wide as the screen, and the open panel lies within it. */
async function assertFits(page: Page, panel?: Locator): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  if (!panel) return;
  const box = await panel.boundingBox();
  const width = page.viewportSize()!.width;
  assert.ok(box && box.x >= 0 && box.x + box.width <= width, `the menu panel (${JSON.stringify(box)}) leaves the ${width}px screen`);
}

for (const role of ROLES) {
  for (const viewport of VIEWPORTS) {
    test(`${role.key} on a ${viewport.key}: the header leads to every tool the role has, and to no other`, async () => {
      const { page, context, problems } = await visit(await browser(), viewport.size);
      await signIn(page, { email: role.email, password: DEMO_PASSWORD });
      await nav(page).locator("[data-testid=who]").filter({ hasText: role.name }).waitFor();
      assert.deepEqual(await nav(page).locator("details.tool-menu > summary").allInnerTexts(), role.menus);
      assert.equal(await nav(page).getByRole("button", { name: "Sign out" }).isVisible(), true);
      await assertFits(page);
      await screenshot(page, `nav-${role.key}-${viewport.key}`);

      await follow(page, nav(page).getByRole("link", { name: "My entries", exact: true }), "/me/entries", "My entries");
      await follow(page, nav(page).getByRole("link", { name: "My results", exact: true }), "/me/results", "My results");
      await follow(page, nav(page).locator("[data-testid=who]"), "/account", "Your account");
      if (viewport.key === "phone") await screenshot(page, `nav-${role.key}-phone-account`);

      for (const label of role.menus) {
        const target = MENU_PAGES[label];
        let panel = await openMenu(page, label);
        await assertFits(page, panel);
        if (label === role.menus.at(-1)) await screenshot(page, `nav-${role.key}-${viewport.key}-menu`);
        const tournaments = panel.locator("li:not(.tool-menu-all) a");
        assert.ok((await tournaments.count()) > 0, `${label} names no tournament`);
        await follow(page, tournaments.first(), target.tournament, target.tournamentHeading);

        panel = await openMenu(page, label);
        await follow(page, panel.getByRole("link", { name: target.all }), target.allPath, target.allHeading);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test("the header's menus work from the keyboard: Enter opens, Tab reaches the links, Escape closes", async () => {
  const { page, context, problems } = await visit(await browser(), PHONE);
  await signIn(page, { email: ORGANISER.email, password: DEMO_PASSWORD });
  const score = nav(page).locator("details.tool-menu").filter({ has: page.locator('summary:text-is("Score")') });
  await score.locator("summary").focus();
  await page.keyboard.press("Enter");
  await score.locator(".tool-menu-list").waitFor({ state: "visible" });
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.closest(".tool-menu-list") !== null);
  assert.equal(focused, true, "Tab after opening does not reach the menu's first link");
  await page.keyboard.press("Escape");
  await score.locator(".tool-menu-list").waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "SUMMARY");

  // One menu open at a time; a click elsewhere closes it.
  await openMenu(page, "Organise");
  await openMenu(page, "Score");
  assert.equal(await nav(page).locator("details.tool-menu[open]").count(), 1);
  await page.locator("main").click({ position: { x: 5, y: 5 } });
  assert.equal(await nav(page).locator("details.tool-menu[open]").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the admin tabs on a phone: the open tab is in view, and a shadow shows there is more to scroll", async () => {
  const { page, context, problems } = await visit(await browser(), PHONE);
  await signIn(page, { email: ORGANISER.email, password: DEMO_PASSWORD });
  const panel = await openMenu(page, "Organise");
  await follow(page, panel.locator("li:not(.tool-menu-all) a").first(), MENU_PAGES.Organise.tournament, "Dashboard");
  const tabs = page.locator(".admin-nav ul");
  const start = await tabs.evaluate((ul) => ({ scrollLeft: ul.scrollLeft, hidden: ul.scrollWidth - ul.clientWidth }));
  assert.equal(start.scrollLeft, 0, "the first tab is open, yet the tabs start scrolled");
  assert.ok(start.hidden > 0, "on a 390px screen the tabs do not scroll: the test proves nothing");
  await screenshot(page, "admin-tabs-phone-start");

  await page.locator(".admin-nav").getByRole("link", { name: "Audit log" }).click();
  await page.waitForURL(/\/audit/);
  const state = await tabs.evaluate((ul) => {
    const current = ul.querySelector("[aria-current=page]")!.getBoundingClientRect();
    const box = ul.getBoundingClientRect();
    return { scrolls: ul.scrollWidth > ul.clientWidth, scrollLeft: ul.scrollLeft, inView: current.left >= box.left && current.right <= box.right, shadows: getComputedStyle(ul).backgroundImage.split("gradient").length - 1 };
  });
  assert.equal(state.scrolls, true, "on a 390px screen the tabs do not scroll: the test proves nothing");
  assert.ok(state.scrollLeft > 0, "the tabs were not scrolled to the open one");
  assert.equal(state.inView, true, "the open tab is not in view");
  assert.equal(state.shadows, 4, "the tab bar has no scroll shadows");
  await screenshot(page, "admin-tabs-phone");
  assert.deepEqual(problems, []);
  await context.close();
});
