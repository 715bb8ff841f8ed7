import type { EntryRow } from "../../queries/admin/entries.ts";
import { Empty } from "../components/empty.tsx";
import { Csrf } from "../components/fields.tsx";
import { DateTime } from "../components/time.tsx";
import { matchCount } from "./filters.tsx";

export interface CheckInRelay {
  id: number;
  name: string;
  eventTitle: string;
  startsAt: number;
  expected: number;
  checkedIn: number;
}

export interface CheckInProps {
  slug: string;
  zone: string;
  q: string;
  relayId: number | null;
  relays: CheckInRelay[];
  rows: EntryRow[];
  total: number;
}

/** Checked in / expected per relay; swapped out of band after each tap so the counts stay true. */
export function CheckInCounts({ relays, oob = false }: { relays: CheckInRelay[]; oob?: boolean }) {
  return (
    <ul id="checkin-counts" class="checkin-counts" hx-swap-oob={oob ? "true" : undefined} aria-label="Checked in per relay">
      {relays.map((r) => (
        <li data-testid="checkin-count" data-relay={String(r.id)}>
          <span class="checkin-count-name">
            {r.eventTitle} · {r.name}
          </span>
          <span class="checkin-count-value">
            {r.checkedIn} / {r.expected}
          </span>
          <progress max={Math.max(r.expected, 1)} value={r.checkedIn} aria-hidden="true" />
        </li>
      ))}
    </ul>
  );
}

export function CheckInRow(props: { slug: string; zone: string; q: string; entry: EntryRow; relay: CheckInRelay | undefined }) {
  const e = props.entry;
  const done = e.checkedInAt !== null;
  const action = `/admin/t/${props.slug}/check-in/${e.id}`;
  return (
    <li class={done ? "checkin-row checked" : "checkin-row"} id={`checkin-${e.id}`} data-testid="checkin-row">
      <div class="checkin-who">
        <strong class="checkin-name">{e.name}</strong>
        {e.club && <span class="checkin-club">{e.club}</span>}
        <span class="checkin-where">
          {props.relay ? `${props.relay.eventTitle} · ${props.relay.name}` : ""}
          {e.firingPoint !== null && ` · FP ${e.firingPoint}`}
          {e.status === "held" && <span class="tag warn">unpaid</span>}
        </span>
        {done && (
          <span class="checkin-done" data-testid="checked-in">
            ✓ Checked in <DateTime epoch={e.checkedInAt!} zone={props.zone} style="time" />
          </span>
        )}
      </div>
      <form method="post" action={action} hx-post={action} hx-target="closest li" hx-swap="outerHTML">
        <Csrf />
        <input type="hidden" name="checkedIn" value={done ? "0" : "1"} />
        <input type="hidden" name="q" value={props.q} />
        <button type="submit" class={done ? "secondary checkin-button" : "checkin-button"} aria-label={`${done ? "Undo check-in of" : "Check in"} ${e.name}`}>
          {done ? "Undo" : "Check in"}
        </button>
      </form>
    </li>
  );
}

export function CheckInList(p: CheckInProps) {
  const relays = new Map(p.relays.map((r) => [r.id, r]));
  return (
    <div id="checkin-list" aria-live="polite">
      <p class="meta" data-testid="checkin-matches">
        {matchCount(p.rows.length, p.total, "competitors")}
      </p>
      {p.rows.length === 0 ? (
        <Empty>{p.total === 0 ? "Nobody has a place yet." : "Nobody matches this search."}</Empty>
      ) : (
        <ul class="checkin-rows">
          {p.rows.map((e) => (
            <CheckInRow slug={p.slug} zone={p.zone} q={p.q} entry={e} relay={e.relayId === null ? undefined : relays.get(e.relayId)} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** Phone-first: counts on top, a search box, one big button per competitor. Works without JavaScript too. */
export function CheckInView(p: CheckInProps) {
  const url = `/admin/t/${p.slug}/check-in`;
  return (
    <div class="checkin">
      <CheckInCounts relays={p.relays} />
      <form class="checkin-search" method="get" action={url} role="search" aria-label="Find a competitor">
        <label for="checkin-q" class="visually-hidden">
          Name or club
        </label>
        <input
          id="checkin-q"
          type="search"
          name="q"
          value={p.q}
          placeholder="Name or club"
          autocomplete="off"
          enterkeyhint="search"
          hx-get={url}
          hx-trigger="input changed delay:300ms, search"
          hx-target="#checkin-list"
          hx-include="closest form"
        />
        <label for="checkin-relay" class="visually-hidden">
          Relay
        </label>
        <select id="checkin-relay" name="relay" hx-get={url} hx-trigger="change" hx-target="#checkin-list" hx-include="closest form">
          <option value="">All relays</option>
          {p.relays.map((r) => (
            <option value={String(r.id)} selected={r.id === p.relayId}>
              {r.eventTitle} · {r.name}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary small no-js-only">
          Find
        </button>
      </form>
      <CheckInList {...p} />
    </div>
  );
}
