/** Lowercased common passwords from @zxcvbn-ts/language-common, decompressed on first use (it takes a moment). */
let common: Promise<Set<string>> | undefined;

function load(): Promise<Set<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())),
    (err: unknown) => {
      common = undefined;
      throw err;
    },
  );
  return common;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  return (await load()).has(password.toLowerCase());
}
