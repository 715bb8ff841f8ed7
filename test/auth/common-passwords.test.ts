import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { isCommonPassword } from "../../src/auth/common-passwords.ts";
import { COMMON_PASSWORD_MESSAGE, signUpSchema } from "../../src/auth/forms.ts";

const list = dictionary["passwords-common"];

describe("the common-passwords list", () => {
  it("is the list @zxcvbn-ts/language-common ships, checked whole", async () => {
    expect(list.length).toBeGreaterThan(10_000);
    for (const index of [0, 1, Math.floor(list.length / 2), list.length - 1]) {
      expect(await isCommonPassword(list[index]!), list[index]).toBe(true);
    }
  });

  it("compares without regard to case", async () => {
    expect(await isCommonPassword("password1")).toBe(true);
    expect(await isCommonPassword("PassWord1")).toBe(true);
    expect(await isCommonPassword("ILOVEYOU")).toBe(true);
  });

  it("lets an uncommon passphrase through", async () => {
    expect(await isCommonPassword("falcon-orbit-meadow-42")).toBe(false);
  });

  it("turns a common password into the sign-up form's message", async () => {
    const result = await signUpSchema.safeParseAsync({ email: "a@example.test", name: "A", club: "", password: "Baseball1" });
    expect(await isCommonPassword("Baseball1")).toBe(true);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["password", COMMON_PASSWORD_MESSAGE]]);
  });
});
