import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ORIGIN, postForm } from "../helpers/http.ts";
import { formToken, freshEmail, STRONG_PASSWORD, userCount } from "./support.ts";

function post(path: string, fields: Record<string, string>, headers: Record<string, string>) {
  return exports.default.fetch(ORIGIN + path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

describe("CSRF on account forms", () => {
  it("refuses a post with neither Origin nor Sec-Fetch-Site, nor token, nor HX-Request", async () => {
    const before = await userCount();
    const res = await post("/account/sign-up", { email: freshEmail(), name: "X", club: "", password: STRONG_PASSWORD }, {});
    expect(res.status).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it("refuses a same-origin plain form without its token", async () => {
    const res = await postForm("/account/sign-in", { email: freshEmail(), password: "whatever-it-is" });
    expect(res.status).toBe(403);
  });

  it("refuses a cross-origin post even with a valid token", async () => {
    const _csrf = await formToken("/account/sign-up");
    const before = await userCount();
    const fields = { _csrf, email: freshEmail(), name: "X", club: "", password: STRONG_PASSWORD };
    const evil = await post("/account/sign-up", fields, { Origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    const crossSite = await post("/account/sign-up", fields, { "Sec-Fetch-Site": "cross-site", "HX-Request": "true" });
    expect(crossSite.status).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it("accepts the same form with its token from this origin", async () => {
    const _csrf = await formToken("/account/sign-up");
    const fields = { _csrf, email: freshEmail(), name: "X", club: "", password: STRONG_PASSWORD };
    const res = await post("/account/sign-up", fields, { Origin: ORIGIN });
    expect(res.status).toBe(303);
  });
});
