import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { cacheTags, cacheUntil, edgeCache } from "../../middleware/edge-cache.ts";
import { tournamentBySlug } from "../../middleware/tournament.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { tournamentScope } from "../../queries/cache-versions.ts";
import { PlacesUpdate } from "../../views/competitor/places.tsx";

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
  tournamentBySlug({ published: true, cached: true }),
  async (c) => {
    const t = c.get("tournament");
    // No repair here: an object not yet told its configuration has no figures, and the page keeps its own.
    const snapshot = await TournamentClient.of(c).call("snapshot");
    const now = Date.now();
    const closesAt = t.registrationClosesAt;
    // A copy must not outlive the closing: the last answer after it tells pages to stop asking.
    cacheUntil(c, closesAt > now ? closesAt : null);
    cacheTags(c, [`tournament-${t.id}`]);
    const relays = snapshot.configured ? snapshot.events.flatMap((e) => e.relays) : [];
    return c.render(<PlacesUpdate slug={t.slug} relays={relays} polling={now < closesAt} />, { title: "", fragment: true });
  },
);
