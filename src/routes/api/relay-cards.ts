import { Hono } from "hono";
import { discipline } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { loadEventsWithRelays, loadRelay } from "../../queries/scoring/load.ts";
import { scorers as scorersOf } from "./scoring-access.ts";

/**
 * What an offline scoring device keeps (browser/offline): a tournament's relays to pick from, and one relay's
 * cards (competitors, firing points, the discipline, shots so far, open conflicts). Staff sessions, staff
 * tokens and the tournament's scoring tokens (an enrolled tablet) may read them.
 */
export const relayCardRoutes = new Hono<AppEnv>();

const scorers = scorersOf("shots");

relayCardRoutes.get("/tournaments/:slug/scoring/relays", ...scorers, async (c) => {
  const t = c.get("tournament");
  const events = await loadEventsWithRelays(c.get("db"), t.id);
  c.header("Cache-Control", "no-store");
  return c.json({ slug: t.slug, title: t.title, events });
});

relayCardRoutes.get("/tournaments/:slug/relays/:relayId{[1-9][0-9]{0,14}}/cards", ...scorers, async (c) => {
  const t = c.get("tournament");
  const found = await loadRelay(c.get("db"), t.id, Number(c.req.param("relayId")));
  if (!found || !discipline(found.relay.discipline)) {
    throw new Refusal(404, { title: "Relay not found", detail: "This tournament has no relay with this id." });
  }
  const { relay, competitors } = found;
  const client = TournamentClient.of(c);
  const [cards, conflicts] = await Promise.all([
    Promise.all(competitors.map((e) => client.call("card", e.entryId))),
    client.call("conflicts", relay.eventId, false),
  ]);
  const ids = new Set(competitors.map((e) => e.entryId));
  c.header("Cache-Control", "no-store");
  return c.json({
    slug: t.slug,
    tournamentTitle: t.title,
    event: { id: relay.eventId, title: relay.eventTitle },
    discipline: relay.discipline,
    relay: { id: relay.id, name: relay.name, startsAt: relay.startsAt },
    entries: competitors.map((e, i) => ({
      entryId: e.entryId,
      firingPoint: e.firingPoint,
      name: e.name,
      club: e.club,
      status: cards[i]?.status ?? "confirmed",
      shots: cards[i]?.shots ?? [],
    })),
    conflicts: conflicts
      .filter((x) => ids.has(x.entryId))
      .map((x) => ({
        opId: x.opId,
        entryId: x.entryId,
        shotNo: x.shotNo,
        standing: x.standing,
        incoming: { value: x.incoming.value, innerTen: x.incoming.innerTen, deviceId: x.incoming.deviceId },
      })),
  });
});
