import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env.ts";
import { present } from "../middleware/errors.tsx";
import { Refusal } from "./refusal.ts";

/** TRANSITION: routes not yet converted return this; converted ones throw a `Refusal`. Removed once all are. */
export function refuse(c: Context<AppEnv>, status: ContentfulStatusCode, title: string, detail: string) {
  return present(c, new Refusal(status, { title, detail }));
}
