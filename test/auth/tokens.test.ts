import { describe, expect, it } from "vitest";
import { createApiToken, findApiToken } from "../../src/auth/api-tokens.ts";
import { signedInUser } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { get, postForm } from "../helpers/http.ts";
import { formToken } from "./support.ts";

async function createToken(cookie: string, name: string, hx = false) {
  return postForm("/account/tokens", { _csrf: await formToken("/account", cookie), name }, { cookie, hx });
}

describe("account page", () => {
  it("sends a visitor without a session to sign in, and back afterwards", async () => {
    const res = await get("/account");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/account/sign-in?next=%2Faccount");
  });

  it("shows name, email and club, uncached and out of search engines", async () => {
    const { cookie } = await signedInUser({ name: "Fritz <Kimme>", club: "SV Korn & Kimme", email: "fritz@example.test" });
    const res = await get("/account", { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Fritz &lt;Kimme&gt;");
    expect(html).toContain("SV Korn &amp; Kimme");
    expect(html).toContain("fritz@example.test");
    expect(html).toMatch(/data-testid="who"[^>]*>Fritz &lt;Kimme&gt;</);
    expect(html).toContain("You have no API tokens.");
  });
});

describe("personal API tokens", () => {
  it("shows a new token once, then lists it by name only", async () => {
    const { cookie } = await signedInUser();
    const res = await createToken(cookie, "results export");
    expect(res.status).toBe(201);
    const html = await res.text();
    const token = /<code class="token-value" data-testid="new-token">(trp_[A-Za-z0-9_-]+)<\/code>/.exec(html)?.[1];
    expect(token).toBeDefined();
    expect(html).toContain("It is shown only once");
    expect(await findApiToken(db, token!)).toMatchObject({ kind: "personal" });

    const later = await (await get("/account", { cookie })).text();
    expect(later).toContain("<td>results export</td>");
    expect(later).not.toContain(token!);
  });

  it("refuses an empty name with 422 at the field", async () => {
    const { cookie } = await signedInUser();
    const res = await createToken(cookie, "   ");
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/<p class="field-error" id="token-name-error">Name the token/);
  });

  it("gives htmx only the token section", async () => {
    const { cookie } = await signedInUser();
    const res = await createToken(cookie, "scoreboard script", true);
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(html.startsWith('<section id="api-tokens"')).toBe(true);
    expect(html).toContain('data-testid="new-token"');
  });

  it("revokes the owner's token", async () => {
    const { user, cookie } = await signedInUser();
    const { id, token } = await createApiToken(db, { kind: "personal", userId: user.id }, "old laptop");
    const res = await postForm(`/account/tokens/${id}/revoke`, { _csrf: await formToken("/account", cookie) }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/account");
    expect(await findApiToken(db, token)).toBeNull();
    expect(await (await get("/account", { cookie })).text()).not.toContain("old laptop");
  });

  it("never lets one competitor revoke another's token", async () => {
    const owner = await signedInUser();
    const other = await signedInUser();
    const { id, token } = await createApiToken(db, { kind: "personal", userId: owner.user.id }, "owner's script");
    const _csrf = await formToken("/account", other.cookie);

    const plain = await postForm(`/account/tokens/${id}/revoke`, { _csrf }, { cookie: other.cookie });
    expect(plain.status).toBe(404);
    const hx = await postForm(`/account/tokens/${id}/revoke`, {}, { cookie: other.cookie, hx: true });
    expect(hx.status).toBe(404);
    expect(await hx.text()).toContain("That token does not exist, is not yours, or was revoked already.");

    expect(await findApiToken(db, token)).toMatchObject({ tokenId: id, userId: owner.user.id });
    expect(await (await get("/account", { cookie: owner.cookie })).text()).toContain("owner&#39;s script");
  });

  it("answers a malformed token id with 404", async () => {
    const { cookie } = await signedInUser();
    const res = await postForm("/account/tokens/abc/revoke", { _csrf: await formToken("/account", cookie) }, { cookie });
    expect(res.status).toBe(404);
  });
});
