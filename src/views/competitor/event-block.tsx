import type { Child } from "hono/jsx";
import { Csrf } from "../components/fields.tsx";
import { DateTime } from "../components/time.tsx";
import { EntryPlace, type EntryFigures, type RelayName, StatusBadge } from "./entry-summary.tsx";
import { PracticalFields, type PracticalFormChoice } from "./practical-choice.tsx";

export interface RelayChoice {
  id: number;
  name: string;
  startsAt: number;
  /** null when the figure could not be read just now (the form still works). */
  placesLeft: number | null;
}

export interface Notice {
  tone: "error" | "success" | "info";
  text: Child;
}

export type EventBlockBody =
  | {
      kind: "form";
      relays: RelayChoice[];
      /** The idempotency key this form sends: a double click or a resubmit sends the same one. */
      key: string;
      /** The relay id or "any" to preselect (kept after a refusal). */
      selected?: string;
      notice?: Notice;
      relayError?: string;
      /** A practical event: the division and power factor fields. */
      practical?: PracticalFormChoice;
    }
  | { kind: "entry"; entry: EntryFigures; relay: RelayName | undefined; justNow: boolean; notice?: Notice }
  | { kind: "notice"; notice: Notice };

export interface EventBlockProps {
  slug: string;
  tournamentId: number;
  zone: string;
  event: { id: number; title: string };
  body: EventBlockBody;
}

const eventBlockId = (eventId: number) => `reg-event-${eventId}`;
export const myEntriesLink = (tournamentId: number) => `/me/entries?fresh=${tournamentId}`;

export function NoticeLine({ notice }: { notice: Notice }) {
  const role = notice.tone === "error" ? "alert" : "status";
  return (
    <p class={`notice ${notice.tone}`} role={role} tabindex={-1} autofocus data-testid="reg-notice">
      {notice.text}
    </p>
  );
}

function placesText(left: number | null): string {
  if (left === null) return "";
  if (left === 0) return "Full: join the waitlist";
  return left === 1 ? "1 place left" : `${left} places left`;
}

function defaultChoice(relays: RelayChoice[]): string {
  const withRoom = relays.find((r) => r.placesLeft === null || r.placesLeft > 0);
  return withRoom ? String(withRoom.id) : "any";
}

function RelayForm({ slug, zone, event, body }: Omit<EventBlockProps, "body" | "tournamentId"> & { body: Extract<EventBlockBody, { kind: "form" }> }) {
  const action = `/me/t/${slug}/entries`;
  const selected = body.selected ?? defaultChoice(body.relays);
  const known = body.relays.every((r) => r.placesLeft !== null);
  const anyLeft = known ? body.relays.reduce((sum, r) => sum + (r.placesLeft ?? 0), 0) : null;
  const legendId = `reg-relay-legend-${event.id}`;
  const errorId = `reg-relay-error-${event.id}`;
  return (
    <form
      class="reg-form"
      method="post"
      action={action}
      hx-post={action}
      hx-target={`#${eventBlockId(event.id)}`}
      hx-swap="outerHTML"
      hx-disable="find button"
    >
      <Csrf />
      <input type="hidden" name="event" value={String(event.id)} />
      <input type="hidden" name="key" value={body.key} />
      {body.practical && <PracticalFields eventId={event.id} choice={body.practical} />}
      <fieldset class="reg-relays" aria-describedby={body.relayError ? errorId : undefined}>
        <legend id={legendId}>{body.practical ? "Choose a squad" : "Choose a relay"}</legend>
        {body.relays.map((r) => (
          <label class="reg-choice" data-testid="reg-choice" data-relay-id={String(r.id)}>
            <input type="radio" name="relay" value={String(r.id)} checked={selected === String(r.id)} required />
            <span class="reg-choice-name">{r.name}</span>
            <span class="reg-choice-start">
              <DateTime epoch={r.startsAt} zone={zone} style="day" />
            </span>
            <span class={r.placesLeft === 0 ? "reg-places full" : "reg-places"} data-testid="reg-places">
              {placesText(r.placesLeft)}
            </span>
          </label>
        ))}
        <label class="reg-choice" data-testid="reg-choice" data-relay-id="any">
          <input type="radio" name="relay" value="any" checked={selected === "any"} required />
          <span class="reg-choice-name">{body.practical ? "Any squad of this match" : "Any relay of this event"}</span>
          <span class="reg-choice-start">the earliest with a free place</span>
          <span class={anyLeft === 0 ? "reg-places full" : "reg-places"} data-testid="reg-places">
            {placesText(anyLeft)}
          </span>
        </label>
        {body.relayError && (
          <p class="field-error" id={errorId}>
            {body.relayError}
          </p>
        )}
      </fieldset>
      <div class="form-actions">
        <button type="submit">Register for {event.title}</button>
        <span class="htmx-indicator reg-busy">Registering…</span>
      </div>
    </form>
  );
}

/** One event of the registration panel: its form, the competitor's entry in it, or why neither. */
export function EventBlock(props: EventBlockProps) {
  const { event, body, zone, tournamentId } = props;
  return (
    <div class="reg-event" id={eventBlockId(event.id)} data-testid="reg-event" data-event-id={String(event.id)}>
      <h3>{event.title}</h3>
      {body.kind === "notice" && <NoticeLine notice={body.notice} />}
      {body.kind === "form" && (
        <>
          {body.notice && <NoticeLine notice={body.notice} />}
          {body.relays.length === 0 ? (
            <p class="empty">This event has no relays open for entries yet.</p>
          ) : (
            <RelayForm {...props} body={body} />
          )}
        </>
      )}
      {body.kind === "entry" && (
        <div
          class={`reg-result ${body.entry.status}`}
          data-testid="reg-result"
          data-status={body.entry.status}
          role={body.justNow ? "status" : undefined}
          tabindex={body.justNow ? -1 : undefined}
          autofocus={body.justNow}
        >
          {body.notice && <NoticeLine notice={body.notice} />}
          <p class="reg-result-head">
            {body.justNow ? "Registered: " : "Your entry: "}
            <StatusBadge status={body.entry.status} />
          </p>
          <EntryPlace entry={body.entry} relay={body.relay} eventTitle={event.title} zone={zone} />
          <p>
            <a href={myEntriesLink(tournamentId)}>My entries</a>
          </p>
        </div>
      )}
    </div>
  );
}
