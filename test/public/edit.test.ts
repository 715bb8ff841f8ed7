import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, tournaments } from "../../src/db/schema.ts";
import { saveTournamentDetails } from "../../src/tournaments/edit.ts";
import { signedInUser } from "../helpers/accounts.ts";
import { get, postForm } from "../helpers/http.ts";
import { addStaff, createTournament, db } from "./fixtures.ts";
import { select, texts } from "./html.ts";

async function formFor(slug: string, cookie: string) {
  const res = await get(`/admin/t/${slug}/edit`, { cookie });
  expect(res.status).toBe(200);
  const html = await res.text();
  const value = async (sel: string) => (await select(html, sel))[0]?.attrs.value ?? "";
  return { csrf: await value('input[name="_csrf"]'), revision: await value('input[name="revision"]'), html };
}

async function organised(role: "owner" | "organiser" = "owner") {
  const made = await createTournament({ title: "Autumn Open", venue: "Old Range", description: "Old text" });
  const organiser = await signedInUser({ name: "Olga Organiser" });
  await addStaff(made.tournament.id, organiser.user.id, role);
  return { ...made, organiser };
}

async function stored(id: number) {
  const [row] = await db.select().from(tournaments).where(eq(tournaments.id, id));
  const audit = await db.select().from(auditLog).where(eq(auditLog.tournamentId, id));
  return { row: row!, audit };
}

