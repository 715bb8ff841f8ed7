import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: ["./src/db/schema.ts", "./src/db/accounts-schema.ts", "./src/db/practical-schema.ts", "./src/db/payments-schema.ts"],
  out: "./migrations",
  migrations: { prefix: "index" },
});
