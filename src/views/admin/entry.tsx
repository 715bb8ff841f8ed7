import type { EntryRow } from "../../queries/admin/entries.ts";
import type { Errors } from "../../lib/forms.ts";
import { Csrf, FormProblem, Input, Saved, Select } from "../components/fields.tsx";
import { DateTime } from "../components/time.tsx";
import { StatusBadge } from "./entries.tsx";

export interface RelayRoom {
  id: number;
  name: string;
  startsAt: number;
  firingPoints: number;
  /** Free firing points for an organiser (reserved places count as free). */
  free: number;
}

export interface EntryPageProps {
  slug: string;
  zone: string;
  entry: EntryRow;
  eventTitle: string;
  relays: RelayRoom[];
  errors: Errors;
  values: Record<string, string>;
  notice?: string;
  feeLabel: string | null;
}

/** One entry with everything an organiser can do to it, each a small form of its own. */
export function EntryView(p: EntryPageProps) {
  const { entry: e, errors } = p;
  const action = (what: string) => `/admin/t/${p.slug}/entries/${e.id}/${what}`;
  const relay = p.relays.find((r) => r.id === e.relayId);
  const placed = e.status === "confirmed" || e.status === "held";
  const active = placed || e.status === "waitlisted";
  return (
    <>
      {p.notice && <Saved>{p.notice}</Saved>}
      {errors.form && <FormProblem id="entry-problem">{errors.form}</FormProblem>}
      <dl class="facts entry-facts">
        <div>
          <dt>Competitor</dt>
          <dd>
            {e.name}
            {e.club && ` · ${e.club}`}
            {e.email && <span class="meta"> · {e.email}</span>}
            {e.walkUp && <span class="tag">no account</span>}
          </dd>
        </div>
        <div>
          <dt>Event</dt>
          <dd>{p.eventTitle}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="entry-status">
            <StatusBadge entry={e} />
            {e.status === "held" && e.holdUntil !== null && (
              <span class="meta">
                {" "}
                until <DateTime epoch={e.holdUntil} zone={p.zone} style="day" />
              </span>
            )}
            {e.note && <span class="meta"> · {e.note}</span>}
          </dd>
        </div>
        <div>
          <dt>Relay and firing point</dt>
          <dd data-testid="entry-place">
            {relay ? (
              <>
                {relay.name} (<DateTime epoch={relay.startsAt} zone={p.zone} style="day" />)
                {placed && e.firingPoint !== null && ` · firing point ${e.firingPoint}`}
              </>
            ) : (
              "Any relay"
            )}
          </dd>
        </div>
        <div>
          <dt>Check-in</dt>
          <dd>{e.checkedInAt !== null ? <DateTime epoch={e.checkedInAt} zone={p.zone} style="day" /> : "Not checked in"}</dd>
        </div>
      </dl>

      {e.status === "held" && (
        <section class="entry-action" aria-labelledby="paid-title">
          <h2 id="paid-title">Payment</h2>
          {errors.paid && <p class="field-error">{errors.paid}</p>}
          <form method="post" action={action("paid")}>
            <Csrf />
            <button type="submit">Mark paid{p.feeLabel ? ` (${p.feeLabel})` : ""}</button>
          </form>
        </section>
      )}

      {placed && (
        <section class="entry-action" aria-labelledby="checkin-title">
          <h2 id="checkin-title">Check-in</h2>
          {errors.checkin && <p class="field-error">{errors.checkin}</p>}
          <form method="post" action={`/admin/t/${p.slug}/check-in/${e.id}`}>
            <Csrf />
            <input type="hidden" name="checkedIn" value={e.checkedInAt === null ? "1" : "0"} />
            <input type="hidden" name="back" value="entry" />
            <button type="submit" class={e.checkedInAt === null ? "" : "secondary"}>
              {e.checkedInAt === null ? "Check in" : "Undo check-in"}
            </button>
          </form>
        </section>
      )}

      {active && (
        <section class="entry-action" aria-labelledby="move-title">
          <h2 id="move-title">Move to another relay</h2>
          <form method="post" action={action("move")} class="form">
            <Csrf />
            <Select
              form="move"
              name="relayId"
              label="Relay"
              value={p.values.relayId ?? ""}
              error={errors.relayId}
              placeholder="Choose a relay"
              options={p.relays
                .filter((r) => r.id !== e.relayId || !placed)
                .map((r) => ({
                  value: String(r.id),
                  label: `${r.name} — ${r.free === 0 ? "full" : `${r.free} free`}`,
                  disabled: r.free === 0,
                }))}
              hint="Only relays with a free firing point; reserved places count. The place left behind goes to the waitlist."
            />
            <div class="form-actions">
              <button type="submit">Move</button>
            </div>
          </form>
        </section>
      )}

      {placed && (
        <section class="entry-action" aria-labelledby="point-title">
          <h2 id="point-title">Firing point</h2>
          <form method="post" action={action("firing-point")} class="form">
            <Csrf />
            <Input
              form="point"
              name="firingPoint"
              label={`Firing point on ${relay?.name ?? "the relay"}`}
              type="number"
              min="1"
              max={String(relay?.firingPoints ?? 500)}
              inputmode="numeric"
              value={p.values.firingPoint ?? (e.firingPoint === null ? "" : String(e.firingPoint))}
              error={errors.firingPoint}
            />
            <div class="form-actions">
              <button type="submit" class="secondary">
                Change firing point
              </button>
            </div>
          </form>
        </section>
      )}

      {active && (
        <section class="entry-action" aria-labelledby="remove-title">
          <h2 id="remove-title">Remove the entry</h2>
          <form method="post" action={action("remove")} class="form" data-confirm={`Remove ${e.name}'s entry? The place goes to the waitlist.`}>
            <Csrf />
            <Input form="remove" name="reason" label="Reason" value={p.values.reason ?? ""} error={errors.reason} maxlength={500} hint="Shown to the competitor." />
            <div class="form-actions">
              <button type="submit" class="danger">
                Remove entry
              </button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}
