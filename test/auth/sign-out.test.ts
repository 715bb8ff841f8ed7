import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "../../src/db/schema.ts";
import { signedInUser } from "../helpers/accounts.ts";
import { get, postForm } from "../helpers/http.ts";
import { formToken, headerName } from "./support.ts";
import { openDb } from "../../src/db/client.ts";

describe("sign-out", () => {
  it("ends the session on the server: the old cookie no longer shows the name", async () => {
    const { user, cookie } = await signedInUser({ name: "Dora Ausgang" });
    expect(await headerName(cookie)).toBe("Dora Ausgang");

    const res = await postForm("/account/sign-out", { _csrf: await formToken("/account", cookie) }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/");
    const cleared = res.headers.getSetCookie().find((line) => line.startsWith("__Host-tenring_session="));
    expect(cleared).toMatch(/Max-Age=0/);

    expect(await headerName(cookie)).toBeNull();
    const nav = await (await get("/fragments/account-nav", { cookie })).text();
    expect(nav).toContain('href="/account/sign-in"');
    expect(nav).not.toContain("Dora Ausgang");
    expect(await openDb(env.DB).select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([]);
  });

  it("works from any page: the header fragment's form carries a token that is accepted", async () => {
    const { cookie } = await signedInUser({ name: "Emil Überall" });
    const nav = await (await get("/fragments/account-nav", { cookie })).text();
    expect(nav).toContain('action="/account/sign-out"');
    const token = /name="_csrf" value="([^"]+)"/.exec(nav)?.[1];
    expect(token).toBeDefined();
    const res = await postForm("/account/sign-out", { _csrf: token! }, { cookie });
    expect(res.status).toBe(303);
    expect(await headerName(cookie)).toBeNull();
  });

  it("answers htmx with HX-Redirect home", async () => {
    const { cookie } = await signedInUser();
    const res = await postForm("/account/sign-out", {}, { cookie, hx: true });
    expect(res.status).toBe(204);
    expect(res.headers.get("HX-Redirect")).toBe("/");
    expect(await headerName(cookie)).toBeNull();
  });

  it("refuses a cross-site sign-out and keeps the session", async () => {
    const { user, cookie } = await signedInUser();
    const res = await postForm("/account/sign-out", {}, { cookie, headers: { Origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(await headerName(cookie)).toBe(user.name);
  });

  it("signs out of a session that already ended elsewhere (its form token is stale)", async () => {
    const { cookie } = await signedInUser();
    const staleToken = await formToken("/account", cookie);
    await openDb(env.DB).delete(sessions).run();
    const res = await postForm("/account/sign-out", { _csrf: staleToken }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().join()).toContain("__Host-tenring_session=;");
  });
});
