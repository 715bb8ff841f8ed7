import { z } from "zod";
import type { FieldErrors } from "../lib/problem.ts";
import { isCommonPassword } from "./common-passwords.ts";

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

const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  // Only a password of acceptable length is worth the (lazily loaded) list.
  .refine(
    async (p) => p.length < PASSWORD_MIN || p.length > PASSWORD_MAX || !(await isCommonPassword(p)),
    COMMON_PASSWORD_MESSAGE,
  );

export const signUpSchema = z.object({
  email,
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep the name under 100 characters."),
  club: z.string().trim().max(100, "Keep the club under 100 characters."),
  password: newPassword,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

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

/** The form's text fields; anything missing or not text (a file) reads as empty. */
export function formText<K extends string>(body: Record<string, unknown>, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const value = body[key];
    out[key] = typeof value === "string" ? value : "";
  }
  return out;
}

/** The first message for each field, keyed by the field's name. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
