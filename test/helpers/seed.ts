import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { app } from "../../src/app.ts";
import { ORIGIN } from "./http.ts";

export const SEED_TOKEN = "seed-token-for-tests";

/** `POST /__seed` on the app with a seed token configured, called as the Worker would be. */
export function seed(token: string | undefined, configured = SEED_TOKEN, body: unknown = {}) {
  const headers = new Headers({ Origin: ORIGIN, "Content-Type": "application/json", Accept: "application/json" });
  if (token !== undefined) headers.set("X-Seed-Token", token);
  const request = new Request(`${ORIGIN}/__seed`, { method: "POST", headers, body: JSON.stringify(body) });
  return app.fetch(request, { ...env, SEED_TOKEN: configured }, createExecutionContext());
}
