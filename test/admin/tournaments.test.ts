import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tournaments, tournamentStaff } from "../../src/db/schema.ts";
import { FRESH_VIEWS_COOKIE } from "../../src/middleware/fresh-views.ts";
import { parseTournament, tournamentValues } from "../../src/queries/admin/tournament-form.ts";
import { updateTournament } from "../../src/queries/admin/tournaments.ts";
import { fromLocal } from "../../src/domain/time/zoned.ts";
import { tournamentStub } from "../helpers/object.ts";
import { person } from "../helpers/accounts.ts";
import { auditOf, db, tournamentRow } from "../helpers/d1.ts";
import { register } from "../helpers/entries.ts";
import { inputValue, select, texts } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { staffOf } from "../helpers/staff.ts";
import { createTournament } from "../helpers/tournaments.ts";
import { configuredTournament, open, send } from "./fixtures.ts";

const NEW = {
  title: "Spring Cup",
  club: "Lakeside",
  venue: "Lakeside Range",
  timeZone: "Europe/Berlin",
  startsOn: "2027-05-01",
  endsOn: "2027-05-02",
  opensAt: "2027-03-01T18:00",
  closesAt: "2027-04-25T23:59",
  fee: "12.50",
  currency: "eur",
  description: "Bring your own pellets.\r\nNo <b>HTML</b> here.",
};

function form(t: Parameters<typeof tournamentValues>[0] & { revision: number }, changes: Record<string, string> = {}) {
  return { ...tournamentValues(t), revision: String(t.revision), ...changes };
}

describe("creating a tournament", () => {
  it("makes a draft owned by its creator, tells its object, and audits it", async () => {
    const someone = await person({ name: "Clara Club" });
    const slug = `spring-cup-${Date.now()}`;
    const res = await send(someone, "/admin/new", { ...NEW, slug });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/admin/t/${slug}/events?created=1`);

    const t = (await db.select().from(tournaments).where(eq(tournaments.slug, slug)).get())!;
    expect(t).toMatchObject({
      status: "draft",
      title: "Spring Cup",
      entryFeeCents: 1250,
      currency: "EUR",
      registrationOpensAt: fromLocal("2027-03-01", "18:00", "Europe/Berlin"),
      description: "Bring your own pellets.\nNo <b>HTML</b> here.",
      createdBy: someone.user.id,
    });
    const staff = await db.select().from(tournamentStaff).where(eq(tournamentStaff.tournamentId, t.id)).all();
    expect(staff).toEqual([{ tournamentId: t.id, userId: someone.user.id, role: "owner" }]);
    expect((await auditOf(t.id)).map((a) => [a.action, a.actorId])).toEqual([["tournament.create", someone.user.id]]);
    const snapshot = await tournamentStub(env, t.id).snapshot();
    expect(snapshot).toMatchObject({ configured: true, revision: 1, window: { opensAt: t.registrationOpensAt }, holdMinutes: 30 });

    // A draft is not public.
    expect((await get(`/t/${slug}`)).status).toBe(404);
    const landing = await (await open(someone, "/admin")).text();
    expect(await texts(landing, "[data-testid=my-tournament] h2")).toEqual(["Spring Cup"]);
  });

  it("answers invalid input with 422, a message by each field, the values kept and nothing saved", async () => {
    const someone = await person();
    const res = await send(someone, "/admin/new", {
      ...NEW,
      title: "x",
      slug: "Not A Slug!",
      timeZone: "Mars/Olympus_Mons",
      fee: "ten",
      currency: "XYZ1",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(await texts(html, "#tournament-title-error")).toEqual(["Enter a title of at least 3 characters."]);
    expect(await texts(html, "#tournament-slug-error")).toEqual([expect.stringContaining("lowercase letters")]);
    expect(await texts(html, "#tournament-timeZone-error")).toEqual([expect.stringContaining("time zone")]);
    expect(await texts(html, "#tournament-fee-error")).toEqual([expect.stringContaining("25.50")]);
    expect(await texts(html, "#tournament-currency-error")).toEqual([expect.stringContaining("currency code")]);
    expect((await select(html, "#tournament-slug"))[0]?.attrs).toMatchObject({ value: "Not A Slug!", "aria-invalid": "true" });
    expect(await db.select().from(tournaments).where(eq(tournaments.createdBy, someone.user.id)).all()).toEqual([]);

    const dates = await send(someone, "/admin/new", {
      ...NEW,
      slug: `dates-${Date.now()}`,
      endsOn: "2027-04-30",
      closesAt: "2027-03-01T17:00",
    });
    expect(dates.status).toBe(422);
    const datesHtml = await dates.text();
    expect(await texts(datesHtml, "#tournament-endsOn-error")).toEqual(["The last match day cannot be before the first."]);
    expect(await texts(datesHtml, "#tournament-closesAt-error")).toEqual(["Registration must close after it opens."]);
    expect(await db.select().from(tournaments).where(eq(tournaments.createdBy, someone.user.id)).all()).toEqual([]);
  });

  it("refuses an address another tournament has", async () => {
    const { tournament } = await createTournament();
    const someone = await person();
    const res = await send(someone, "/admin/new", { ...NEW, slug: tournament.slug });
    expect(res.status).toBe(422);
    expect(await texts(await res.text(), "#tournament-slug-error")).toEqual(["Another tournament already has this address: choose another."]);
  });

  it("sends a visitor to sign in first", async () => {
    const res = await get("/admin/new");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/account/sign-in?next=${encodeURIComponent("/admin/new")}`);
  });
});

