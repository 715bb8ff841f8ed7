import type { Context } from "hono";
import { discipline } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import type { EntryCard } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { type CardInput, scorecardModel } from "../../queries/scoring/card.ts";
import { loadRelay } from "../../queries/scoring/load.ts";
import { RelayPage, type RelayCompetitor, SCORING_SCRIPT } from "../../views/scoring/relay-page.tsx";
import { progressText } from "../../views/scoring/scorecard.tsx";

/** How the picked competitor's card is shown: fresh, or after a refused form with its message. */
export type CardExtras = Pick<CardInput, "refused" | "notice">;

/**
 * The relay page of the request's tournament: the relay's competitors with their progress (one standings
 * read from the object) and, when one is picked, their card (a second read). Also the answer to a plain
 * (non-htmx) form post that was refused, so the message shows next to the field with the typed value kept
 * (the caller sets that status first).
 */
export async function relayPageResponse(
  c: Context<AppEnv>,
  relayId: number,
  picked: { entryId: string; card?: EntryCard; extras?: CardExtras } | null,
) {
  const tournament = c.get("tournament");
  const found = await loadRelay(c.get("db"), tournament.id, relayId);
  const d = found ? discipline(found.relay.discipline) : undefined;
  if (!found || !d) throw new Refusal(404, { title: "Relay not found", detail: "This tournament has no relay at this address." });
  const { relay, competitors } = found;

  const client = TournamentClient.of(c);
  const wanted = picked ? competitors.find((e) => e.entryId === picked.entryId) : undefined;
  const [standings, card] = await Promise.all([
    client.call("results", relay.eventId),
    wanted ? (picked?.card ?? client.call("card", wanted.entryId)) : null,
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
    card: wanted && card ? scorecardModel({ slug: tournament.slug, card, d, competitor: wanted, ...picked?.extras }) : null,
  };
  return c.render(<RelayPage model={model} />, {
    title: `${relay.name} · ${relay.eventTitle} · Scoring`,
    scripts: [SCORING_SCRIPT],
    noindex: true,
  });
}
