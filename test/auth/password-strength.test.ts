import { describe, expect, it } from "vitest";
import { signUpSchema } from "../../src/auth/forms.ts";
import { MIN_SCORE, passwordStrength } from "../../src/auth/password-strength.ts";

describe("password strength (zxcvbn-ts)", () => {
  it("stays small for the Worker's CPU budget (runs first: its first check builds the estimator)", async () => {
    const started = performance.now();
    await passwordStrength("warm-up-passphrase");
    const first = performance.now() - started;
    const long = "the quick brown shooter lands ten inner tens in a row at dawn, twice over".padEnd(128, "!");
    const later = await passwordStrength(long);
    // A figure to watch, not a pass/fail line: workerd's clock moves only on I/O, so it is logged.
    console.log(`password strength: first check ${first.toFixed(1)} ms (with building), a 128-character check ${later.calcTime.toFixed(1)} ms`);
    expect(later.strongEnough).toBe(true);
  });

  it("refuses aaaaaaaa and says why: repeated characters", async () => {
    const s = await passwordStrength("aaaaaaaa");
    expect(s.strongEnough).toBe(false);
    expect(s.score).toBeLessThan(MIN_SCORE);
    expect(s.message).toBe(
      'This password is too easy to guess. Repeated characters like “aaa” are easy to guess. Add another word or two, less common ones. Avoid repeated words and characters.',
    );
  });

  it.each(["qwertyuiop", "abcdefgh12", "19841985"])("refuses the easy pattern %s with the estimator's reason", async (password) => {
    const s = await passwordStrength(password);
    expect(s.strongEnough).toBe(false);
    expect(s.message).toMatch(/^This password is too easy to guess\. \S/);
  });

  it.each(["falcon-orbit-meadow-42", "tenring-demo-2026", "a long unusual passphrase 42"])("accepts the passphrase %s", async (password) => {
    const s = await passwordStrength(password);
    expect(s).toMatchObject({ strongEnough: true, message: "" });
  });

  it("counts the person's own name as easy to guess", async () => {
    expect((await passwordStrength("annaschuetz1990")).strongEnough).toBe(true);
    expect((await passwordStrength("annaschuetz1990", ["annaschuetz"])).strongEnough).toBe(false);
  });

  it("puts the reason at the sign-up form's password field", async () => {
    const result = await signUpSchema.safeParseAsync({ email: "a@example.test", name: "A", club: "", password: "aaaaaaaa" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["password", expect.stringMatching(/^This password is too easy to guess\. Repeated characters/)],
    ]);
  });
});
