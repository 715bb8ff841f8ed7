import { describe, expect, it } from "vitest";
import { compose } from "../../src/mail/compose.ts";
import type { MailBody } from "../../src/mail/message.ts";
import { db } from "../helpers/d1.ts";
import { select, texts } from "../helpers/html.ts";

const tournament = { title: "Nordheide <Air> Open", timeZone: "Europe/Berlin", slug: "nordheide" };
const expiresAt = Date.UTC(2031, 5, 1, 10, 0);

async function mail(body: MailBody, to = "reader@example.test") {
  const composed = await compose(db, { key: "k-template", to, origin: "https://tenring.test", body });
  if (!composed) throw new Error("nothing composed");
  return composed;
}

describe("mail templates", () => {
  const cases: [string, MailBody, string, RegExp][] = [
    ["verification", { kind: "verify", name: "Ada", link: "/account/verify/t1", change: false }, "/account/verify/t1", /Confirm your email address/],
    ["address change", { kind: "verify", name: "Ada", link: "/account/verify/t2", change: true }, "/account/verify/t2", /new email address/],
    ["password reset", { kind: "reset", name: "Ada", link: "/account/reset/t3" }, "/account/reset/t3", /Reset your Tenring password/],
    [
      "staff invitation",
      { kind: "invitation", tournament, role: "Range officer", invitedBy: "Anna", link: "/account/invitations/t4", expiresAt },
      "/account/invitations/t4",
      /You are invited to the staff of Nordheide <Air> Open/,
    ],
    [
      "walk-up claim",
      { kind: "claim", tournament, name: "Wanda", event: "Air Pistol", relay: "Relay A", link: "/account/claims/t5", expiresAt },
      "/account/claims/t5",
      /Your entry in Nordheide <Air> Open/,
    ],
  ];

  for (const [name, body, path, subject] of cases) {
    it(`${name}: a subject, an HTML part with the link as a button, and a plain-text part with the same link`, async () => {
      const m = await mail(body);
      expect(m.subject).toMatch(subject);
      expect(m.html.startsWith("<!doctype html>")).toBe(true);
      const buttons = await select(m.html, `a[href="https://tenring.test${path}"]`);
      expect(buttons.length).toBeGreaterThanOrEqual(1);
      expect(m.text).toContain(`https://tenring.test${path}`);
      expect(m.text).not.toMatch(/<[a-z]/);
      if ("tournament" in body) {
        // Named with its time zone, escaped in HTML, plain in text.
        expect(m.text).toContain("Nordheide <Air> Open (times in Europe/Berlin)");
        expect(m.html).toContain("Nordheide &lt;Air&gt; Open");
        expect(await texts(m.html, "p strong")).toContain("Nordheide <Air> Open");
      }
    });
  }

  it("sends nothing to a walk-up placeholder address", async () => {
    expect(await compose(db, { key: "k", to: "walkup-x@walkup.invalid", origin: "https://tenring.test", body: cases[0]![1] })).toBeNull();
  });
});
