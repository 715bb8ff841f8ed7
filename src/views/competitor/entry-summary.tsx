import type { EntryStatus } from "../../object/contract/index.ts";
import { Badge } from "../components/badge.tsx";
import { DateTime } from "../components/time.tsx";

/** The parts of an entry the competitor pages show, whether it comes from the object or from D1's copy. */
export interface EntryFigures {
  id: string;
  tournamentId: number;
  eventId: number;
  relayId: number | null;
  status: EntryStatus;
  firingPoint: number | null;
  waitlistPosition: number | null;
  /** Known only when read from the object (D1 keeps no hold time). */
  holdUntil: number | null;
  /** The organiser's reason for removing the entry; shown to the competitor. */
  note?: string | null;
}

export interface RelayName {
  name: string;
  startsAt: number;
}

const ENDED: Record<"withdrawn" | "removed" | "expired", string> = {
  withdrawn: "Withdrawn",
  removed: "Removed by the organiser",
  expired: "Hold expired",
};

export function StatusBadge({ status }: { status: EntryStatus }) {
  if (status === "confirmed" || status === "held" || status === "waitlisted") return <Badge kind={status} />;
  return <Badge kind="closed" label={ENDED[status]} />;
}

/** Where the entry stands: its relay and start, its waitlist place, or when its hold lapses. */
export function EntryPlace({ entry, relay, eventTitle, zone }: { entry: EntryFigures; relay: RelayName | undefined; eventTitle: string; zone: string }) {
  const relayLine = relay ? (
    <>
      <span data-testid="entry-relay">{relay.name}</span>, <DateTime epoch={relay.startsAt} zone={zone} />
    </>
  ) : null;
  if (entry.status === "waitlisted") {
    return (
      <p class="entry-place">
        Number <strong data-testid="waitlist-position">{entry.waitlistPosition ?? "?"}</strong> on the waitlist for{" "}
        {relay ? <span data-testid="entry-relay">{relay.name}</span> : <>any relay of {eventTitle}</>}. A place that frees up
        goes to the first in line at once.
      </p>
    );
  }
  if (entry.status === "confirmed" || entry.status === "held") {
    return (
      <p class="entry-place">
        {relayLine ?? "Relay to be assigned"}
        {entry.firingPoint !== null && (
          <>
            , firing point <strong data-testid="firing-point">{entry.firingPoint}</strong>
          </>
        )}
        .
        {entry.status === "held" && (
          <>
            {" "}
            {entry.holdUntil !== null ? (
              <>
                Your place is held until <DateTime epoch={entry.holdUntil} zone={zone} />: pay the entry fee by then to keep it.
              </>
            ) : (
              <>Your place is held until you pay the entry fee.</>
            )}
          </>
        )}
      </p>
    );
  }
  return relayLine ? <p class="entry-place muted">Was: {relayLine}.</p> : null;
}
