import { describe, expect, it } from "vitest";
import { readStaffTournaments } from "../../src/queries/account/staff-tournaments.ts";
import { person } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { addStaff } from "../helpers/staff.ts";
import { createTournament, DAY, isoDate } from "../helpers/tournaments.ts";

/** What the header offers: every link of the account corner, and the tool menus it shows. */
async function header(html: string) {
  const links = (await select(html, "#account-nav a")).map((a) => a.attrs.href);
  const menus = await texts(html, "#account-nav details.tool-menu > summary");
  return { links, menus };
}

async function fragment(cookie: string) {
  const res = await get("/fragments/account-nav", { cookie });
  expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  return header(await res.text());
}

describe("the header leads each person to what they may use", () => {
  it("a competitor: My entries and My results, no Organise and no Score", async () => {
    await createTournament();
    const { cookie, user } = await person({ name: "Cora Comp" });
    const { links, menus } = await fragment(cookie);
    expect(links).toEqual(["/me/entries", "/me/results", "/account"]);
    expect(menus).toEqual([]);
    expect((await select(await (await get("/fragments/account-nav", { cookie })).text(), "[data-testid=who]"))[0]?.text).toBe(user.name);
  });

  it("a range officer: Score with the tournaments they staff and the /score page, no Organise", async () => {
    const staffed = await createTournament({ title: "Spring Cup" });
    const other = await createTournament({ title: "Not Theirs" });
    const officer = await person();
    await addStaff(staffed.tournament.id, officer.user.id, "range_officer");
    const { links, menus } = await fragment(officer.cookie);
    expect(menus).toEqual(["Score"]);
    expect(links).toContain(`/score/t/${staffed.tournament.slug}`);
    expect(links).toContain("/score");
    expect(links).not.toContain(`/score/t/${other.tournament.slug}`);
    expect(links.some((href) => href?.startsWith("/admin"))).toBe(false);
  });

  it("an organiser: Organise with the tournaments they run, Score with every tournament they staff", async () => {
    const run = await createTournament({ title: "Club Championship" });
    const helped = await createTournament({ title: "Neighbours' Open" });
    const organiser = await person();
    await addStaff(run.tournament.id, organiser.user.id, "owner");
    await addStaff(helped.tournament.id, organiser.user.id, "range_officer");
    const { links, menus } = await fragment(organiser.cookie);
    expect(menus).toEqual(["Organise", "Score"]);
    expect(links.filter((href) => href?.startsWith("/admin"))).toEqual([`/admin/t/${run.tournament.slug}`, "/admin"]);
    expect(links.filter((href) => href?.startsWith("/score")).sort()).toEqual(
      ["/score", `/score/t/${run.tournament.slug}`, `/score/t/${helped.tournament.slug}`].sort(),
    );
  });

  it("the inline header of an uncached page offers the same as the fragment", async () => {
    const t = await createTournament();
    const officer = await person();
    await addStaff(t.tournament.id, officer.user.id, "range_officer");
    const html = await (await get("/me/entries", { cookie: officer.cookie })).text();
    expect(await header(html)).toEqual(await fragment(officer.cookie));
    expect((await select(html, "#account-nav form input[name=_csrf]"))[0]?.attrs.value).toBe(officer.csrf);
  });

  it("names at most five tournaments per menu, those under way or ahead first, then the tool's own page", async () => {
    const officer = await person();
    const now = Date.now();
    const made: { days: number; slug: string }[] = [];
    for (const days of [-30, 40, 10, -5, 25, 60, 2]) {
      const t = await createTournament({ startsOn: isoDate(now + days * DAY), endsOn: isoDate(now + days * DAY) });
      await addStaff(t.tournament.id, officer.user.id, "range_officer");
      made.push({ days, slug: t.tournament.slug });
    }
    const expected = [2, 10, 25, 40, 60].map((d) => `/score/t/${made.find((m) => m.days === d)!.slug}`);
    const { links } = await fragment(officer.cookie);
    expect(links.filter((href) => href?.startsWith("/score"))).toEqual([...expected, "/score"]);
    const all = await readStaffTournaments(db, officer.user.id, isoDate(now));
    expect(all.map((t) => t.slug)).toEqual([2, 10, 25, 40, 60, -5, -30].map((d) => made.find((m) => m.days === d)!.slug));
  });
});

describe("the account page lists the same tools", () => {
  it("with each tournament and the person's role; a competitor is offered to create a tournament instead", async () => {
    const run = await createTournament({ title: "Autumn Match" });
    const organiser = await person();
    await addStaff(run.tournament.id, organiser.user.id, "organiser");
    const html = await (await get("/account", { cookie: organiser.cookie })).text();
    expect(await texts(html, "[data-testid=account-organise] li")).toEqual(["Autumn Match Organiser", "All your tournaments"]);
    expect(await texts(html, "[data-testid=account-score] li")).toEqual(["Autumn Match Organiser", "All tournaments you score"]);

    const competitor = await person();
    const plain = await (await get("/account", { cookie: competitor.cookie })).text();
    expect(await select(plain, "[data-testid=account-organise]")).toEqual([]);
    expect(await select(plain, "[data-testid=account-score]")).toEqual([]);
    expect((await select(plain, ".your-tools a")).map((a) => a.attrs.href)).toEqual(["/me/entries", "/me/results", "/admin/new"]);
  });
});

describe("/score lists the tournaments a person scores", () => {
  it("sends the signed-out to sign in; says so when there are none; links each staffed tournament", async () => {
    const signedOut = await get("/score");
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("Location")).toBe(`/account/sign-in?next=${encodeURIComponent("/score")}`);

    const competitor = await person();
    const empty = await get("/score", { cookie: competitor.cookie });
    expect(empty.status).toBe(200);
    expect(empty.headers.get("Cache-Control")).toBe("no-store");
    expect((await texts(await empty.text(), ".empty"))[0]).toMatch(/^You score no tournament yet\./);

    const t = await createTournament({ title: "Summer Shoot" });
    const officer = await person();
    await addStaff(t.tournament.id, officer.user.id, "range_officer");
    const html = await (await get("/score", { cookie: officer.cookie })).text();
    const cards = await select(html, "[data-testid=scoring-tournament] a");
    expect(cards.map((a) => [a.attrs.href, a.text])).toEqual([[`/score/t/${t.tournament.slug}`, "Summer Shoot"]]);
    expect(await texts(html, "[data-testid=scoring-tournament] .meta")).toContain("Range officer");
  });
});
