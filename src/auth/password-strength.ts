import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

/**
 * Password strength from zxcvbn-ts (a maintained estimator): it models how attackers guess (common
 * passwords, words, names, keyboard rows, repeats, sequences, dates, l33t). Score 0–4; sign-up asks for 3,
 * "safely unguessable" (about 10^10 guesses), and says why when a password falls short.
 */
export const MIN_SCORE = 3;

/**
 * Only the first 64 characters are judged: the estimate grows steeply with length (a 128-character phrase
 * took about 100 ms against 9 ms at 64 here), and 64 judged characters are plenty for a strong password.
 */
const JUDGED_LENGTH = 64;

/** English wording for the estimator's feedback keys (the language package with it is not a dependency). */
const TRANSLATIONS = {
  warnings: {
    straightRow: "Straight rows of keys on the keyboard are easy to guess.",
    keyPattern: "Short keyboard patterns are easy to guess.",
    simpleRepeat: "Repeated characters like “aaa” are easy to guess.",
    extendedRepeat: "Repeated patterns like “abcabcabc” are easy to guess.",
    sequences: "Common sequences like “abc” or “1234” are easy to guess.",
    recentYears: "Recent years are easy to guess.",
    dates: "Dates are easy to guess.",
    topTen: "This is one of the most used passwords.",
    topHundred: "This is a very often used password.",
    common: "This is a commonly used password.",
    similarToCommon: "This is similar to a commonly used password.",
    wordByItself: "A single word is easy to guess.",
    namesByThemselves: "A single name or surname is easy to guess.",
    commonNames: "Common names and surnames are easy to guess.",
    userInputs: "Leave your name and email address out of the password.",
    pwned: "This password appeared in a data breach.",
  },
  suggestions: {
    l33t: "Avoid predictable substitutions like @ for a.",
    reverseWords: "Avoid common words spelled backwards.",
    allUppercase: "Capitalise some letters, not all.",
    capitalization: "Capitalise more than the first letter.",
    dates: "Avoid dates and years connected with you.",
    recentYears: "Avoid recent years.",
    associatedYears: "Avoid years connected with you.",
    sequences: "Avoid common sequences.",
    repeated: "Avoid repeated words and characters.",
    longerKeyboardPattern: "Use longer keyboard patterns and change direction several times.",
    anotherWord: "Add another word or two, less common ones.",
    useWords: "Use several words, but not a common phrase.",
    noNeed: "A few unusual words make a strong password; symbols, digits and capitals are optional.",
    pwned: "If you use it anywhere else, change it there too.",
  },
  timeEstimation: {
    ltSecond: "less than a second",
    second: "{base} second",
    seconds: "{base} seconds",
    minute: "{base} minute",
    minutes: "{base} minutes",
    hour: "{base} hour",
    hours: "{base} hours",
    day: "{base} day",
    days: "{base} days",
    month: "{base} month",
    months: "{base} months",
    year: "{base} year",
    years: "{base} years",
    centuries: "centuries",
  },
};

let estimator: Promise<ZxcvbnFactory> | undefined;

/** Built on first use (the dictionaries take a moment to decompress and rank), then kept for the isolate. */
function load(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs, translations: TRANSLATIONS, maxLength: JUDGED_LENGTH }),
    (err: unknown) => {
      estimator = undefined;
      throw err;
    },
  );
  return estimator;
}

export interface Strength {
  score: ZxcvbnResult["score"];
  strongEnough: boolean;
  /** For people, when not strong enough: what makes it weak and what helps. */
  message: string;
  /** Milliseconds the estimate took (for the CPU budget). */
  calcTime: number;
}

/** Judges a new password; `userInputs` (name, email) count as easy to guess. */
export async function passwordStrength(password: string, userInputs: string[] = []): Promise<Strength> {
  const result = (await load()).check(password, userInputs);
  const strongEnough = result.score >= MIN_SCORE;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => Boolean(s));
  const message = strongEnough
    ? ""
    : ["This password is too easy to guess.", ...(why.length > 0 ? why : ["Add another word or two, less common ones."])].join(" ");
  return { score: result.score, strongEnough, message, calcTime: result.calcTime };
}