describe("the organiser's edit of a tournament", () => {
  it("saves, audits, and shows on the cached public pages at once", async () => {
    const { tournament, organiser } = await organised("organiser");
    const page = `/t/${tournament.slug}`;
    await get(page);
    await get("/");
    expect((await get(page)).headers.get("X-Tenring-Cache")).toBe("HIT");
    expect((await get("/")).headers.get("X-Tenring-Cache")).toBe("HIT");

    const form = await formFor(tournament.slug, organiser.cookie);
    expect(form.revision).toBe(String(tournament.revision));
    const res = await postForm(
      `/admin/t/${tournament.slug}/edit`,
      { _csrf: form.csrf, revision: form.revision, title: "Autumn Open 2026", venue: "New Range", description: "Line 1\r\nLine 2" },
      { cookie: organiser.cookie },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(page);

    const after = await get(page);
    expect(after.headers.get("X-Tenring-Cache")).toBe("MISS");
    const html = await after.text();
    expect(await texts(html, "h1")).toEqual(["Autumn Open 2026"]);
    expect(html).toContain("Line 1\nLine 2");
    const home = await get("/");
    expect(home.headers.get("X-Tenring-Cache")).toBe("MISS");
    expect(await home.text()).toContain("Autumn Open 2026");

    const { row, audit } = await stored(tournament.id);
    expect(row).toMatchObject({ title: "Autumn Open 2026", venue: "New Range", description: "Line 1\nLine 2", revision: tournament.revision + 1 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: organiser.user.id, action: "tournament.edit", subject: `tournament:${tournament.id}` });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ revision: tournament.revision + 1, changed: ["title", "venue", "description"] });
  });

  it("refuses a competitor, a range officer and an organiser of another tournament with 403, changing nothing", async () => {
    const { tournament, organiser } = await organised();
    const competitor = await signedInUser();
    const rangeOfficer = await signedInUser();
    await addStaff(tournament.id, rangeOfficer.user.id, "range_officer");
    const other = await createTournament();
    const otherOrganiser = await signedInUser();
    await addStaff(other.tournament.id, otherOrganiser.user.id, "owner");
    const { csrf, revision } = await formFor(tournament.slug, organiser.cookie);

    for (const intruder of [competitor, rangeOfficer, otherOrganiser]) {
      const view = await get(`/admin/t/${tournament.slug}/edit`, { cookie: intruder.cookie });
      expect(view.status).toBe(403);
      expect(await texts(await view.text(), "h1")).toEqual(["Not your tournament"]);
      // Their own CSRF token is valid; only the role check stands in the way.
      const own = await formFor(other.tournament.slug, otherOrganiser.cookie);
      const res = await postForm(
        `/admin/t/${tournament.slug}/edit`,
        { _csrf: intruder === otherOrganiser ? own.csrf : csrf, revision, title: "Hijacked", venue: "Nowhere", description: "" },
        { cookie: intruder.cookie, hx: intruder !== otherOrganiser },
      );
      expect(res.status).toBe(403);
    }
    const { row, audit } = await stored(tournament.id);
    expect(row.title).toBe("Autumn Open");
    expect(row.revision).toBe(tournament.revision);
    expect(audit).toEqual([]);
  });

  it("sends a visitor to sign in and answers an unknown slug with 404", async () => {
    const { tournament, organiser } = await organised();
    const anonymous = await get(`/admin/t/${tournament.slug}/edit`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("Location")).toBe(`/account/sign-in?next=${encodeURIComponent(`/admin/t/${tournament.slug}/edit`)}`);
    const unknown = await get("/admin/t/no-such-slug/edit", { cookie: organiser.cookie });
    expect(unknown.status).toBe(404);
  });

  it("refuses a stale revision with 409, keeping the newer save and the sender's text", async () => {
    const { tournament, organiser } = await organised();
    const colleague = await signedInUser();
    await addStaff(tournament.id, colleague.user.id, "organiser");
    const mine = await formFor(tournament.slug, organiser.cookie);
    const theirs = await formFor(tournament.slug, colleague.cookie);
    const saved = await postForm(
      `/admin/t/${tournament.slug}/edit`,
      { _csrf: theirs.csrf, revision: theirs.revision, title: "Their Title", venue: "Their Range", description: "" },
      { cookie: colleague.cookie },
    );
    expect(saved.status).toBe(303);

    const stale = await postForm(
      `/admin/t/${tournament.slug}/edit`,
      { _csrf: mine.csrf, revision: mine.revision, title: "My Title", venue: "My Range", description: "mine" },
      { cookie: organiser.cookie },
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(await texts(html, '[role="alert"]')).toEqual([expect.stringContaining("Someone else saved this tournament")]);
    expect((await select(html, 'input[name="title"]'))[0]?.attrs.value).toBe("My Title");
    expect((await select(html, 'input[name="revision"]'))[0]?.attrs.value).toBe(String(tournament.revision + 1));

    const { row, audit } = await stored(tournament.id);
    expect(row).toMatchObject({ title: "Their Title", venue: "Their Range", revision: tournament.revision + 1 });
    expect(audit).toHaveLength(1);
  });

  it("writes nothing when the revision moves between the check and the batch", async () => {
    const { tournament, organiser } = await organised();
    const details = { title: "Raced", venue: "Raced Range", description: "", revision: tournament.revision };
    expect(await saveTournamentDetails(db, tournament, details, organiser.user.id)).toEqual({ saved: true, revision: tournament.revision + 1 });
    expect(await saveTournamentDetails(db, tournament, { ...details, title: "Lost" }, organiser.user.id)).toEqual({ saved: false, reason: "stale" });
    const { row, audit } = await stored(tournament.id);
    expect(row.title).toBe("Raced");
    expect(audit).toHaveLength(1);
  });

  it("answers invalid input with 422, a message by each field and the values kept", async () => {
    const { tournament, organiser } = await organised();
    const { csrf, revision } = await formFor(tournament.slug, organiser.cookie);
    const res = await postForm(
      `/admin/t/${tournament.slug}/edit`,
      { _csrf: csrf, revision, title: "  x ", venue: "", description: "d".repeat(5001) },
      { cookie: organiser.cookie },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(await texts(html, "#edit-title-error")).toEqual(["Enter a title of at least 3 characters."]);
    expect(await texts(html, "#edit-venue-error")).toEqual(["Enter the venue (at least 2 characters)."]);
    expect(await texts(html, "#edit-description-error")).toEqual(["Keep the description to 5,000 characters or fewer."]);
    expect((await select(html, "#edit-title"))[0]?.attrs).toMatchObject({ value: "  x ", "aria-invalid": "true", "aria-describedby": "edit-title-error" });
    expect((await stored(tournament.id)).row.title).toBe("Autumn Open");
  });

  it("requires the form's CSRF token", async () => {
    const { tournament, organiser } = await organised();
    const res = await postForm(
      `/admin/t/${tournament.slug}/edit`,
      { revision: String(tournament.revision), title: "No Token", venue: "Range", description: "" },
      { cookie: organiser.cookie },
    );
    expect(res.status).toBe(403);
    expect((await stored(tournament.id)).row.title).toBe("Autumn Open");
  });
});
