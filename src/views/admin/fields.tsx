import type { Child } from "hono/jsx";
import { CSRF_FIELD } from "../../middleware/csrf.ts";

interface Common {
  /** Prefix keeping ids unique on the page: the input is `<form>-<name>`, its error `<form>-<name>-error`. */
  form: string;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  autofocus?: boolean;
}

function ids(p: Common) {
  const id = `${p.form}-${p.name}`;
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = p.error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [errorId, hintId].filter(Boolean).join(" ") || undefined };
}

function Wrapper(props: Common & { children: Child }) {
  const { id, hintId, errorId } = ids(props);
  return (
    <div class={props.error ? "field has-error" : "field"}>
      <label for={id}>
        {props.label}
        {props.required === false && <span class="optional"> (optional)</span>}
      </label>
      {props.hint && (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children}
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export interface InputProps extends Common {
  value: string;
  type?: "text" | "email" | "date" | "datetime-local" | "number" | "search";
  maxlength?: number;
  min?: string;
  max?: string;
  inputmode?: "numeric" | "decimal" | "email" | "text";
  autocomplete?: string;
  list?: string;
  readonly?: boolean;
}

/** A labelled input; its hint and error are tied to it for assistive technology. */
export function Input(props: InputProps) {
  const { id, describedBy } = ids(props);
  return (
    <Wrapper {...props}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        maxlength={props.maxlength}
        min={props.min}
        max={props.max}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? "off"}
        list={props.list}
        readonly={props.readonly}
        required={props.required !== false}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy}
        autofocus={props.autofocus}
      />
    </Wrapper>
  );
}

export function TextArea(props: Common & { value: string; maxlength: number; rows?: number }) {
  const { id, describedBy } = ids(props);
  return (
    <Wrapper {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        maxlength={props.maxlength}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy}
        autofocus={props.autofocus}
      >
        {props.value}
      </textarea>
    </Wrapper>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export function Select(props: Common & { value: string; options: Option[]; placeholder?: string }) {
  const { id, describedBy } = ids(props);
  return (
    <Wrapper {...props}>
      <select
        id={id}
        name={props.name}
        required={props.required !== false}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy}
        autofocus={props.autofocus}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/** A message about the whole form (stale edit, refused change): focused, so it is read first. */
export function FormProblem({ id, children, focus = true }: { id: string; children: Child; focus?: boolean }) {
  return (
    <div class="notice error" id={id} role="alert" tabindex={-1} autofocus={focus}>
      {children}
    </div>
  );
}

export function Saved({ children }: { children: Child }) {
  return (
    <p class="notice success" role="status">
      {children}
    </p>
  );
}
