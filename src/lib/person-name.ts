import { z } from "zod";

/** Control characters: C0 (tabs and line breaks included), DEL and C1. */
const CONTROL = /\p{Cc}/u;
/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the text around them. */
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/u;
/**
 * What shows nothing: spaces, format characters (zero-width space and joiners, word joiner, BOM, marks) and
 * the blank look-alikes (Hangul fillers, braille blank). A name must have something else.
 */
const INVISIBLE = /[\p{Z}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;

export interface NameMessages {
  /** Shown when nothing was entered, e.g. "Enter your name." */
  empty?: string;
  /** What the field holds, for the length message ("name", "club"). */
  noun?: string;
}

export const NAME_MAX = 100;

/**
 * The one schema for a person's name or club, wherever one is entered (sign-up, profile, walk-up): trimmed,
 * NFC-normalised, at most 100 characters, and refused with a clear message when it holds control
 * characters, text-direction controls (which make "Eve‮exe.gnp" show as "Evepng.exe") or nothing visible.
 * Without `empty` the field may stay empty (a club).
 */
export function personName(messages: NameMessages = {}) {
  const noun = messages.noun ?? "name";
  return z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .max(NAME_MAX, `Keep the ${noun} under ${NAME_MAX} characters.`)
        .superRefine((value, ctx) => {
          if (value === "") {
            if (messages.empty) ctx.addIssue({ code: "custom", message: messages.empty });
          } else if (CONTROL.test(value)) {
            ctx.addIssue({ code: "custom", message: `A ${noun} cannot contain control characters such as line breaks or tabs.` });
          } else if (DIRECTION.test(value)) {
            ctx.addIssue({ code: "custom", message: `A ${noun} cannot contain text-direction controls (U+202A–U+202E, U+2066–U+2069).` });
          } else if (value.replace(INVISIBLE, "") === "") {
            ctx.addIssue({ code: "custom", message: `Enter a ${noun} with visible letters: this one shows nothing.` });
          }
        }),
    );
}
