import { describe, expect, it } from "vitest";
import { safeNext } from "../../src/routes/account/respond.ts";
import { get } from "../helpers/http.ts";
import { freshAddress, freshEmail, signIn, signUp, STRONG_PASSWORD, userWithPassword } from "./support.ts";

const OFFSITE = [
  "//evil.example",
  "https://evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "///evil.example",
  "evil.example",
  "javascript:alert(1)",
];

describe("the next parameter", () => {
  it.each(OFFSITE)("refuses %j and goes home instead", (next) => {
    expect(safeNext(next)).toBe("/");
  });

  it("keeps a path on this site with its query and fragment", () => {
    expect(safeNext("/tournaments/spring-open?event=10m#relays")).toBe("/tournaments/spring-open?event=10m#relays");
    expect(safeNext(undefined)).toBe("/");
  });

  it("sends the signed-in person only to same-site paths", async () => {
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email });
    const call = { headers: { "CF-Connecting-IP": freshAddress() } };
    for (const next of ["//evil.example", "https://evil.example"]) {
      const res = await signIn(email, STRONG_PASSWORD, { ...call, next });
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe("/");
    }
    const res = await signIn(email, STRONG_PASSWORD, { ...call, next: "/account" });
    expect(res.headers.get("Location")).toBe("/account");
  });

  it("refuses an off-site next at sign-up too", async () => {
    const res = await signUp({ email: freshEmail(), name: "N", club: "", password: STRONG_PASSWORD, next: "//evil.example" });
    // No usable next: the new account lands on its account page (which asks to confirm the address).
    expect(res.headers.get("Location")).toBe("/account?done=welcome");
  });

  it("drops an off-site next from the form and keeps a same-site one", async () => {
    expect(await (await get("/account/sign-in?next=%2F%2Fevil.example")).text()).not.toContain('name="next"');
    const html = await (await get("/account/sign-in?next=%2Faccount")).text();
    expect(html).toContain('<input type="hidden" name="next" value="/account"/>');
    expect(html).toContain('href="/account/sign-up?next=%2Faccount"');
  });
});
