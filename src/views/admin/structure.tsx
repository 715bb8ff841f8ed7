import { disciplineName } from "../../domain/practical/discipline-name.ts";
import type { Child } from "hono/jsx";
import { disciplineOptions, EVENT_FIELDS, RELAY_FIELDS, type Structure } from "../../queries/admin/structure.ts";
import { type Errors, firstInvalid, type Values } from "../../lib/forms.ts";
import { Empty } from "../components/empty.tsx";
import { Csrf, fieldsOf, FormProblem, Input, PostButton, Select } from "../components/fields.tsx";
import { TableHead } from "../components/table.tsx";
import { DateTime } from "../components/time.tsx";

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
            {e.title} <span class="discipline">{disciplineName(e.discipline)}</span>
          </h2>
          <p class="meta">
            <a href={`${base}/events/${e.id}`}>Edit event</a> · <a href={`${base}/entries?event=${e.id}`}>Entries</a> ·{" "}
            {e.matchShape === "practical" && (
              <>
                <a href={`${base}/events/${e.id}/match`}>Match setup (stages, divisions)</a> ·{" "}
              </>
            )}
            {props.occupancy.waiting.get(e.id) ?? 0} on the waitlist
          </p>
          {e.relays.length === 0 ? (
            <Empty>No relays yet: add one so competitors can enter.</Empty>
          ) : (
            <div class="table-scroll">
              <table class="admin-relays">
                <TableHead
                  columns={[
                    "Relay",
                    "Starts",
                    { label: "Firing points", num: true },
                    { label: "Reserved", num: true },
                    { label: "Taken", num: true },
                    { label: "Actions", hidden: true },
                  ]}
                />
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

/** The frame both forms share: stale and whole-form messages, the revision, the actions. */
export function StructureForm(p: FormProps & { form: string; focus: string | undefined; children: Child }) {
  return (
    <>
      {p.stale && <Stale reload={p.stale} focus={!p.focus} />}
      {p.errors.form && <FormProblem id={`${p.form}-form-error`} focus={!p.focus}>{p.errors.form}</FormProblem>}
      <form class="form admin-form" method="post" action={p.action} novalidate>
        <Csrf />
        <input type="hidden" name="revision" value={String(p.revision)} />
        {p.children}
        <div class="form-actions">
          <button type="submit">{p.submitLabel}</button>
          {p.cancel && <a href={p.cancel}>Cancel</a>}
        </div>
      </form>
    </>
  );
}

export function EventForm(p: FormProps) {
  const focus = firstInvalid(EVENT_FIELDS, p.errors);
  const field = fieldsOf("event", p.values, p.errors, focus);
  return (
    <StructureForm {...p} form="event" focus={focus}>
      <Input {...field("title")} label="Event name" maxlength={80} />
      <Select
        {...field("discipline")}
        label="Discipline"
        options={disciplineOptions()}
        placeholder="Choose a discipline"
        hint="Decides the scoring: number of shots, decimal or whole points, tie-breaks."
      />
    </StructureForm>
  );
}

export function RelayForm(p: FormProps & { zoneNote: string }) {
  const focus = firstInvalid(RELAY_FIELDS, p.errors);
  const field = fieldsOf("relay", p.values, p.errors, focus);
  return (
    <StructureForm {...p} form="relay" focus={focus}>
      <Input {...field("name")} label="Relay name" maxlength={60} />
      <Input {...field("startsAt")} type="datetime-local" label="Starts" hint={p.zoneNote} />
      <div class="field-row">
        <Input {...field("firingPoints")} label="Firing points" type="number" min="1" max="500" inputmode="numeric" />
        <Input
          {...field("reserved")}
          label="Reserved places"
          type="number"
          min="0"
          max="500"
          inputmode="numeric"
          hint="Kept for staff and walk-ups; online registration cannot take them."
        />
      </div>
    </StructureForm>
  );
}

/** A delete button with its own form; refused (with the reason shown) while entries would be stranded. */
export function DeleteForm(props: { action: string; revision: number; label: string; blockedBy: number }) {
  if (props.blockedBy > 0) {
    return (
      <p class="meta">
        This cannot be deleted while it holds {props.blockedBy} active {props.blockedBy === 1 ? "entry" : "entries"}: move or remove
        them first.
      </p>
    );
  }
  return (
    <PostButton
      action={props.action}
     
      confirm={`${props.label}? This cannot be undone.`}
      fields={{ revision: String(props.revision) }}
      class="danger small"
    >
      {props.label}
    </PostButton>
  );
}
