import type { Child } from "hono/jsx";
import { CSRF_FIELD } from "../../middleware/csrf.ts";

export interface FieldProps {
  /** Prefix that keeps ids unique when several forms share a page. */
  form: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  value?: string;
  error?: string | undefined;
  hint?: string;
  autocomplete: string;
  required?: boolean;
  maxlength?: number;
  /** Set on the form's first invalid field, so the person (and a screen reader) lands on it. */
  autofocus?: boolean;
}

/** A labelled input whose hint and error are tied to it for assistive technology. */
export function Field(props: FieldProps) {
  const { form, name, label, type = "text", value, error, hint, autocomplete, required, maxlength, autofocus } = props;
  const id = `${form}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>
        {label}
        {!required && <span class="optional"> (optional)</span>}
      </label>
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        value={type === "password" ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        maxlength={maxlength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
        autofocus={autofocus}
      />
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A message about the whole form (wrong credentials, rate limit): focused, so it is read first. */
export function FormError({ id, children }: { id: string; children: Child }) {
  return (
    <p class="form-error" id={id} role="alert" tabindex={-1} autofocus>
      {children}
    </p>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/** The name of the first field (in form order) that has an error. */
export function firstError(order: readonly string[], errors: Record<string, string>): string | undefined {
  return order.find((name) => errors[name]);
}
