import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { buildAssets } from "./scripts/assets.ts";
import { startFakeStripe } from "./test/fakes/stripe-server.ts";

// The hashed assets and their manifest (git-ignored): made here too, so `npx vitest` works on a fresh clone.
await buildAssets();
const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
// Stripe's servers are the one thing faked (test/fakes/stripe-server.ts); the Worker's real Stripe client talks to it.
const STRIPE_WEBHOOK_SECRET = "whsec_test_tenring";
const fakeStripe = await startFakeStripe({ webhookSecret: STRIPE_WEBHOOK_SECRET });

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      // The local mailbox is on in tests, as under npm start: sent mail (and its links) is readable in D1.
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          LOCAL_MAILBOX: "on",
          STRIPE_SECRET_KEY: "sk_test_tenring",
          STRIPE_WEBHOOK_SECRET,
          STRIPE_API_BASE: fakeStripe.base,
        },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    exclude: ["test/e2e/**", "node_modules/**"],
    setupFiles: ["./test/setup/apply-migrations.ts"],
  },
});
