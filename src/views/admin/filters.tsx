import type { Child } from "hono/jsx";
import type { Option } from "../components/fields.tsx";

/**
 * One select of a filter bar (a plain GET form). `any` is the unfiltered choice, listed first; `htmx`
 * attributes make the list follow a change without the button.
 */
export function FilterSelect(p: { id: string; name: string; label: string; any?: string; options: Option[]; selected: string; htmx?: Record<string, string> }) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.name} {...p.htmx}>
        {p.any !== undefined && <option value="">{p.any}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filter bar's submit button, for use without JS; `children` go next to it (a progress note). */
export function FilterButton({ children }: { children?: Child }) {
  return (
    <div class="filters-go">
      <button type="submit" class="secondary small">
        Filter
      </button>
      {children}
    </div>
  );
}

/** "12 entries", or "3 of 12 entries" when a filter hides some. */
export function matchCount(shown: number, total: number, noun: string): string {
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}
