import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { buildAssets } from "./scripts/assets.ts";

// The hashed assets and their manifest (git-ignored): made here too, so `npx vitest` works on a fresh clone.
await buildAssets();
const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      // The local mailbox is on in tests, as under npm start: sent mail (and its links) is readable in D1.
      miniflare: { bindings: { TEST_MIGRATIONS: migrations, LOCAL_MAILBOX: "on" } },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    exclude: ["test/e2e/**", "node_modules/**"],
    setupFiles: ["./test/setup/apply-migrations.ts"],
  },
});
