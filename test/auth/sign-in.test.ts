import { afterEach, describe, expect, it, vi } from "vitest";
import { WRONG_CREDENTIALS_MESSAGE } from "../../src/auth/forms.ts";
import { sessionCookie } from "../helpers/accounts.ts";
import { cookieFrom, get } from "../helpers/http.ts";
import { createUserWithoutPassword, formError, freshAddress, freshEmail, headerName, signIn, STRONG_PASSWORD, userWithPassword } from "./support.ts";

afterEach(() => vi.restoreAllMocks());

describe("sign-in page", () => {
  it("has labelled email and password inputs, a CSRF field and the submit button", async () => {
    const html = await (await get("/account/sign-in")).text();
    expect(html).toMatch(/<input id="sign-in-email" name="email" type="email"[^>]* autocomplete="email"/);
    expect(html).toMatch(/<input id="sign-in-password" name="password" type="password"[^>]* autocomplete="current-password"/);
    expect(html).toContain('<label for="sign-in-email">');
    expect(html).toContain('<label for="sign-in-password">');
    expect(html).toMatch(/<input type="hidden" name="_csrf" value="[^"]+"/);
    expect(html).toMatch(/<button type="submit" class="button">\s*Sign in\s*<\/button>/);
  });
});

describe("sign-in", () => {
  it("signs in with the right password, in any email case, and shows the name in the header", async () => {
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email, name: "Ben Kugel" });
    const res = await signIn(email.toUpperCase(), STRONG_PASSWORD, { headers: { "CF-Connecting-IP": freshAddress() } });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/");
    const setCookie = res.headers.getSetCookie().find((line) => line.startsWith("__Host-tenring_session="))!;
    expect(setCookie).toContain("; Path=/");
    expect(setCookie).toContain("; HttpOnly");
    expect(setCookie).toContain("; Secure");
    expect(setCookie).toContain("; SameSite=Lax");
    expect(setCookie).not.toMatch(/domain=/i);
    expect(await headerName(cookieFrom(res)!)).toBe("Ben Kugel");
  });

  it("gives a wrong password and an unknown email the same answer", async () => {
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email });
    const address = freshAddress();
    const wrong = await signIn(email, "not-the-password", { headers: { "CF-Connecting-IP": address } });
    const unknown = await signIn(freshEmail("nobody"), "not-the-password", { headers: { "CF-Connecting-IP": address } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(cookieFrom(wrong)).toBeUndefined();
    expect(formError(await wrong.text())).toBe(WRONG_CREDENTIALS_MESSAGE);
    expect(formError(await unknown.text())).toBe(WRONG_CREDENTIALS_MESSAGE);
  });

  it("runs one PBKDF2 derivation for an unknown email too, as for a real account", async () => {
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email });
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    await signIn(email, "not-the-password", { headers: { "CF-Connecting-IP": freshAddress() } });
    expect(derive).toHaveBeenCalledTimes(1);
    await signIn(freshEmail("nobody"), "not-the-password", { headers: { "CF-Connecting-IP": freshAddress() } });
    expect(derive).toHaveBeenCalledTimes(2);
    for (const [params] of derive.mock.calls) expect(params).toMatchObject({ name: "PBKDF2", iterations: 100_000 });
  });

  it("refuses an account without a password (a walk-up competitor) with the same answer", async () => {
    const user = await createUserWithoutPassword();
    const res = await signIn(user.email, "any-password-at-all", { headers: { "CF-Connecting-IP": freshAddress() } });
    expect(res.status).toBe(401);
    expect(formError(await res.text())).toBe(WRONG_CREDENTIALS_MESSAGE);
  });

  it("keeps the email and asks for what is missing with 422", async () => {
    const res = await signIn("someone@example.test", "", { headers: { "CF-Connecting-IP": freshAddress() } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="someone@example.test"');
    expect(html).toMatch(/<input id="sign-in-password"[^>]* aria-invalid="true" aria-describedby="sign-in-password-error" autofocus/);
    expect(html).toContain('<p class="field-error" id="sign-in-password-error">Enter your password.</p>');
  });

  it("answers htmx with HX-Redirect and the new cookie, and a failure with the form alone", async () => {
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email });
    const address = freshAddress();
    const failed = await signIn(email, "wrong-password", { hx: true, headers: { "CF-Connecting-IP": address } });
    expect(failed.status).toBe(401);
    const html = await failed.text();
    expect(html.startsWith("<form")).toBe(true);
    expect(formError(html)).toBe(WRONG_CREDENTIALS_MESSAGE);
    expect(html).toMatch(/id="sign-in-error" role="alert" tabindex="-1" autofocus/);

    const ok = await signIn(email, STRONG_PASSWORD, { hx: true, next: "/account", headers: { "CF-Connecting-IP": address } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("HX-Redirect")).toBe("/account");
    expect(cookieFrom(ok)).toBeDefined();
  });
});

describe("session rotation", () => {
  it("replaces an existing session at sign-in: the old cookie no longer works", async () => {
    const email = freshEmail();
    const user = await userWithPassword(STRONG_PASSWORD, { email, name: "Cleo Rotation" });
    const old = await sessionCookie(user.id);
    expect(await headerName(old)).toBe("Cleo Rotation");

    const res = await signIn(email, STRONG_PASSWORD, { cookie: old, headers: { "CF-Connecting-IP": freshAddress() } });
    expect(res.status).toBe(303);
    const fresh = cookieFrom(res)!;
    expect(fresh).not.toBe(old);
    expect(await headerName(fresh)).toBe("Cleo Rotation");
    expect(await headerName(old)).toBeNull();
  });

  it("issues a new token on every sign-in, even without a cookie", async () => {
    const email = freshEmail();
    await userWithPassword(STRONG_PASSWORD, { email });
    const first = cookieFrom(await signIn(email, STRONG_PASSWORD, { headers: { "CF-Connecting-IP": freshAddress() } }));
    const second = cookieFrom(await signIn(email, STRONG_PASSWORD, { headers: { "CF-Connecting-IP": freshAddress() } }));
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
  });
});
