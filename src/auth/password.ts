import { base64url, fromBase64url, timingSafeEqual } from "../lib/encoding.ts";

/** The production Workers runtime refuses PBKDF2 above 100,000 iterations; local workerd does not, so we hold the line. */
export const MAX_PBKDF2_ITERATIONS = 100_000;
export const PBKDF2_ITERATIONS = 100_000;
const SCHEME = "pbkdf2-sha256";
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export class PasswordHashError extends Error {
  override name = "PasswordHashError";
}

interface ParsedHash {
  iterations: number;
  salt: Uint8Array;
  key: Uint8Array;
}

/** `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>`: the count travels with the hash. */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  checkIterations(iterations);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await derive(password, salt, iterations);
  return `${SCHEME}$${iterations}$${base64url(salt)}$${base64url(key)}`;
}

/**
 * Whether the password matches the stored hash. A hash this runtime could not derive (malformed, or above the
 * iteration bound) is a server defect, not a wrong password: it throws before any derivation runs.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  const key = await derive(password, parsed.salt, parsed.iterations);
  return timingSafeEqual(base64url(key), base64url(parsed.key));
}

/**
 * Spends the same work as a real check, for sign-ins whose account does not exist (or has no password),
 * so the answer's timing does not tell which emails have accounts.
 */
export async function verifyNothing(password: string): Promise<false> {
  await derive(password, DUMMY_SALT, PBKDF2_ITERATIONS);
  return false;
}

const DUMMY_SALT = new Uint8Array(SALT_BYTES);

function parseHash(stored: string): ParsedHash {
  const parts = stored.split("$");
  const [scheme, count, salt, key] = parts;
  if (parts.length !== 4 || scheme !== SCHEME || !count || !/^[1-9][0-9]{0,9}$/.test(count) || !salt || !key) {
    throw new PasswordHashError("Stored password hash is not in the pbkdf2-sha256 format.");
  }
  const iterations = Number(count);
  checkIterations(iterations);
  const parsed = { iterations, salt: fromBase64url(salt), key: fromBase64url(key) };
  if (parsed.salt.length < SALT_BYTES || parsed.key.length !== KEY_BYTES) {
    throw new PasswordHashError("Stored password hash has a short salt or a key of the wrong length.");
  }
  return parsed;
}

function checkIterations(iterations: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new PasswordHashError(
      `PBKDF2 iteration count ${iterations} is outside 1..${MAX_PBKDF2_ITERATIONS.toLocaleString("en")}.`,
    );
  }
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  // NFC, so the same password typed on different keyboards (composed or decomposed accents) matches.
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password.normalize("NFC")),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const params = { name: "PBKDF2", hash: "SHA-256", salt, iterations };
  const bits = await crypto.subtle.deriveBits(params, material, KEY_BYTES * 8);
  return new Uint8Array(bits);
}
