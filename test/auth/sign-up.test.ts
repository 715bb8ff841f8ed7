import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD_MESSAGE } from "../../src/auth/forms.ts";
import { MAX_PBKDF2_ITERATIONS, verifyPassword } from "../../src/auth/password.ts";
import { cookieFrom, get } from "../helpers/http.ts";
import { mailTo } from "../helpers/mail.ts";
import { freshEmail, headerName, signUp, STRONG_PASSWORD, userByEmail, userCount } from "./support.ts";

function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="sign-up-${field}-error">([^<]*)<`).exec(html)?.[1];
}

describe("sign-up page", () => {
  it("has labelled inputs with autocomplete hints, a CSRF field and the submit button", async () => {
    const res = await get("/account/sign-up");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const html = await res.text();
    const fields = [["email", "email"], ["name", "name"], ["club", "organization"], ["password", "new-password"]];
    for (const [name, autocomplete] of fields) {
      expect(html).toContain(`<label for="sign-up-${name}">`);
      expect(html).toMatch(new RegExp(`<input id="sign-up-${name}" name="${name}"[^>]* autocomplete="${autocomplete}"`));
    }
    expect(html).toMatch(/<input type="hidden" name="_csrf" value="[^"]+"/);
    expect(html).toMatch(/<button type="submit" class="button">\s*Create account\s*<\/button>/);
    expect(html).toContain('hx-post="/account/sign-up"');
    expect(html).toContain('<meta name="robots" content="noindex"');
  });
});

describe("sign-up", () => {
  it("creates an unverified account, starts a session in a __Host- cookie, mails a link and shows the account page", async () => {
    const email = freshEmail("new");
    const before = await userCount();
    const fields = { email: `  ${email.toUpperCase()} `, name: "Anna Schütz", club: "SG Tell", password: STRONG_PASSWORD };
    const res = await signUp(fields);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/account?done=welcome");
    expect(await userCount()).toBe(before + 1);

    const setCookie = res.headers.getSetCookie().find((line) => line.startsWith("__Host-tenring_session="));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/^__Host-tenring_session=[A-Za-z0-9_-]{22};/);
    expect(setCookie).toContain("; Path=/");
    expect(setCookie).toContain("; HttpOnly");
    expect(setCookie).toContain("; Secure");
    expect(setCookie).toContain("; SameSite=Lax");
    expect(setCookie).not.toMatch(/domain=/i);

    const user = await userByEmail(email);
    expect(user).toMatchObject({ email, name: "Anna Schütz", club: "SG Tell" });
    const iterations = Number(user!.passwordHash!.split("$")[1]);
    expect(iterations).toBeLessThanOrEqual(MAX_PBKDF2_ITERATIONS);
    expect(await verifyPassword(STRONG_PASSWORD, user!.passwordHash!)).toBe(true);
    expect(await headerName(cookieFrom(res)!)).toBe("Anna Schütz");
    expect(user!.emailVerifiedAt).toBeNull();
    const page = await (await get("/account?done=welcome", { cookie: cookieFrom(res)! })).text();
    expect(page).toContain('data-testid="address-unverified"');
    expect(page).toContain("Send the link again");
    expect((await mailTo(email, "Confirm your email address")).text).toContain("/account/verify/");
  });

  it("answers htmx with HX-Redirect instead of a 303 its fetch would follow", async () => {
    const fields = { email: freshEmail(), name: "Hx", club: "", password: STRONG_PASSWORD, next: "/tournaments/spring-open" };
    const res = await signUp(fields, { hx: true });
    expect(res.status).toBe(204);
    expect(res.headers.get("HX-Redirect")).toBe("/tournaments/spring-open");
    expect(cookieFrom(res)).toBeDefined();
  });

  it("accepts a long passphrase (64+ characters) and an empty club", async () => {
    const email = freshEmail();
    const long = "the quick brown shooter lands ten inner tens in a row at dawn, twice over".padEnd(128, "!");
    const res = await signUp({ email, name: "Long Phrase", club: "", password: long });
    expect(res.status).toBe(303);
    expect((await userByEmail(email))?.club).toBe("");
  });

  it.each([
    ["an invalid email", { email: "not-an-email" }, "email", "Enter an email address like name@example.com."],
    ["a missing email", { email: "" }, "email", "Enter your email address."],
    ["a missing name", { name: "   " }, "name", "Enter your name."],
    ["a short password", { password: "t3n-r1n" }, "password", "Use at least 8 characters."],
    ["a password over 128 characters", { password: "x".repeat(129) }, "password", "Use at most 128 characters."],
    ["a common password", { password: "Password1" }, "password", COMMON_PASSWORD_MESSAGE],
    ["a common password in other case", { password: "ILOVEYOU" }, "password", COMMON_PASSWORD_MESSAGE],
    [
      "a weak password (the estimator says why)",
      { password: "aaaaaaaa" },
      "password",
      'This password is too easy to guess. Repeated characters like “aaa” are easy to guess. Add another word or two, less common ones. Avoid repeated words and characters.',
    ],
  ])("refuses %s with 422, the message at the field, values kept, nothing created", async (_, change, field, message) => {
    const fields = { email: freshEmail(), name: "Kept Name", club: "Kept Club", password: STRONG_PASSWORD, ...change };
    const before = await userCount();
    const res = await signUp(fields);
    expect(res.status).toBe(422);
    expect(cookieFrom(res)).toBeUndefined();
    expect(await userCount()).toBe(before);
    const html = await res.text();
    expect(fieldError(html, field)).toBe(message.replace(/'/g, "&#39;"));
    // The invalid input points at its message and is where focus lands.
    expect(html).toMatch(new RegExp(`<input id="sign-up-${field}"[^>]* aria-invalid="true" aria-describedby="sign-up-${field}-error[^"]*" autofocus`));
    if (field !== "name") expect(html).toContain('value="Kept Name"');
    expect(html).toContain('value="Kept Club"');
    expect(html).not.toContain(fields.password);
  });

  it("refuses an email that already has an account, in any case, and creates nothing", async () => {
    const email = freshEmail("taken");
    expect((await signUp({ email, name: "First", club: "", password: STRONG_PASSWORD })).status).toBe(303);
    const before = await userCount();
    const res = await signUp({ email: email.toUpperCase(), name: "Second", club: "", password: "another-strong-passphrase" });
    expect(res.status).toBe(422);
    expect(fieldError(await res.text(), "email")).toBe("There is already an account with this email. Sign in instead, or use another email.");
    expect(await userCount()).toBe(before);
    expect((await userByEmail(email))?.name).toBe("First");
  });

  it("lets only one of two simultaneous sign-ups with one email through", async () => {
    const email = freshEmail("race");
    const before = await userCount();
    const results = await Promise.all(
      ["One", "Two", "Three"].map((name) => signUp({ email, name, club: "", password: STRONG_PASSWORD })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([303, 422, 422]);
    expect(await userCount()).toBe(before + 1);
  });

  it("gives htmx only the form back on 422, ready to replace itself", async () => {
    const res = await signUp({ email: "bad", name: "Hx", club: "", password: "short" }, { hx: true });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html.startsWith("<form")).toBe(true);
    expect(html).not.toContain("<html");
    expect(html).toContain('hx-target="this"');
    expect(html).toContain('hx-swap="outerHTML"');
    expect(fieldError(html, "email")).toBeDefined();
    expect(fieldError(html, "password")).toBe("Use at least 8 characters.");
  });
});
