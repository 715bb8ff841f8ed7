import { describe, expect, it } from "vitest";
import { register } from "../helpers/entries.ts";
import { select } from "../helpers/html.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, open, send } from "../admin/fixtures.ts";

/** Issue 10, finding 7: every form on the admin entry page posts to a route that exists. */
describe("the admin entry page's forms", () => {
  it("each reach a route (no 404), and Check in checks the entry in", async () => {
    const made = await configuredTournament({ entryFeeCents: 1500, currency: "EUR" });
    const organiser = await staffOf(made.tournament.id, "organiser");
    const event = made.events[0]!;
    const { entry } = await register(made.stub, event.id, event.relays[0]!.id, "Held Hanna");
    const page = `/admin/t/${made.tournament.slug}/entries/${entry.id}`;
    const html = await (await open(organiser, page)).text();
    const forms = await select(html, "main form[method=post]");
    // Payment, check-in, move, firing point and remove at least: a held entry offers them all.
    expect(forms.length).toBeGreaterThanOrEqual(5);

    for (const form of forms) {
      const action = form.attrs.action!;
      const inputs = await select(html, `main form[action="${action}"] input`);
      const fields = Object.fromEntries(inputs.filter((i) => i.attrs.name).map((i) => [i.attrs.name!, i.attrs.value ?? ""]));
      // Removing would end the entry before the other forms are tried: its form is sent without a reason (422).
      const res = await send(organiser, action, { ...fields, reason: "" });
      expect([action, res.status]).not.toEqual([action, 404]);
      expect([action, res.status]).not.toEqual([action, 405]);
    }
    const checkIn = forms.find((f) => f.attrs.action?.includes("check-in"));
    expect(checkIn?.attrs.action).toBe(`/admin/t/${made.tournament.slug}/check-in/${entry.id}`);
    expect(await made.stub.entry(entry.id)).toMatchObject({ checkedInAt: expect.any(Number) });
  });
});
