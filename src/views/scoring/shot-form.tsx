import { type Discipline, formatShot } from "../../domain/scoring/index.ts";
import { Csrf } from "../components/fields.tsx";

/** The next shot's form: its operation id is made when the form is rendered, so a resend is a duplicate. */
export interface ShotFormState {
  opId: string;
  shotNo: number;
  /** What was typed; kept when the shot was refused. */
  value: string;
  errors: { value?: string; shotNo?: string };
  /** A shot number that skips ahead: the warning, and the number that a second Enter confirms. */
  skip?: { shotNo: number; warning: string };
}

/** The last shot fired, which the undo button clears with a correction naming its value. */
export interface UndoState {
  opId: string;
  shotNo: number;
  value: number;
  innerTen: boolean;
}

const SHOTS_FORM = "shot-form";

function hint(d: Discipline): string {
  switch (d.scoring) {
    case "decimal":
      return "Type the score, e.g. 10.4, and press Enter. Add * for an inner ten: 10.4*.";
    case "integer":
      return "Type 0 to 10 and press Enter; X (or 10*) is an inner ten.";
    case "hitmiss":
      return "Type 1 or x for a hit, 0 or - for a miss, and press Enter.";
  }
}

/** Big buttons for phones: every value of an integer target, or hit and miss. */
function QuickValues({ d }: { d: Discipline }) {
  if (d.scoring === "decimal") return null;
  const values =
    d.scoring === "hitmiss"
      ? [
          { value: "hit", label: "Hit" },
          { value: "miss", label: "Miss" },
        ]
      : [{ value: "X", label: "X" }, ...Array.from({ length: 11 }, (_, i) => ({ value: String(10 - i), label: String(10 - i) }))];
  return (
    <div class={`quick-values ${d.scoring}`} role="group" aria-label="Enter a value with one tap">
      {values.map((v) => (
        <button type="submit" name="quick" value={v.value} class="quick secondary">
          {v.label}
        </button>
      ))}
    </div>
  );
}

const invalid = (error: string | undefined) => (error ? "true" : undefined);

export function ShotForm(props: { slug: string; entryId: string; d: Discipline; form: ShotFormState }) {
  const { d, form } = props;
  const action = `/score/t/${props.slug}/entries/${props.entryId}/shots`;
  const noun = d.shotNoun === "target" ? "Target" : "Shot";
  const valueDescribedBy = form.errors.value ? "shot-value-error shot-hint" : "shot-hint";
  return (
    <form
      id={SHOTS_FORM}
      class="shot-form"
      method="post"
      action={action}
      hx-post={action}
      hx-target="#scorecard"
      hx-swap="outerHTML"
      hx-disable="find fieldset"
    >
      <Csrf />
      <input type="hidden" name="opId" value={form.opId} />
      <fieldset>
        <legend class="visually-hidden">Enter a {d.shotNoun}</legend>
        <div class="shot-fields">
          <div class="field shot-no-field">
            <label for="shot-no">{noun}</label>
            <input
              id="shot-no"
              name="shotNo"
              type="number"
              inputmode="numeric"
              min="1"
              max={String(d.shots)}
              value={String(form.shotNo)}
              aria-invalid={invalid(form.errors.shotNo)}
              aria-describedby={form.errors.shotNo ? "shot-no-error" : undefined}
            />
          </div>
          <div class="field shot-value-field">
            <label for="shot-value">Score</label>
            <input
              id="shot-value"
              name="value"
              type="text"
              inputmode={d.scoring === "decimal" ? "decimal" : "text"}
              autocomplete="off"
              autocapitalize="off"
              spellcheck={false}
              enterkeyhint="send"
              maxlength={20}
              autofocus
              value={form.value}
              aria-invalid={invalid(form.errors.value)}
              aria-describedby={valueDescribedBy}
            />
          </div>
          <button type="submit" class="enter-shot">
            Enter
          </button>
        </div>
        {form.skip && (
          <>
            <input type="hidden" name="skip" value={String(form.skip.shotNo)} />
            <p id="shot-skip-warning" class="field-warning" role="alert" data-testid="skip-warning">
              {form.skip.warning}
            </p>
          </>
        )}
        {form.errors.shotNo && (
          <p id="shot-no-error" class="field-error" role="alert">
            {form.errors.shotNo}
          </p>
        )}
        {form.errors.value && (
          <p id="shot-value-error" class="field-error" role="alert">
            {form.errors.value}
          </p>
        )}
        <p id="shot-hint" class="hint">
          {hint(d)}
        </p>
        <QuickValues d={d} />
      </fieldset>
    </form>
  );
}

export function UndoForm(props: { slug: string; entryId: string; d: Discipline; undo: UndoState }) {
  const { d, undo } = props;
  const action = `/score/t/${props.slug}/entries/${props.entryId}/undo`;
  const noun = d.shotNoun === "target" ? "target" : "shot";
  return (
    <form class="undo-form" method="post" action={action} hx-post={action} hx-target="#scorecard" hx-swap="outerHTML" hx-disable="find button">
      <Csrf />
      <input type="hidden" name="opId" value={undo.opId} />
      <input type="hidden" name="shotNo" value={String(undo.shotNo)} />
      <input type="hidden" name="replaces" value={String(undo.value)} />
      {undo.innerTen && <input type="hidden" name="replacesInnerTen" value="1" />}
      <button type="submit" class="secondary undo">
        Undo {noun} {undo.shotNo} ({formatShot(d, undo.value, undo.innerTen)})
      </button>
    </form>
  );
}
