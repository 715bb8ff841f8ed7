import { isActive } from "../../domain/registration/types.ts";
import { Empty } from "../components/empty.tsx";
import { Csrf } from "../components/fields.tsx";
import { DateRange } from "../components/time.tsx";
import { EntryPlace, type EntryFigures, type RelayName, StatusBadge } from "./entry-summary.tsx";
import { type Notice, NoticeLine } from "./event-block.tsx";
import { PayNow } from "./payment.tsx";

export interface MyEntry {
  figures: EntryFigures;
  eventTitle: string;
  relay: RelayName | undefined;
}

export interface MyTournament {
  id: number;
  slug: string;
  title: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  /** The fee can be paid online (Stripe); otherwise it is paid at the range. */
  payOnline?: boolean;
  entries: MyEntry[];
}

const entryCardId = (entryId: string) => `entry-${entryId}`;
const groupId = (tournamentId: number) => `my-t-${tournamentId}`;
const withdrawUrl = (entryId: string) => `/me/entries/${encodeURIComponent(entryId)}/withdraw`;

/** One entry: status, where it stands, and the first step of withdrawing it. */
export function EntryCard({ entry, zone, payOnline = false }: { entry: MyEntry; zone: string; payOnline?: boolean | undefined }) {
  const { figures } = entry;
  return (
    <li class={`my-entry ${figures.status}`} id={entryCardId(figures.id)} data-testid="my-entry" data-status={figures.status} data-entry-id={figures.id}>
      <h3>
        {entry.eventTitle} <StatusBadge status={figures.status} />
      </h3>
      <EntryPlace entry={figures} relay={entry.relay} eventTitle={entry.eventTitle} zone={zone} />
      {figures.status === "removed" && figures.note && (
        <p class="entry-note" data-testid="entry-note">
          The organiser’s reason: “{figures.note}”
        </p>
      )}
      {figures.status === "held" && payOnline && <PayNow entryId={figures.id} holdUntil={figures.holdUntil} zone={zone} />}
      {isActive(figures.status) && (
        <p class="my-entry-actions">
          <a
            class="button small secondary"
            href={withdrawUrl(figures.id)}
            hx-get={withdrawUrl(figures.id)}
            hx-target={`#${entryCardId(figures.id)}`}
            hx-swap="outerHTML"
          >
            Withdraw…
          </a>
        </p>
      )}
    </li>
  );
}

/** The second step: say what withdrawing does, and ask once more. */
export function ConfirmWithdrawalCard({ entry, tournamentId, zone }: { entry: MyEntry; tournamentId: number; zone: string }) {
  const { figures } = entry;
  const consequence =
    figures.status === "waitlisted"
      ? "You leave the waitlist."
      : "Your place goes to the first competitor on the waitlist at once.";
  const headingId = `confirm-${figures.id}`;
  return (
    <li class="my-entry confirming" id={entryCardId(figures.id)} data-testid="my-entry" data-status={figures.status} data-entry-id={figures.id}>
      <h3 id={headingId}>
        Withdraw from {entry.eventTitle}? <StatusBadge status={figures.status} />
      </h3>
      <EntryPlace entry={figures} relay={entry.relay} eventTitle={entry.eventTitle} zone={zone} />
      <p>{consequence} To take part again you would have to register anew, if places are left.</p>
      <form
        class="form-actions"
        method="post"
        action={withdrawUrl(figures.id)}
        hx-post={withdrawUrl(figures.id)}
        hx-target={`#${groupId(tournamentId)}`}
        hx-swap="outerHTML"
        hx-disable="find button"
        aria-labelledby={headingId}
      >
        <Csrf />
        <button type="submit" class="danger" autofocus>
          Confirm withdrawal
        </button>
        <a href="/me/entries" hx-get={`/me/entries/${encodeURIComponent(figures.id)}`} hx-target={`#${entryCardId(figures.id)}`} hx-swap="outerHTML">
          Keep my entry
        </a>
      </form>
    </li>
  );
}

export interface TournamentGroupProps {
  tournament: MyTournament;
  notice?: Notice | undefined;
  /** The entry whose withdrawal is being confirmed (the page without script shows the step in place). */
  confirming?: string | undefined;
}

export function TournamentGroup({ tournament, notice, confirming }: TournamentGroupProps) {
  const headingId = `${groupId(tournament.id)}-heading`;
  const zone = tournament.timeZone;
  return (
    <section class="my-tournament" id={groupId(tournament.id)} aria-labelledby={headingId} data-testid="my-tournament">
      <h2 id={headingId}>
        <a href={`/t/${tournament.slug}`}>{tournament.title}</a>
      </h2>
      <p class="meta">
        <DateRange startsOn={tournament.startsOn} endsOn={tournament.endsOn} />
      </p>
      {notice && <NoticeLine notice={notice} />}
      <ul class="my-entries">
        {tournament.entries.map((e) =>
          e.figures.id === confirming ? (
            <ConfirmWithdrawalCard entry={e} tournamentId={tournament.id} zone={zone} />
          ) : (
            <EntryCard entry={e} zone={zone} payOnline={tournament.payOnline} />
          ),
        )}
      </ul>
    </section>
  );
}

export interface MyEntriesPageProps {
  tournaments: MyTournament[];
  confirming?: string | undefined;
}

/** The page's content; the route renders it in the layout (`c.render`, title "My entries"). */
export function MyEntriesPage({ tournaments, confirming }: MyEntriesPageProps) {
  return (
    <section class="my-entries-page">
      <h1>My entries</h1>
      <div id="my-entries-notice"></div>
      {tournaments.length === 0 ? (
        <Empty>
          You have not entered any tournament yet. <a href="/">Find a tournament</a> and register from its page.
        </Empty>
      ) : (
        tournaments.map((t) => <TournamentGroup tournament={t} confirming={confirming} />)
      )}
    </section>
  );
}
