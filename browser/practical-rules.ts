/**
 * The practical (IPSC) rules as the browser runs them: src/domain/practical itself, bundled by scripts/assets.ts
 * (one source; test/practical/browser-bundle.test.ts checks the bundle against the server's rules).
 */
export * from "../src/domain/practical/index.ts";
