import { expect, onTestFinished, vi } from "vitest";

/**
 * For a test that makes the app fail on purpose (D1 refusing, a page setting a cookie): what the app logs with
 * `console.error` is kept instead of printed, so passing tests stay quiet, and the test says what it expects
 * there. `check()` fails on a message none of the patterns expects, and on a pattern nothing matched.
 */
export function expectErrorLog(...expected: RegExp[]) {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  onTestFinished(() => spy.mockRestore());
  const messages = () => spy.mock.calls.map((args) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" "));
  return {
    messages,
    check() {
      const logged = messages();
      for (const message of logged) expect(expected.some((p) => p.test(message)), `unexpected console.error: ${message}`).toBe(true);
      for (const pattern of expected) expect(logged.some((m) => pattern.test(m)), `nothing logged matches ${pattern}`).toBe(true);
    },
  };
}
