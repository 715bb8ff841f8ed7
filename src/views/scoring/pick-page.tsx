import { disciplineName } from "../../domain/practical/discipline-name.ts";
import { PRACTICAL_DISCIPLINE } from "../../domain/practical/rulebook.ts";
import { sheetPath } from "./stage-sheet.tsx";
import { Empty } from "../components/empty.tsx";
import { DateTime } from "../components/time.tsx";

export interface PickModel {
  tournament: { slug: string; title: string; timeZone: string };
  events: {
    id: number;
    title: string;
    discipline: string;
    relays: { id: number; name: string; startsAt: number; confirmed: number }[];
  }[];
}

export const relayPath = (slug: string, relayId: number) => `/score/t/${slug}/relays/${relayId}`;

/** The range officer's start: every event of the tournament with its relays to score. */
export function PickPage({ model }: { model: PickModel }) {
  const { tournament } = model;
  return (
    <>
      <header class="page-head">
        <p class="eyebrow">
          <a href="/score">Scoring</a>
        </p>
        <h1>{tournament.title}</h1>
        <p class="lead">Pick the relay on the line, then a competitor, and enter the shots as they are scored.</p>
      </header>
      {model.events.length === 0 ? (
        <Empty>This tournament has no events yet.</Empty>
      ) : (
        model.events.map((event) => (
          <section class="scoring-event" aria-labelledby={`scoring-event-${event.id}`}>
            <h2 id={`scoring-event-${event.id}`}>
              {event.title} <span class="discipline">{disciplineName(event.discipline)}</span>
            </h2>
            {event.discipline === PRACTICAL_DISCIPLINE ? (
              <p>
                <a class="button" href={sheetPath(tournament.slug, event.id)}>
                  Stage score sheet
                </a>
              </p>
            ) : event.relays.length === 0 ? (
              <Empty>No relays are scheduled for this event.</Empty>
            ) : (
              <ul class="relay-picks">
                {event.relays.map((relay) => (
                  <li>
                    <a class="relay-pick" href={relayPath(tournament.slug, relay.id)}>
                      <span class="relay-name">{relay.name}</span>
                      <span class="meta">
                        <DateTime epoch={relay.startsAt} zone={tournament.timeZone} style="day" /> · {relay.confirmed}{" "}
                        {relay.confirmed === 1 ? "competitor" : "competitors"}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <p class="hint">
              <a href={`/t/${tournament.slug}/live/${event.id}`}>Live scoreboard</a> ·{" "}
              <a href={`/t/${tournament.slug}/results/${event.id}`}>Results</a>
            </p>
          </section>
        ))
      )}
    </>
  );
}