describe("editing a tournament's details", () => {
  it("saves, audits, pushes the new window to the object and shows on the cached public pages at once", async () => {
    const { tournament, stub } = await configuredTournament({ title: "Autumn Open", venue: "Old Range" });
    const organiser = await staffOf(tournament.id, "organiser");
    const page = `/t/${tournament.slug}`;
    await get(page);
    await get("/");
    expect((await get(page)).headers.get("X-Tenring-Cache")).toBe("HIT");

    const edit = await open(organiser, `/admin/t/${tournament.slug}/edit`);
    expect(edit.headers.get("Cache-Control")).toBe("no-store");
    expect(await inputValue(await edit.text(), "revision")).toBe(String(tournament.revision));
    const closes = tournament.registrationClosesAt + 86_400_000;
    const res = await send(
      organiser,
      `/admin/t/${tournament.slug}/edit`,
      form(tournament, { title: "Autumn Open 2026", venue: "New Range", description: "Line 1\r\nLine 2", closesAt: tournamentValues({ ...tournament, registrationClosesAt: closes }).closesAt! }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/admin/t/${tournament.slug}/edit?saved=1`);
    // On another isolate the organiser's next views skip the version memo for a few seconds.
    expect(res.headers.get("Set-Cookie")).toMatch(new RegExp(`^${FRESH_VIEWS_COOKIE}=1; Max-Age=10; Path=/; HttpOnly; Secure; SameSite=Lax$`));

    const after = await get(page);
    expect(after.headers.get("X-Tenring-Cache")).toBe("MISS");
    const html = await after.text();
    expect(await texts(html, "h1")).toEqual(["Autumn Open 2026"]);
    expect(html).toContain("Line 1\nLine 2");
    expect(await (await get("/")).text()).toContain("Autumn Open 2026");

    const row = await tournamentRow(tournament.id);
    expect(row).toMatchObject({ title: "Autumn Open 2026", venue: "New Range", revision: tournament.revision + 1 });
    expect(Math.abs(row.registrationClosesAt - closes)).toBeLessThan(60_000);
    const audit = await auditOf(tournament.id);
    expect(audit.map((a) => [a.action, a.actorId, a.subject])).toEqual([["tournament.edit", organiser.user.id, `tournament:${tournament.id}`]]);
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      changed: ["title", "venue", "registrationClosesAt", "description"],
      now: { title: "Autumn Open 2026", venue: "New Range", registrationClosesAt: row.registrationClosesAt },
      revision: tournament.revision + 1,
    });
    expect(await stub.snapshot()).toMatchObject({ revision: tournament.revision + 1, window: { closesAt: row.registrationClosesAt } });
  });

  it("refuses a stale revision with 409, names the other change, keeps the newer save and the sender's text", async () => {
    const { tournament } = await configuredTournament({ title: "Autumn Open" });
    const mine = await staffOf(tournament.id, "owner");
    const colleague = await staffOf(tournament.id, "organiser", { name: "Olga Organiser" });
    expect((await send(colleague, `/admin/t/${tournament.slug}/edit`, form(tournament, { title: "Their Title" }))).status).toBe(303);

    const stale = await send(mine, `/admin/t/${tournament.slug}/edit`, form(tournament, { title: "My Title" }));
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(await texts(html, '[role="alert"] strong')).toEqual([expect.stringContaining("Someone else saved this tournament")]);
    expect(await texts(html, "[data-testid=other-change]")).toEqual([expect.stringContaining("Olga Organiser — tournament.edit (title)")]);
    expect((await select(html, "a")).some((a) => a.attrs.href === `/admin/t/${tournament.slug}/edit`)).toBe(true);
    expect(await inputValue(html, "title")).toBe("My Title");
    expect(await inputValue(html, "revision")).toBe(String(tournament.revision + 1));
    const row = await tournamentRow(tournament.id);
    expect(row).toMatchObject({ title: "Their Title", revision: tournament.revision + 1 });
    expect(await auditOf(tournament.id)).toHaveLength(1);
  });

  it("writes nothing, not even the audit row, when the revision moves between the check and the batch", async () => {
    const { tournament } = await configuredTournament({ title: "Autumn Open" });
    const owner = await staffOf(tournament.id, "owner");
    const fields = (title: string) => {
      const parsed = parseTournament({ ...tournamentValues(tournament), title }, []);
      if (!("data" in parsed)) throw new Error("the form should parse");
      return parsed.data;
    };
    expect(await updateTournament(db, tournament, fields("Raced"), tournament.revision, owner.user.id)).toMatchObject({ committed: true, revision: tournament.revision + 1 });
    expect(await updateTournament(db, tournament, fields("Lost"), tournament.revision, owner.user.id)).toEqual({ committed: false, reason: "stale" });
    expect(await tournamentRow(tournament.id)).toMatchObject({ title: "Raced", revision: tournament.revision + 1 });
    expect(await auditOf(tournament.id)).toHaveLength(1);
  });

  it("answers invalid input with 422 and field messages, saving nothing", async () => {
    const { tournament } = await configuredTournament({ title: "Autumn Open" });
    const owner = await staffOf(tournament.id, "owner");
    const res = await send(owner, `/admin/t/${tournament.slug}/edit`, form(tournament, { title: "  x ", venue: "", description: "d".repeat(5001) }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(await texts(html, "#tournament-title-error")).toEqual(["Enter a title of at least 3 characters."]);
    expect(await texts(html, "#tournament-venue-error")).toEqual(["Enter the venue (at least 2 characters)."]);
    expect(await texts(html, "#tournament-description-error")).toEqual(["Keep the description to 5,000 characters or fewer."]);
    expect((await select(html, "#tournament-title"))[0]?.attrs).toMatchObject({
      value: "  x ",
      "aria-invalid": "true",
      "aria-describedby": "tournament-title-error",
    });
    expect(await tournamentRow(tournament.id)).toMatchObject({ title: "Autumn Open", revision: tournament.revision });
    expect(await auditOf(tournament.id)).toEqual([]);
  });

  it("refuses match days that would leave a relay outside them", async () => {
    const relayDay = fromLocal("2027-05-01", "09:00", "Europe/Berlin");
    const { tournament } = await configuredTournament({
      startsOn: "2027-05-01",
      endsOn: "2027-05-02",
      events: [{ title: "Air Pistol", discipline: "air-pistol-10m", relays: [{ name: "Early Relay", firingPoints: 4, startsAt: relayDay }] }],
    });
    const owner = await staffOf(tournament.id, "owner");
    const res = await send(owner, `/admin/t/${tournament.slug}/edit`, form(tournament, { startsOn: "2027-05-02" }));
    expect(res.status).toBe(422);
    expect(await texts(await res.text(), "#tournament-startsOn-error")).toEqual([expect.stringContaining("Early Relay of Air Pistol starts on Sat 1 May 2027")]);
    expect((await tournamentRow(tournament.id)).startsOn).toBe("2027-05-01");
  });

  it("keeps the address of a published tournament and refuses one another tournament has", async () => {
    const other = await createTournament({ status: "draft" });
    const { tournament } = await configuredTournament({ status: "draft" });
    const owner = await staffOf(tournament.id, "owner");
    const taken = await send(owner, `/admin/t/${tournament.slug}/edit`, form(tournament, { slug: other.tournament.slug }));
    expect(taken.status).toBe(422);
    expect(await texts(await taken.text(), "#tournament-slug-error")).toEqual(["Another tournament already has this address: choose another."]);

    const published = await configuredTournament();
    const publishedOwner = await staffOf(published.tournament.id, "owner");
    const kept = await send(publishedOwner, `/admin/t/${published.tournament.slug}/edit`, form(published.tournament, { slug: "new-address-here" }));
    expect(kept.status).toBe(303);
    expect((await tournamentRow(published.tournament.id)).slug).toBe(published.tournament.slug);
  });

  it("requires the form's CSRF token", async () => {
    const { tournament } = await configuredTournament({ title: "Autumn Open" });
    const owner = await staffOf(tournament.id, "owner");
    const res = await send({ ...owner, csrf: "forged" }, `/admin/t/${tournament.slug}/edit`, form(tournament, { title: "No Token" }));
    expect(res.status).toBe(403);
    expect((await tournamentRow(tournament.id)).title).toBe("Autumn Open");
  });
});

describe("publishing", () => {
  it("refuses a draft without events, then publishes one with events and relays onto the home page", async () => {
    const empty = await configuredTournament({ status: "draft", events: [] });
    const owner = await staffOf(empty.tournament.id, "owner");
    const refused = await send(owner, `/admin/t/${empty.tournament.slug}/publish`, { revision: String(empty.tournament.revision), publish: "1" });
    expect(refused.status).toBe(422);
    expect(await texts(await refused.text(), "#dashboard-problem")).toEqual([expect.stringContaining("Add at least one event")]);
    expect((await tournamentRow(empty.tournament.id)).status).toBe("draft");

    const { tournament } = await configuredTournament({ status: "draft", title: "Ready Cup" });
    const organiser = await staffOf(tournament.id, "organiser");
    expect(await (await get("/")).text()).not.toContain("Ready Cup");
    const res = await send(organiser, `/admin/t/${tournament.slug}/publish`, { revision: String(tournament.revision), publish: "1" });
    expect(res.status).toBe(303);
    expect((await tournamentRow(tournament.id)).status).toBe("published");
    expect(await (await get("/")).text()).toContain("Ready Cup");
    expect((await get(`/t/${tournament.slug}`)).status).toBe(200);
    expect((await auditOf(tournament.id)).map((a) => a.action)).toEqual(["tournament.publish"]);
  });

  it("answers a stale publish with 409 and changes nothing", async () => {
    const { tournament } = await configuredTournament({ status: "draft" });
    const owner = await staffOf(tournament.id, "owner");
    const res = await send(owner, `/admin/t/${tournament.slug}/publish`, { revision: String(tournament.revision - 1 || 99), publish: "1" });
    expect(res.status).toBe(409);
    expect((await tournamentRow(tournament.id)).status).toBe("draft");
  });
});

describe("the dashboard", () => {
  it("shows places, waitlist and check-in progress per relay from the object", async () => {
    const { tournament, stub, events } = await configuredTournament({
      events: [{ title: "Air Rifle", discipline: "air-rifle-10m", relays: [{ name: "Relay 1", firingPoints: 1 }] }],
    });
    const relay = events[0]!.relays[0]!;
    await register(stub, events[0]!.id, relay.id);
    await register(stub, events[0]!.id, relay.id);
    const ro = await staffOf(tournament.id, "range_officer");
    const res = await open(ro, `/admin/t/${tournament.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await texts(html, "[data-testid=figure-entries] .figure-value")).toEqual(["1"]);
    expect(await texts(html, "[data-testid=figure-waitlist] .figure-value")).toEqual(["1"]);
    expect(await texts(html, "[data-testid=figure-checkin] .figure-value")).toEqual(["0 / 1"]);
    expect(await texts(html, "[data-testid=figure-conflicts] .figure-value")).toEqual(["0"]);
    expect(await texts(html, "[data-testid=dashboard-relay] td.num")).toEqual(["1 / 1", "0", "1"]);
    // A range officer sees the dashboard, check-in and finals (to enter their shots), not the editing areas.
    const nav = await texts(html, ".admin-nav a");
    expect(nav).toEqual(["Dashboard", "Check-in", "Finals", "Scoring"]);
  });
});
