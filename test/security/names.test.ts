import { describe, expect, it } from "vitest";
import { csvCell, csvFile } from "../../src/lib/csv.ts";
import { personName } from "../../src/lib/person-name.ts";
import { register } from "../helpers/entries.ts";
import { texts } from "../helpers/html.ts";
import { staffOf } from "../helpers/staff.ts";
import { configuredTournament, send } from "../admin/fixtures.ts";
import { freshEmail, signUp, STRONG_PASSWORD, userByEmail, userCount } from "../auth/support.ts";

const BAD_NAMES = [
  ["a bidi override", "Eve\u202Egnp.exe", "text-direction"],
  ["a bidi isolate", "Mallory\u2067Admin\u2069", "text-direction"],
  ["a control character", "Bob\u0007Bell", "control"],
  ["a line break", "Line\nBreak", "control"],
  ["only invisible characters", "\u200B\u200B", "visible"],
  ["invisible characters and spaces", " \u200B \u2060\uFEFF ", "visible"],
] as const;

/** Issue 10, finding 8: names and clubs with control, bidi or only invisible characters are refused everywhere. */
describe("a person's name", () => {
  it.each(BAD_NAMES)("is refused with %s by the one name schema", (_, name, word) => {
    const parsed = personName({ empty: "Enter a name." }).safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(word);
  });

  it("takes real names: accents, scripts, a joiner inside, apostrophes and hyphens", () => {
    const schema = personName({ empty: "Enter a name." });
    for (const name of ["Zoë O'Brien-Łukasz", "山田 太郎", "ज्ञान", "Ana\u200DMaria", "  José  "]) {
      expect(schema.safeParse(name).success, name).toBe(true);
    }
    expect(schema.parse("  José  ")).toBe("José");
  });

  it.each(BAD_NAMES)("is refused at sign-up with %s, by the field, creating nothing", async (_, bad, word) => {
    const before = await userCount();
    for (const field of ["name", "club"] as const) {
      const email = freshEmail("bidi");
      const res = await signUp({ email, name: "Good Name", club: "Good Club", password: STRONG_PASSWORD, [field]: bad });
      expect(res.status).toBe(422);
      expect((await texts(await res.text(), `#sign-up-${field}-error`))[0]).toContain(word);
      expect(await userByEmail(email)).toBeUndefined();
    }
    expect(await userCount()).toBe(before);
  });

  it("is refused in a walk-up entry (name and club), adding nobody", async () => {
    const made = await configuredTournament({ registrationClosesAt: Date.now() - 1000, registrationOpensAt: Date.now() - 86_400_000 });
    const organiser = await staffOf(made.tournament.id, "organiser");
    const relay = made.events[0]!.relays[0]!;
    await register(made.stub, made.events[0]!.id, relay.id).catch(() => undefined);
    const before = (await made.stub.allEntries()).length;
    const fields = { key: "w".repeat(20), club: "", email: "", relayId: String(relay.id), paid: "" };
    const res = await send(organiser, `/admin/t/${made.tournament.slug}/entries/new`, { ...fields, name: "Eve\u202Egnp.exe", club: "\u200B" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect((await texts(html, "#walkup-name-error"))[0]).toContain("text-direction");
    expect((await texts(html, "#walkup-club-error"))[0]).toContain("visible");
    expect(await made.stub.allEntries()).toHaveLength(before);
  });
});

describe("CSV", () => {
  it("has one encoder: formulas made text, quoting only where RFC 4180 needs it", () => {
    expect(csvCell("=1+1")).toBe(`"'=1+1"`);
    expect(csvCell("-Minus's club")).toBe(`"'-Minus's club"`);
    expect(csvCell("O'Brien")).toBe("O'Brien");
    expect(csvCell('Bea "Bee"')).toBe('"Bea ""Bee"""');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell(-5)).toBe("-5");
    expect(csvFile(["a"], [["x,y"]])).toBe('\uFEFFa\r\n"x,y"\r\n');
  });
});
