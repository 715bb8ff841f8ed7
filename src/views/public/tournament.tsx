import { disciplineName } from "../../domain/practical/discipline-name.ts";
import type { Phase } from "../../domain/calendar/phase.ts";
import type { EventRow, RelayRow, TournamentPageModel } from "../../queries/public/tournament-page.ts";
import { Badge } from "../components/badge.tsx";
import { Empty } from "../components/empty.tsx";
import { Money } from "../components/money.tsx";
import { TableHead } from "../components/table.tsx";
import { Countdown, DateRange, DateTime } from "../components/time.tsx";
import { PlacesLeftFigure, PlacesPoller, placesCellId } from "../competitor/places.tsx";

function PlacesLeft({ relay }: { relay: RelayRow }) {
  return (
    <td class="places" id={placesCellId(relay.id)}>
      <PlacesLeftFigure relay={relay} />
    </td>
  );
}

/** Once the match days have come, places left mean nothing: the relay shows who shoots on it. */
const showsEntrants = (phase: Phase) => phase === "live" || phase === "past";

function EventSection({ event, zone, slug, phase }: { event: EventRow; zone: string; slug: string; phase: Phase }) {
  const headingId = `event-${event.id}-heading`;
  return (
    <section class="event" id={`event-${event.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {event.title} <span class="discipline">{disciplineName(event.discipline)}</span>
      </h3>
      <p class="event-links">
        <a href={`/t/${slug}/results/${event.id}`}>Results</a> · <a href={`/t/${slug}/live/${event.id}`}>Live scoreboard</a>
        {event.finalId !== null && (
          <>
            {" · "}
            <a href={`/t/${slug}/finals/${event.finalId}`} data-testid="final-link">
              Final
            </a>
          </>
        )}
      </p>
      {event.relays.length === 0 ? (
        <Empty>Relays for this event have not been scheduled yet.</Empty>
      ) : (
        <table class="relays">
          <TableHead
            columns={["Relay", "Start", { label: "Firing points", num: true }, { label: showsEntrants(phase) ? "Competitors" : "Places", num: true }]}
          />
          <tbody>
            {event.relays.map((r) => (
              <tr data-testid="relay" id={`relay-${r.id}`} data-relay-id={String(r.id)}>
                <th scope="row">{r.name}</th>
                <td>
                  <DateTime epoch={r.startsAt} zone={zone} style="day" />
                </td>
                <td class="num">{r.firingPoints}</td>
                {showsEntrants(phase) ? (
                  <td class="num" data-testid="entrants">
                    {r.entered}
                  </td>
                ) : (
                  <PlacesLeft relay={r} />
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {event.waitlisted > 0 && !showsEntrants(phase) && (
        <p class="hint" data-testid="waitlisted">
          {event.waitlisted} on the waitlist
        </p>
      )}
    </section>
  );
}

/** Filled for the visitor by an uncached fragment; without JS, a link to sign in and come back. */
function RegistrationSlot({ slug }: { slug: string }) {
  const fallback = `/account/sign-in?next=${encodeURIComponent(`/t/${slug}`)}`;
  // A missing or failing fragment leaves the fallback in place rather than swapping an error page in.
  const keepFallback = { "hx-status:4xx": "swap:none", "hx-status:5xx": "swap:none" };
  return (
    <section
      id="registration"
      class="registration"
      aria-labelledby="registration-heading"
      hx-get={`/fragments/t/${slug}/registration`}
      hx-trigger="load, registration-opens from:body"
      hx-swap="innerHTML"
      {...keepFallback}
    >
      <h2 id="registration-heading">Your entry</h2>
      <p>
        <a class="button" href={fallback}>
          Sign in to register
        </a>
      </p>
    </section>
  );
}

/** A tournament's public page (titled with the tournament): facts, registration slot, events and relays. */
export function TournamentPage({ model, phase, now }: { model: TournamentPageModel; phase: Phase; now: number }) {
  const t = model.tournament;
  const zone = t.timeZone;
  return (
    <article class="tournament">
      <header class="page-head">
        {t.club && <p class="eyebrow">{t.club}</p>}
        <h1>{t.title}</h1>
        <span id="tournament-phase" data-testid="tournament-phase" data-phase={phase}>
          <Badge kind={phase} />
        </span>
      </header>
      <dl class="facts">
        <div>
          <dt>Venue</dt>
          <dd>{t.venue}</dd>
        </div>
        <div>
          <dt>Dates</dt>
          <dd>
            <DateRange startsOn={t.startsOn} endsOn={t.endsOn} />
          </dd>
        </div>
        <div>
          <dt>Entry fee</dt>
          <dd>
            <Money minorUnits={t.entryFeeCents} currency={t.currency} />
          </dd>
        </div>
        <div>
          <dt>Registration</dt>
          <dd>
            opens <DateTime epoch={t.registrationOpensAt} zone={zone} />
            <br />
            closes <DateTime epoch={t.registrationClosesAt} zone={zone} />
            <br />
            <span class="hint">Times in the tournament's time zone, {zone}.</span>
          </dd>
        </div>
      </dl>
      {phase === "soon" && (
        // Removed (and the badge switched) by public/scripts/app.js when the panel below shows the opening.
        <div id="opening-countdown" data-testid="opening-countdown">
          <Countdown
            target={t.registrationOpensAt}
            now={now}
            zone={zone}
            label="Registration opens in"
            doneLabel="Registration is opening…"
            atZero="event"
          />
        </div>
      )}
      {t.description && (
        <section class="about" aria-labelledby="about-heading">
          <h2 id="about-heading">About</h2>
          <p class="description">{t.description}</p>
        </section>
      )}
      <RegistrationSlot slug={t.slug} />
      <section class="events" aria-labelledby="events-heading">
        <h2 id="events-heading">Events and relays</h2>
        {model.events.length === 0 ? (
          <Empty>The organiser has not added any events yet.</Empty>
        ) : (
          model.events.map((e) => <EventSection event={e} zone={zone} slug={t.slug} phase={phase} />)
        )}
        {(phase === "open" || phase === "soon") && <PlacesPoller slug={t.slug} mode={phase === "open" ? "open" : "at-opening"} />}
      </section>
    </article>
  );
}
