import { describe, expect, it } from "vitest";
import { signedInUser } from "../helpers/accounts.ts";
import { select, texts } from "../helpers/html.ts";
import { get, postForm } from "../helpers/http.ts";
import { scoringState } from "../helpers/live-scoring.ts";
import { addStaff } from "../helpers/staff.ts";
import { formFields, relayPage, scoredRelay, setFiringPoint } from "./fixtures.ts";


describe("who may open the scoring page", () => {
  it("sends the signed-out to sign in, refuses competitors and another tournament's range officer, lets staff in", async () => {
    const { tournament, relay } = await scoredRelay(["Ada Lane"]);
    const other = await scoredRelay(["Bo Other"]);
    const path = `/score/t/${tournament.slug}`;

    const signedOut = await get(path);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("Location")).toBe(`/account/sign-in?next=${encodeURIComponent(path)}`);

    const competitor = await signedInUser();
    const refused = await get(path, { cookie: competitor.cookie });
    expect(refused.status).toBe(403);
    expect(await texts(await refused.text(), "h1")).toEqual(["Not scoring staff"]);
    expect((await get(relayPage(tournament.slug, relay.id), { cookie: competitor.cookie })).status).toBe(403);

    const elsewhere = await get(path, { cookie: other.officer.cookie });
    expect(elsewhere.status).toBe(403);

    const officer = await scoredRelay([]);
    await addStaff(tournament.id, officer.officer.user.id, "range_officer");
    const page = await get(path, { cookie: officer.officer.cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    const html = await page.text();
    expect(await select(html, ".relay-pick")).toEqual([
      expect.objectContaining({ attrs: expect.objectContaining({ href: relayPage(tournament.slug, relay.id) }) }),
    ]);

    const organiser = await signedInUser();
    await addStaff(tournament.id, organiser.user.id, "organiser");
    expect((await get(path, { cookie: organiser.cookie })).status).toBe(200);
  });

  it("refuses shots from a competitor without touching the object", async () => {
    const { tournament, stub, competitors } = await scoredRelay(["Ada Lane"]);
    const before = await scoringState(stub);
    const competitor = await signedInUser();
    const entryId = competitors[0]!.entry.id;
    const res = await postForm(
      `/score/t/${tournament.slug}/entries/${entryId}/shots`,
      { opId: "sneaky-1", shotNo: "1", value: "10.9" },
      { cookie: competitor.cookie, hx: true },
    );
    expect(res.status).toBe(403);
    expect(await texts(await res.text(), "#scorecard .notice")).toEqual([expect.stringContaining("Not scoring staff")]);
    expect(await scoringState(stub)).toEqual(before);
  });
});

describe("the relay on the line", () => {
  it("lists the relay's confirmed competitors by firing point, then name, and opens a card with an empty form", async () => {
    const { tournament, relay, competitors, officer } = await scoredRelay(["Zoe Last", "Ada First", "Mia Middle", "Cal Unplaced"]);
    const [zoe, ada, mia, cal] = competitors;
    await setFiringPoint(zoe!.entry.id, 1);
    await setFiringPoint(mia!.entry.id, 2);
    await setFiringPoint(ada!.entry.id, 2);
    await setFiringPoint(cal!.entry.id, null);

    const list = await (await get(relayPage(tournament.slug, relay.id), { cookie: officer.cookie })).text();
    expect(await texts(list, ".fp-pick .fp")).toEqual(["FP 1", "FP 2", "FP 2", "FP –"]);
    expect(await texts(list, ".fp-pick .name")).toEqual(["Zoe Last", "Ada First", "Mia Middle", "Cal Unplaced"]);
    expect(await texts(list, ".scoring-panel .empty")).toEqual(["Select a competitor to enter their shots."]);

    const html = await (await get(relayPage(tournament.slug, relay.id, ada!.entry.id), { cookie: officer.cookie })).text();
    expect(await texts(html, "#scorecard .name")).toEqual(["Ada First"]);
    const fields = await formFields(html, "#shot-form");
    expect(fields.shotNo).toBe("1");
    expect(fields.value).toBe("");
    expect(fields.opId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await select(html, "#shot-value"))[0]?.attrs).toEqual(expect.objectContaining({ autofocus: "", inputmode: "decimal" }));
    expect(await select(html, "#scorecard .undo-form")).toEqual([]);
    expect(await texts(html, ".card-steps a")).toEqual(["← FP 1 Zoe Last", "FP 2 Mia Middle →"]);
  });
});
