import type { StaffTournament } from "../../queries/account/staff-tournaments.ts";
import { ROLE_LABEL } from "../admin/layout.tsx";
import { Empty } from "../components/empty.tsx";
import { DateRange } from "../components/time.tsx";

/** /score: every tournament the person may score, under way and ahead first; each leads to its relays. */
export function ScoringLanding({ tournaments }: { tournaments: StaffTournament[] }) {
  return (
    <>
      <header class="page-head">
        <p class="eyebrow">Scoring</p>
        <h1>Tournaments you score</h1>
        <p class="lead">Pick the tournament on the range today, then the relay on the line.</p>
      </header>
      {tournaments.length === 0 ? (
        <Empty>
          You score no tournament yet. A tournament's organiser invites range officers from its Staff page; once you accept the
          mailed invitation, the tournament appears here and under Score in the header.
        </Empty>
      ) : (
        <ul class="cards">
          {tournaments.map((t) => (
            <li class="card" data-testid="scoring-tournament">
              <h2 class="card-title">
                <a href={`/score/t/${t.slug}`}>{t.title}</a>
              </h2>
              <p class="meta">
                <DateRange startsOn={t.startsOn} endsOn={t.endsOn} /> · {t.venue}
              </p>
              <p class="meta">
                {t.status === "draft" && <span class="badge soon">Draft</span>} {ROLE_LABEL[t.role]}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
