import { expect, onTestFinished, vi } from "vitest";

/**
 * For a test that makes the app fail on purpose (D1 refusing, a page setting a cookie): what the app logs with
 * `console.error` is kept instead of printed, so passing tests stay quiet, and the test says what it expects
 * there. `check()` fails on a message none of the patterns expects, and on a pattern nothing matched.
 */
export function expectErrorLog(...expected: RegExp[]) {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  onTestFinished(() => spy.mockRestore());
  const messages = () => spy.mock.calls.map((args) => args.map(readable).join(" "));
  return {
    messages,
    check() {
      const logged = messages();
      for (const message of logged) expect(expected.some((p) => p.test(message)), `unexpected console.error: ${message}`).toBe(true);
      for (const pattern of expected) expect(logged.some((m) => pattern.test(m)), `nothing logged matches ${pattern}`).toBe(true);
    },
  };
}

/**
 * A logged line as a person reads it: the app logs JSON lines (src/lib/log.ts), shown here as the message,
 * its fields as `name=value`, then the error's message, so a test's pattern reads like the log's sense.
 */
function readable(logged: unknown): string {
  if (logged instanceof Error) return `${logged.name}: ${logged.message}`;
  const text = String(logged);
  let line: Record<string, unknown>;
  try {
    line = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return text;
  }
  const { message, error, level: _level, at: _at, ...fields } = line;
  const pairs = Object.entries(fields).map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const failure = error && typeof error === "object" ? ` error: ${String((error as { message?: unknown }).message)}` : "";
  return `${String(message)} ${pairs.join(" ")}${failure}`;
}
