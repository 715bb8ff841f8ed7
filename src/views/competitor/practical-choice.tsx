import { CATEGORIES, DIVISION_RULES, type Division } from "../../domain/practical/rulebook.ts";

/** What the registration form of a practical event asks beyond the squad: division, power factor, category. */
export interface PracticalFormChoice {
  divisions: Division[];
  selected?: { division?: string; powerFactor?: string; category?: string };
  error?: string;
}

/**
 * The competitor's division and power factor (Production, Production Optics and PCC are minor only: the
 * object refuses major there, and the hint says so beforehand) and an optional category.
 */
export function PracticalFields({ eventId, choice }: { eventId: number; choice: PracticalFormChoice }) {
  const errorId = `reg-practical-error-${eventId}`;
  const minorOnly = choice.divisions.filter((d) => !DIVISION_RULES[d].powerFactors.includes("major"));
  const picked = choice.selected ?? {};
  return (
    <fieldset class="reg-practical" aria-describedby={choice.error ? errorId : undefined}>
      <legend>Division and power factor</legend>
      <label>
        Division
        <select name="division" required data-testid="reg-division">
          <option value="">Choose…</option>
          {choice.divisions.map((d) => (
            <option value={d} selected={picked.division === d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label>
        Power factor
        <select name="powerFactor" required data-testid="reg-power-factor">
          <option value="minor" selected={picked.powerFactor !== "major"}>
            Minor
          </option>
          <option value="major" selected={picked.powerFactor === "major"}>
            Major
          </option>
        </select>
      </label>
      <label>
        Category
        <select name="category">
          <option value="">None</option>
          {CATEGORIES.map((c) => (
            <option value={c} selected={picked.category === c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {minorOnly.length > 0 && <p class="hint">{minorOnly.join(", ")}: minor only.</p>}
      {choice.error && (
        <p class="field-error" id={errorId}>
          {choice.error}
        </p>
      )}
    </fieldset>
  );
}
