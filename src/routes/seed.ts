import { Hono } from "hono";
import type { AppEnv } from "../env.ts";

export const seedRoutes = new Hono<AppEnv>();
