import { DIVISIONS } from "../../domain/practical/rulebook.ts";
import { formatDayTime } from "../../domain/time/format.ts";
import { type Errors, firstInvalid } from "../../lib/forms.ts";
import { Csrf, FormProblem, Input, Select } from "../components/fields.tsx";
import type { RelayRoom } from "./entry.tsx";

export interface WalkUpEvent {
  id: number;
  title: string;
  practical?: boolean;
  relays: RelayRoom[];
}

export interface WalkUpProps {
  action: string;
  zone: string;
  events: WalkUpEvent[];
  values: Record<string, string>;
  errors: Errors;
  feeLabel: string | null;
  /** The tournament has a practical (IPSC) match: its walk-ups declare a division and power factor. */
  practical: boolean;
}

const ORDER = ["name", "club", "email", "relayId"];

/** A competitor at the range without an entry (and often without an account): entered on a relay at once. */
export function WalkUpForm(p: WalkUpProps) {
  const focus = firstInvalid(ORDER, p.errors);
  return (
    <>
      {p.errors.form && <FormProblem id="walkup-problem" focus={!focus}>{p.errors.form}</FormProblem>}
      <form class="form admin-form" method="post" action={p.action} novalidate>
        <Csrf />
        <input type="hidden" name="key" value={p.values.key ?? ""} />
        <Input form="walkup" name="name" label="Name" value={p.values.name ?? ""} error={p.errors.name} maxlength={100} autofocus={focus === "name" || !focus} autocomplete="off" />
        <Input form="walkup" name="club" label="Club" value={p.values.club ?? ""} error={p.errors.club} maxlength={120} required={false} />
        <Input
          form="walkup"
          name="email"
          type="email"
          label="Email"
          value={p.values.email ?? ""}
          error={p.errors.email}
          required={false}
          inputmode="email"
          hint="We mail a link there so the competitor can add the entry to their own Tenring account. No account is created."
          autofocus={focus === "email"}
        />
        <Select
          form="walkup"
          name="relayId"
          label="Relay"
          value={p.values.relayId ?? ""}
          error={p.errors.relayId}
          hint="Reserved places can be used; the registration window does not apply."
          placeholder="Choose a relay"
          groups={p.events.map((e) => ({
            label: e.title,
            options: e.relays.map((r) => ({
              value: String(r.id),
              label: `${r.name}, ${formatDayTime(r.startsAt, p.zone)} — ${r.free === 0 ? "full" : `${r.free} free`}`,
              disabled: r.free === 0,
            })),
          }))}
          autofocus={focus === "relayId"}
        />
        {p.practical && (
          <div class="field-row">
            <Select
              form="walkup"
              name="division"
              label="Division (practical match)"
              value={p.values.division ?? ""}
              error={p.errors.division}
              required={false}
              placeholder="Not a practical match"
              options={DIVISIONS.map((d) => ({ value: d, label: d }))}
            />
            <Select
              form="walkup"
              name="powerFactor"
              label="Power factor"
              value={p.values.powerFactor ?? "minor"}
              required={false}
              options={[
                { value: "minor", label: "Minor" },
                { value: "major", label: "Major" },
              ]}
            />
          </div>
        )}
        {p.feeLabel && (
          <div class="field checkbox">
            <label>
              <input type="checkbox" name="paid" value="1" checked={p.values.paid === "1"} /> Paid on site ({p.feeLabel})
            </label>
          </div>
        )}
        <div class="form-actions">
          <button type="submit">Add entry</button>
        </div>
      </form>
    </>
  );
}
