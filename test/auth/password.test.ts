import { afterEach, describe, expect, it, vi } from "vitest";
import {
  MAX_PBKDF2_ITERATIONS,
  PBKDF2_ITERATIONS,
  PasswordHashError,
  hashPassword,
  verifyNothing,
  verifyPassword,
} from "../../src/auth/password.ts";
import { base64url, fromBase64url } from "../../src/lib/encoding.ts";

const FORMAT = /^pbkdf2-sha256\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

afterEach(() => vi.restoreAllMocks());

describe("password hashing", () => {
  it("stores PBKDF2-SHA256 with its iteration count, within the 100,000 the runtime allows", async () => {
    const stored = await hashPassword("range-day-at-dawn");
    const [, count, salt, key] = FORMAT.exec(stored) ?? [];
    expect(Number(count)).toBe(PBKDF2_ITERATIONS);
    expect(Number(count)).toBeLessThanOrEqual(100_000);
    expect(MAX_PBKDF2_ITERATIONS).toBe(100_000);
    expect(fromBase64url(salt!)).toHaveLength(16);
    expect(fromBase64url(key!)).toHaveLength(32);
  });

  it("salts every hash, so one password gives different hashes", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("accepts the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("range-day-at-dawn");
    expect(await verifyPassword("range-day-at-dawn", stored)).toBe(true);
    expect(await verifyPassword("range-day-at-dusk", stored)).toBe(false);
    expect(await verifyPassword("Range-day-at-dawn", stored)).toBe(false);
  });

  it("matches a password typed with composed or decomposed accents", async () => {
    const stored = await hashPassword("Schütze-Zehner");
    expect(await verifyPassword("Schu\u0308tze-Zehner", stored)).toBe(true);
  });

  it("refuses a stored count above 100,000 without deriving anything", async () => {
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    const salt = base64url(new Uint8Array(16));
    const key = base64url(new Uint8Array(32));
    await expect(verifyPassword("anything", `pbkdf2-sha256$100001$${salt}$${key}`)).rejects.toThrow(PasswordHashError);
    await expect(verifyPassword("anything", `pbkdf2-sha256$600000$${salt}$${key}`)).rejects.toThrow(/100,000/);
    await expect(hashPassword("anything", 100_001)).rejects.toThrow(PasswordHashError);
    expect(derive).not.toHaveBeenCalled();
  });

  it("accepts a stored count at the bound or below it", async () => {
    const lower = await hashPassword("legacy hash", 1_000);
    expect(lower.startsWith("pbkdf2-sha256$1000$")).toBe(true);
    expect(await verifyPassword("legacy hash", lower)).toBe(true);
  });

  it("refuses malformed stored hashes instead of guessing", async () => {
    const salt = base64url(new Uint8Array(16));
    const key = base64url(new Uint8Array(32));
    for (const bad of [
      "",
      "plain-text-password",
      `bcrypt$10$${salt}$${key}`,
      `pbkdf2-sha256$0$${salt}$${key}`,
      `pbkdf2-sha256$1e5$${salt}$${key}`,
      `pbkdf2-sha256$100000$${salt}`,
      `pbkdf2-sha256$100000$${base64url(new Uint8Array(4))}$${key}`,
      `pbkdf2-sha256$100000$${salt}$${base64url(new Uint8Array(16))}`,
    ]) {
      await expect(verifyPassword("x", bad), bad).rejects.toThrow(PasswordHashError);
    }
  });

  it("spends one full derivation on a sign-in without an account", async () => {
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    expect(await verifyNothing("guess")).toBe(false);
    expect(derive).toHaveBeenCalledTimes(1);
    const [params] = derive.mock.calls[0]!;
    expect(params).toMatchObject({ name: "PBKDF2", hash: "SHA-256", iterations: PBKDF2_ITERATIONS });
  });
});
