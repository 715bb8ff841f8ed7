import { z } from "zod";
import { personName } from "../lib/person-name.ts";
import { isCommonPassword } from "./common-passwords.ts";
import { passwordStrength } from "./password-strength.ts";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const COMMON_PASSWORD_MESSAGE = "This password is too common: choose another.";
export const WRONG_CREDENTIALS_MESSAGE = "Email or password is not right.";

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@example.com."));

/**
 * A new password: its length, then the common-password list, then the strength estimator (which says what
 * makes it weak). Only a password of acceptable length is worth the (lazily loaded) list and estimator.
 */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .superRefine(async (p, ctx) => {
    if (p.length < PASSWORD_MIN || p.length > PASSWORD_MAX) return;
    if (await isCommonPassword(p)) {
      ctx.addIssue({ code: "custom", message: COMMON_PASSWORD_MESSAGE });
      return;
    }
    const strength = await passwordStrength(p);
    if (!strength.strongEnough) ctx.addIssue({ code: "custom", message: strength.message });
  });

export const signUpSchema = z.object({
  email,
  name: personName({ empty: "Enter your name." }),
  club: personName({ noun: "club" }),
  password: newPassword,
});

/** Sign-in checks only presence: a malformed email simply matches no account. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "An email address has at most 254 characters.")
    .toLowerCase(),
  password: z.string().min(1, "Enter your password."),
});

export const tokenNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token, for example after the script that will use it.")
    .max(60, "Keep the name under 60 characters."),
});

/** Moved to src/lib/forms.ts; src/routes/scoring/shots.tsx still imports it from here. */
