import { Empty } from "../components/empty.tsx";
import { DateRange } from "../components/time.tsx";
import type { StaffTournament } from "../../queries/account/staff-tournaments.ts";
import { ROLE_LABEL } from "./layout.tsx";

/** The tournaments the user is staff of, and the way to start a new one. */
export function Landing({ tournaments }: { tournaments: StaffTournament[] }) {
  return (
    <>
      <p>
        <a class="button" href="/admin/new">
          New tournament
        </a>
      </p>
      {tournaments.length === 0 ? (
        <Empty>
          You run no tournaments yet. Create one: it stays a draft, visible only to you, until you publish it. If a club added you to its
          staff, its tournament appears here.
        </Empty>
      ) : (
        <ul class="cards">
          {tournaments.map((t) => (
            <li class="card" data-testid="my-tournament">
              <h2 class="card-title">
                <a href={`/admin/t/${t.slug}`}>{t.title}</a>
              </h2>
              <p class="meta">
                <DateRange startsOn={t.startsOn} endsOn={t.endsOn} /> · {t.venue}
              </p>
              <p class="meta">
                <span class={`badge ${t.status === "published" ? "open" : "soon"}`}>{t.status === "published" ? "Published" : "Draft"}</span>{" "}
                {ROLE_LABEL[t.role]}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
