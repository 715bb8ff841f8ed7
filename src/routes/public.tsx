import { Hono } from "hono";
import type { AppEnv } from "../env.ts";

export const publicRoutes = new Hono<AppEnv>();
