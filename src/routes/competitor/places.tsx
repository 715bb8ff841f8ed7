import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { cacheTags, cacheUntil, edgeCache } from "../../middleware/edge-cache.ts";
import { tournamentStub } from "../../object-client/stub.ts";
import { tournamentScope } from "../../queries/cache-versions.ts";
import { PlacesUpdate } from "../../views/competitor/places.tsx";
import { tournamentFacts } from "../../queries/competitor/facts.ts";

/**
 * Places left on every relay, for the tournament page to poll during the rush. Public and cookie-blind
 * (not under a personal prefix), cached at the edge for a few seconds: however many visitors poll, the
 * tournament object answers one snapshot per data centre per TTL.
 */
export const placesRoutes = new Hono<AppEnv>();

const PLACES_TTL = 3;

placesRoutes.get(
  "/t/:slug/places",
  edgeCache({ ttlSeconds: PLACES_TTL, scopes: (c) => [tournamentScope(c.req.param("slug") ?? "")] }),
  async (c) => {
    const facts = await tournamentFacts(c.get("db"), c.req.param("slug"));
    if (!facts || facts.status !== "published") {
      c.header("Cache-Control", "no-store");
      return c.text("No such tournament.", 404);
    }
    const snapshot = await tournamentStub(c.env, facts.id).snapshot();
    const now = Date.now();
    // A copy must not outlive the closing: the last answer after it tells pages to stop asking.
    cacheUntil(c, facts.closesAt > now ? facts.closesAt : null);
    cacheTags(c, [`tournament-${facts.id}`]);
    // An object not yet told its configuration has no figures: the page keeps its own until it has.
    const relays = snapshot.configured ? snapshot.events.flatMap((e) => e.relays) : [];
    return c.html(<PlacesUpdate slug={facts.slug} relays={relays} polling={now < facts.closesAt} />);
  },
);
