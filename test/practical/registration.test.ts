import { describe, expect, it } from "vitest";
import { signedInUser } from "../helpers/accounts.ts";
import { freshKey } from "../helpers/entries.ts";
import { select } from "../helpers/html.ts";
import { panel, register } from "../competitor/fixtures.ts";
import { practicalTournament } from "../helpers/practical.ts";

describe("registering for a practical match", () => {
  it("the form asks for a division (those offered) and a power factor, and names squads", async () => {
    const { tournament } = await practicalTournament({ divisions: ["Open", "Production"] });
    const { cookie } = await signedInUser();
    const { html } = await panel(tournament.slug, cookie);
    const options = await select(html, "select[name=division] option");
    expect(options.map((o) => o.attrs.value)).toEqual(["", "Open", "Production"]);
    expect(html).toContain("Choose a squad");
    expect(html).toContain("Production: minor only.");
  });

  it("refuses major in Production with the field's message, then registers minor with the division recorded", async () => {
    const { tournament, event, stub } = await practicalTournament({ divisions: ["Open", "Production"] });
    const { cookie } = await signedInUser();
    const fields = { event: String(event.id), relay: String(event.relays[0]!.id), key: freshKey(), division: "Production", powerFactor: "major", category: "Senior" };

    const refused = await register(tournament.slug, cookie, fields);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("Production is scored minor only");
    expect((await select(html, "select[name=division] option[selected]"))[0]?.attrs.value).toBe("Production");

    const accepted = await register(tournament.slug, cookie, { ...fields, powerFactor: "minor", key: freshKey() });
    expect(accepted.status).toBe(201);
    expect((await stub.practicalBook(event.id))?.entries).toEqual([
      expect.objectContaining({ division: "Production", powerFactor: "minor", category: "Senior" }),
    ]);
  });
});
