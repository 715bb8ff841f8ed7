import type { Discipline } from "../../domain/scoring/index.ts";
import { Empty } from "../components/empty.tsx";
import { DateTime } from "../components/time.tsx";
import { relayPath } from "./pick-page.tsx";
import { fpScoreId, Scorecard, type ScorecardModel } from "./scorecard.tsx";

export interface RelayCompetitor {
  entryId: string;
  firingPoint: number | null;
  name: string;
  club: string;
  /** "612.3 · 60 shots" */
  progress: string;
}

export interface RelayModel {
  tournament: { slug: string; title: string; timeZone: string };
  event: { id: number; title: string };
  d: Discipline;
  relay: { id: number; name: string; startsAt: number };
  competitors: RelayCompetitor[];
  card: ScorecardModel | null;
}

export const SCORING_SCRIPT = "/scripts/scoring.js";

function CompetitorLink({ c, href, selected }: { c: RelayCompetitor; href: string; selected: boolean }) {
  return (
    <a class="fp-pick" href={href} aria-current={selected ? "true" : undefined}>
      <span class="fp">FP {c.firingPoint ?? "–"}</span>
      <span class="who">
        <span class="name">{c.name}</span>
        {c.club !== "" && <span class="club">{c.club}</span>}
      </span>
      <span class="fp-score" id={fpScoreId(c.entryId)}>
        {c.progress}
      </span>
    </a>
  );
}

/**
 * A relay on the line: its competitors by firing point and, once one is picked, their card with the shot
 * form. Picking is a plain link, so the page works without JS and a reload keeps the competitor.
 */
export function RelayPage({ model }: { model: RelayModel }) {
  const { tournament, event, relay, competitors, card } = model;
  const base = relayPath(tournament.slug, relay.id);
  const index = card ? competitors.findIndex((c) => c.entryId === card.entryId) : -1;
  const previous = index > 0 ? competitors[index - 1] : undefined;
  const next = index >= 0 ? competitors[index + 1] : undefined;
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/score/t/${tournament.slug}`}>{tournament.title}</a> › {event.title}
      </p>
      <header class="page-head">
        <h1>
          {event.title} · {relay.name}
        </h1>
        <p class="meta">
          {model.d.name} · <DateTime epoch={relay.startsAt} zone={tournament.timeZone} /> ·{" "}
          <a href={`/t/${tournament.slug}/live/${event.id}`}>Live scoreboard</a> ·{" "}
          <a href={`/score/app#/t/${tournament.slug}/relays/${relay.id}`} data-testid="score-offline">
            Score on this device, also offline
          </a>
        </p>
      </header>
      <div class="scoring-layout">
        <div class="scoring-panel">
          {card ? (
            <>
              <nav class="card-steps" aria-label="Other competitors">
                {previous && (
                  <a class="button small secondary" href={`${base}?entry=${previous.entryId}`}>
                    ← FP {previous.firingPoint ?? "–"} {previous.name}
                  </a>
                )}
                {next && (
                  <a class="button small secondary" href={`${base}?entry=${next.entryId}`}>
                    FP {next.firingPoint ?? "–"} {next.name} →
                  </a>
                )}
              </nav>
              <Scorecard model={card} />
            </>
          ) : (
            <p class="empty">Select a competitor to enter their shots.</p>
          )}
        </div>
        <nav class="firing-points" aria-labelledby="firing-points-heading">
          <h2 id="firing-points-heading">Firing points</h2>
          {competitors.length === 0 ? (
            <Empty>No competitor is confirmed on this relay yet.</Empty>
          ) : (
            <ol class="fp-list">
              {competitors.map((c) => (
                <li>
                  <CompetitorLink c={c} href={`${base}?entry=${c.entryId}`} selected={c.entryId === card?.entryId} />
                </li>
              ))}
            </ol>
          )}
        </nav>
      </div>
    </>
  );
}
