import { TOURNAMENT_FIELDS } from "../../queries/admin/tournament-form.ts";
import { formatDateTime } from "../../domain/time/format.ts";
import { type Errors, firstInvalid, type Values } from "../../lib/forms.ts";
import { Csrf, fieldsOf, FormProblem, Input, TextArea } from "../components/fields.tsx";

export interface OtherChange {
  actor: string | null;
  action: string;
  at: number;
  detail: string;
}

export interface TournamentFormProps {
  action: string;
  values: Values;
  errors: Errors;
  /** Editing: the revision the form was loaded at. Creating: null. */
  revision: number | null;
  /** The address can change only while the tournament is a draft (links to a published one must keep working). */
  slugLocked: boolean;
  submitLabel: string;
  cancel: string;
  /** Stale edit: what the other organiser did, and where to reload. */
  stale?: { change: OtherChange | null; zone: string; reload: string };
  timeZones: string[];
}

function changedFields(detail: string): string {
  try {
    const changed = (JSON.parse(detail) as { changed?: unknown }).changed;
    return Array.isArray(changed) && changed.length > 0 ? ` (${changed.join(", ")})` : "";
  } catch {
    return "";
  }
}

/** The tournament's details; dates and times are entered in the tournament's own time zone. */
export function TournamentForm(p: TournamentFormProps) {
  const { values: v, errors: e } = p;
  const focus = firstInvalid(TOURNAMENT_FIELDS, e);
  const field = fieldsOf("tournament", v, e, focus);
  return (
    <>
      {p.stale && (
        <FormProblem id="tournament-form-error" focus={!focus}>
          <p>
            <strong>Someone else saved this tournament while you were editing, so your changes were not saved.</strong>
          </p>
          {p.stale.change && (
            <p data-testid="other-change">
              {p.stale.change.actor ?? "Another organiser"} — {p.stale.change.action}
              {changedFields(p.stale.change.detail)}, {formatDateTime(p.stale.change.at, p.stale.zone)}.
            </p>
          )}
          <p>
            Your text is kept below: save again to replace their version, or <a href={p.stale.reload}>reload their version</a> (your
            changes here are then lost).
          </p>
        </FormProblem>
      )}
      {e.form && !p.stale && <FormProblem id="tournament-form-error" focus={!focus}>{e.form}</FormProblem>}
      <form class="form admin-form" method="post" action={p.action} novalidate>
        <Csrf />
        {p.revision !== null && <input type="hidden" name="revision" value={String(p.revision)} />}
        <fieldset>
          <legend>The tournament</legend>
          <Input {...field("title")} label="Title" maxlength={120} />
          <Input
            {...field("slug")}
            label="Address"
            maxlength={60}
            readonly={p.slugLocked}
            hint={
              p.slugLocked
                ? `The public page is /t/${v.slug}; it cannot change once published.`
                : "The public page will be /t/<address>: lowercase letters, digits and hyphens."
            }
          />
          <Input {...field("club")} label="Hosting club" maxlength={120} required={false} />
          <Input {...field("venue")} label="Venue" maxlength={160} />
          <TextArea
            {...field("description")}
            label="Description"
            maxlength={5000}
            required={false}
            hint="Plain text shown on the public page. Line breaks are kept; HTML is shown as typed."
          />
        </fieldset>
        <fieldset>
          <legend>When</legend>
          <Input {...field("timeZone")} label="Time zone" list="time-zones" hint="Where the tournament takes place. All times below are in this zone." />
          <datalist id="time-zones">
            {p.timeZones.map((z) => (
              <option value={z} />
            ))}
          </datalist>
          <div class="field-row">
            <Input {...field("startsOn")} type="date" label="First match day" />
            <Input {...field("endsOn")} type="date" label="Last match day" />
          </div>
          <div class="field-row">
            <Input {...field("opensAt")} type="datetime-local" label="Registration opens" />
            <Input {...field("closesAt")} type="datetime-local" label="Registration closes" />
          </div>
        </fieldset>
        <fieldset>
          <legend>Entry fee</legend>
          <div class="field-row">
            <Input {...field("fee")} label="Fee per entry" inputmode="decimal" hint="0 for free. With a fee, new entries are held until paid (30 minutes unless set otherwise on the Payments page)." />
            <Input {...field("currency")} label="Currency" maxlength={3} />
          </div>
        </fieldset>
        <div class="form-actions">
          <button type="submit">{p.submitLabel}</button>
          <a href={p.cancel}>Cancel</a>
        </div>
      </form>
    </>
  );
}
