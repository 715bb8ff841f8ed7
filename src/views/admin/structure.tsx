import { type Errors, firstInvalid, type Values } from "../../admin/forms.ts";
import { disciplineOptions, EVENT_FIELDS, RELAY_FIELDS, type Structure } from "../../admin/structure.ts";
import { discipline } from "../../domain/scoring/disciplines.ts";
import { Empty } from "../components/empty.tsx";
import { DateTime } from "../components/time.tsx";
import { Csrf, FormProblem, Input, Select } from "./fields.tsx";

export interface Occupancy {
  /** Confirmed + held per relay. */
  taken: Map<number, number>;
  /** Waitlist length per event. */
  waiting: Map<number, number>;
}

/** Events with their relays and what each relay holds, with the links to change them. */
export function EventList(props: { slug: string; zone: string; structure: Structure; occupancy: Occupancy }) {
  const base = `/admin/t/${props.slug}`;
  if (props.structure.length === 0) {
    return <Empty>No events yet. Add the first one below: an event is one discipline, shot in one or more relays.</Empty>;
  }
  return (
    <ul class="admin-events">
      {props.structure.map((e) => (
        <li class="admin-event" data-testid="admin-event">
          <h2>
            {e.title} <span class="discipline">{discipline(e.discipline)?.name ?? e.discipline}</span>
          </h2>
          <p class="meta">
            <a href={`${base}/events/${e.id}`}>Edit event</a> · <a href={`${base}/entries?event=${e.id}`}>Entries</a> ·{" "}
            {props.occupancy.waiting.get(e.id) ?? 0} on the waitlist
          </p>
          {e.relays.length === 0 ? (
            <Empty>No relays yet: add one so competitors can enter.</Empty>
          ) : (
            <div class="table-scroll">
              <table class="admin-relays">
                <thead>
                  <tr>
                    <th scope="col">Relay</th>
                    <th scope="col">Starts</th>
                    <th scope="col" class="num">
                      Firing points
                    </th>
                    <th scope="col" class="num">
                      Reserved
                    </th>
                    <th scope="col" class="num">
                      Taken
                    </th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {e.relays.map((r) => (
                    <tr data-testid="admin-relay">
                      <th scope="row">{r.name}</th>
                      <td>
                        <DateTime epoch={r.startsAt} zone={props.zone} style="day" />
                      </td>
                      <td class="num">{r.firingPoints}</td>
                      <td class="num">{r.reserved}</td>
                      <td class="num">{props.occupancy.taken.get(r.id) ?? 0}</td>
                      <td>
                        <a href={`${base}/relays/${r.id}`}>Edit</a> · <a href={`${base}/start-list?relay=${r.id}`}>Start list</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <a class="button small secondary" href={`${base}/events/${e.id}/relays/new`}>
              Add a relay to {e.title}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}

export interface FormProps {
  action: string;
  csrf: string;
  revision: number;
  values: Values;
  errors: Errors;
  submitLabel: string;
  cancel?: string;
  /** Stale: a newer revision was saved meanwhile; reload link. */
  stale?: string;
}

function Stale({ reload, focus }: { reload: string; focus: boolean }) {
  return (
    <FormProblem id="structure-form-error" focus={focus}>
      <p>
        <strong>Someone else changed this tournament while you were editing, so this was not saved.</strong>
      </p>
      <p>
        Your values are kept below: check <a href={reload}>the current version</a>, or save again to apply yours.
      </p>
    </FormProblem>
  );
}

export function EventForm(p: FormProps) {
  const focus = firstInvalid(EVENT_FIELDS, p.errors);
  return (
    <>
      {p.stale && <Stale reload={p.stale} focus={!focus} />}
      {p.errors.form && <FormProblem id="event-form-error" focus={!focus}>{p.errors.form}</FormProblem>}
      <form class="form admin-form" method="post" action={p.action} novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="revision" value={String(p.revision)} />
        <Input form="event" name="title" label="Event name" value={p.values.title ?? ""} error={p.errors.title} maxlength={80} autofocus={focus === "title"} />
        <Select
          form="event"
          name="discipline"
          label="Discipline"
          value={p.values.discipline ?? ""}
          error={p.errors.discipline}
          options={disciplineOptions()}
          placeholder="Choose a discipline"
          hint="Decides the scoring: number of shots, decimal or whole points, tie-breaks."
          autofocus={focus === "discipline"}
        />
        <div class="form-actions">
          <button type="submit">{p.submitLabel}</button>
          {p.cancel && <a href={p.cancel}>Cancel</a>}
        </div>
      </form>
    </>
  );
}

export function RelayForm(p: FormProps & { zoneNote: string }) {
  const focus = firstInvalid(RELAY_FIELDS, p.errors);
  return (
    <>
      {p.stale && <Stale reload={p.stale} focus={!focus} />}
      {p.errors.form && <FormProblem id="relay-form-error" focus={!focus}>{p.errors.form}</FormProblem>}
      <form class="form admin-form" method="post" action={p.action} novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="revision" value={String(p.revision)} />
        <Input form="relay" name="name" label="Relay name" value={p.values.name ?? ""} error={p.errors.name} maxlength={60} autofocus={focus === "name"} />
        <Input
          form="relay"
          name="startsAt"
          type="datetime-local"
          label="Starts"
          value={p.values.startsAt ?? ""}
          error={p.errors.startsAt}
          hint={p.zoneNote}
          autofocus={focus === "startsAt"}
        />
        <div class="field-row">
          <Input
            form="relay"
            name="firingPoints"
            label="Firing points"
            type="number"
            min="1"
            max="500"
            inputmode="numeric"
            value={p.values.firingPoints ?? ""}
            error={p.errors.firingPoints}
            autofocus={focus === "firingPoints"}
          />
          <Input
            form="relay"
            name="reserved"
            label="Reserved places"
            type="number"
            min="0"
            max="500"
            inputmode="numeric"
            value={p.values.reserved ?? ""}
            error={p.errors.reserved}
            hint="Kept for staff and walk-ups; online registration cannot take them."
            autofocus={focus === "reserved"}
          />
        </div>
        <div class="form-actions">
          <button type="submit">{p.submitLabel}</button>
          {p.cancel && <a href={p.cancel}>Cancel</a>}
        </div>
      </form>
    </>
  );
}

/** A delete button with its own form; refused (with the reason shown) while entries would be stranded. */
export function DeleteForm(props: { action: string; csrf: string; revision: number; label: string; blockedBy: number }) {
  if (props.blockedBy > 0) {
    return (
      <p class="meta">
        This cannot be deleted while it holds {props.blockedBy} active {props.blockedBy === 1 ? "entry" : "entries"}: move or remove
        them first.
      </p>
    );
  }
  return (
    <form method="post" action={props.action} class="inline" data-confirm={`${props.label}? This cannot be undone.`}>
      <Csrf token={props.csrf} />
      <input type="hidden" name="revision" value={String(props.revision)} />
      <button type="submit" class="danger small">
        {props.label}
      </button>
    </form>
  );
}
