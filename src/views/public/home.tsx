import type { Child } from "hono/jsx";
import type { HomeModel, TournamentSummary } from "../../queries/public/home.ts";
import type { Phase } from "../../domain/calendar/phase.ts";
import { Badge } from "../components/badge.tsx";
import { Empty } from "../components/empty.tsx";
import { Countdown, DateRange, DateTime } from "../components/time.tsx";

interface GroupSpec {
  phase: Phase;
  heading: string;
  empty: string;
  /** Shown only when it has tournaments. */
  optional?: boolean;
}

const GROUPS: GroupSpec[] = [
  { phase: "soon", heading: "Registration opens soon", empty: "No registration is due to open. New tournaments appear here as soon as they are published." },
  { phase: "open", heading: "Registration open", empty: "No tournament is taking entries right now." },
  { phase: "live", heading: "Live now", empty: "No tournament is under way today." },
  { phase: "closed", heading: "Coming up, registration closed", empty: "", optional: true },
  { phase: "past", heading: "Past tournaments", empty: "No finished tournaments yet." },
];

function CardDetail({ t, phase, now }: { t: TournamentSummary; phase: Phase; now: number }): Child {
  switch (phase) {
    case "soon":
      return (
        <Countdown
          target={t.registrationOpensAt}
          now={now}
          zone={t.timeZone}
          label="Registration opens in"
          doneLabel="Registration is opening"
          atZero="reload"
        />
      );
    case "open":
      return (
        <p class="card-note">
          Entries close <DateTime epoch={t.registrationClosesAt} zone={t.timeZone} />
        </p>
      );
    case "live":
      return <p class="card-note">Shooting today at {t.venue}.</p>;
    case "past":
      return (
        <p class="card-note">
          <a href={`/t/${t.slug}/results`}>Results</a>
        </p>
      );
    default:
      return null;
  }
}

function Card({ t, phase, now }: { t: TournamentSummary; phase: Phase; now: number }) {
  return (
    <li class="card" data-testid="tournament-card">
      <h3 class="card-title">
        <a href={`/t/${t.slug}`}>{t.title}</a>
      </h3>
      <Badge kind={phase} />
      <p class="meta">
        {t.club ? `${t.club} · ` : ""}
        {t.venue}
      </p>
      <p class="meta">
        <DateRange startsOn={t.startsOn} endsOn={t.endsOn} />
      </p>
      <CardDetail t={t} phase={phase} now={now} />
    </li>
  );
}

/** The home page (title "Tenring"): tournaments grouped by where their registration stands. */
export function HomePage({ model, now }: { model: HomeModel; now: number }) {
  return (
    <>
      <section class="intro">
        <h1>Shooting tournaments</h1>
        <p class="lead">Find a match, register for a relay, and follow the results live.</p>
      </section>
      {GROUPS.map((g) => {
        const list = model.groups[g.phase];
        if (g.optional && list.length === 0) return null;
        return (
          <section class="group" id={`group-${g.phase}`} aria-labelledby={`group-${g.phase}-heading`}>
            <h2 id={`group-${g.phase}-heading`}>{g.heading}</h2>
            {list.length === 0 ? (
              <Empty>{g.empty}</Empty>
            ) : (
              <ul class="cards">
                {list.map((t) => (
                  <Card t={t} phase={g.phase} now={now} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
