/**
 * The scoring rules as the browser runs them: src/domain/scoring itself, bundled by scripts/assets.ts (one
 * source; test/scoring/browser-bundle.test.ts checks the bundle against the server's rules).
 */
export * from "../src/domain/scoring/index.ts";
