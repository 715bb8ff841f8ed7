import type { Child } from "hono/jsx";
import { CSRF_FIELD, type Errors, type Values } from "../../lib/forms.ts";
import { useRequestContext } from "hono/jsx-renderer";
import type { AppEnv } from "../../env.ts";

interface Common {
  /** Prefix keeping ids unique on the page: the input is `<form>-<name>`, its error `<form>-<name>-error`. */
  form: string;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  /** Fields are required unless this is false; an optional field says so in its label. */
  required?: boolean;
  /** Set on the form's first invalid field, so the person (and a screen reader) lands on it. */
  autofocus?: boolean;
}

function ids(p: Common) {
  const id = `${p.form}-${p.name}`;
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = p.error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [errorId, hintId].filter(Boolean).join(" ") || undefined };
}

/** The label, hint and error around a control, tied to it for assistive technology. */
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
  /** Never rendered for a password: a refused form does not send it back. */
  value?: string;
  type?: "text" | "email" | "password" | "date" | "datetime-local" | "number" | "search";
  maxlength?: number;
  min?: string;
  max?: string;
  inputmode?: "numeric" | "decimal" | "email" | "text";
  autocomplete?: string;
  list?: string;
  readonly?: boolean;
}

export function Input(props: InputProps) {
  const { id, describedBy } = ids(props);
  const type = props.type ?? "text";
  return (
    <Wrapper {...props}>
      <input
        id={id}
        name={props.name}
        type={type}
        value={type === "password" ? undefined : props.value}
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

function Options({ options, value }: { options: Option[]; value: string }) {
  return (
    <>
      {options.map((o) => (
        <option value={o.value} selected={o.value === value} disabled={o.disabled}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** A select of `options`, or of `groups` (one `<optgroup>` each). */
export function Select(
  props: Common & { value: string; placeholder?: string } & ({ options: Option[] } | { groups: { label: string; options: Option[] }[] }),
) {
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
        {"options" in props ? (
          <Options options={props.options} value={props.value} />
        ) : (
          props.groups.map((g) => (
            <optgroup label={g.label}>
              <Options options={g.options} value={props.value} />
            </optgroup>
          ))
        )}
      </select>
    </Wrapper>
  );
}

/**
 * The props the fields of one form share, so each field names only what is its own:
 * `<Input {...field("title")} label="Title" />`.
 */
export function fieldsOf(form: string, values: Values, errors: Errors, focus?: string) {
  return (name: string) => ({ form, name, value: values[name] ?? "", error: errors[name], autofocus: focus === name });
}

/** The form token of this request's session (rendered inside `c.render`, which provides the request). */
export function Csrf() {
  const c = useRequestContext<AppEnv>();
  return <input type="hidden" name={CSRF_FIELD} value={c.get("csrf")} />;
}

/** A button that posts on its own (remove, revoke, cancel): a small form with the token and any hidden fields. */
export function PostButton(p: { action: string; confirm?: string; fields?: Values; class?: string; children: Child }) {
  return (
    <form method="post" action={p.action} class="inline" data-confirm={p.confirm}>
      <Csrf />
      {Object.entries(p.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={p.class ?? "link"}>
        {p.children}
      </button>
    </form>
  );
}

/** A message about the whole form (stale edit, refused change): focused, so it is read first. */
export function FormProblem({ id, children, focus = true }: { id: string; children: Child; focus?: boolean }) {
  return (
    <div class="notice error" id={id} role="alert" tabindex={-1} autofocus={focus}>
      {children}
    </div>
  );
}

/** The account forms' message about the whole form (wrong credentials, rate limit), focused like FormProblem. */
export function FormError({ id, children }: { id: string; children: Child }) {
  return (
    <p class="form-error" id={id} role="alert" tabindex={-1} autofocus>
      {children}
    </p>
  );
}

export function Saved({ children }: { children: Child }) {
  return (
    <p class="notice success" role="status">
      {children}
    </p>
  );
}
