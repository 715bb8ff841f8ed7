import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { discipline } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import type { EntryCard } from "../../object/contract/index.ts";
import { tournamentStub } from "../../object-client/stub.ts";
import { RelayPage, type RelayCompetitor } from "../../views/scoring/relay-page.tsx";
import { progressText } from "../../views/scoring/scorecard.tsx";
import type { StaffTournament } from "./access.tsx";
import { currentUser } from "../../auth/session.ts";
import { refuseScoring } from "./access.tsx";
import { type CardInput, scorecardModel } from "../../queries/scoring/card.ts";
import { loadRelay } from "../../queries/scoring/load.ts";

/** How the picked competitor's card is shown: fresh, or after a refused form with its message. */
export type CardExtras = Pick<CardInput, "refused" | "notice">;

/**
 * The relay page: the relay's competitors with their progress (one standings read from the object) and,
 * when one is picked, their card (a second read). Also the answer to a plain (non-htmx) form post that
 * was refused, so the message shows next to the field with the typed value kept.
 */
export async function relayPageResponse(
  c: Context<AppEnv>,
  tournament: StaffTournament,
  relayId: number,
  picked: { entryId: string; card?: EntryCard; extras?: CardExtras } | null,
  status: ContentfulStatusCode = 200,
) {
  const found = await loadRelay(c.get("db"), tournament.id, relayId);
  const d = found ? discipline(found.relay.discipline) : undefined;
  if (!found || !d) return refuseScoring(c, 404, "Relay not found", "This tournament has no relay at this address.");
  const { relay, competitors } = found;

  const stub = tournamentStub(c.env, tournament.id);
  const wanted = picked ? competitors.find((e) => e.entryId === picked.entryId) : undefined;
  const [standings, card] = await Promise.all([
    stub.results(relay.eventId),
    wanted ? (picked?.card ?? stub.card(wanted.entryId)) : null,
  ]);
  const rows = new Map((standings?.rows ?? []).map((r) => [r.entryId, r]));
  const list: RelayCompetitor[] = competitors.map((e) => ({
    entryId: e.entryId,
    firingPoint: e.firingPoint,
    name: e.name,
    club: e.club,
    progress: progressText(d, rows.get(e.entryId) ?? { total: 0, shotsFired: 0 }),
  }));
  const model = {
    tournament,
    event: { id: relay.eventId, title: relay.eventTitle },
    d,
    relay,
    competitors: list,
    card:
      wanted && card
        ? scorecardModel({ slug: tournament.slug, csrf: c.get("csrf"), card, d, competitor: wanted, ...picked?.extras })
        : null,
  };
  return c.html(<RelayPage model={model} nonce={c.get("nonce")} account={{ user: currentUser(c), csrf: c.get("csrf") }} />, status);
}
