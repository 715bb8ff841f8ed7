import { DIVISION_RULES, DIVISIONS, SCORING_METHOD_NAMES, SCORING_METHODS, type Division } from "../../domain/practical/rulebook.ts";
import { requiredHits, stageMaxPoints } from "../../domain/practical/stages.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import { Empty } from "../components/empty.tsx";
import { Csrf, fieldsOf, Input, PostButton, Select } from "../components/fields.tsx";
import { StructureForm } from "./structure.tsx";

export interface MatchSetupModel {
  base: string;
  revision: number;
  event: { id: number; title: string };
  stages: { id: number; number: number; name: string; scoring: (typeof SCORING_METHODS)[number]; paperTargets: number; steelTargets: number }[];
  divisions: Division[];
  stageForm: { values: Values; errors: Errors; stale?: boolean };
  relaysLink: string;
}

function powerFactors(d: Division): string {
  return DIVISION_RULES[d].powerFactors.join(" or ");
}

/** A practical event's setup: its stages (targets, method, required hits and max points), the divisions it offers. */
export function MatchSetup({ m }: { m: MatchSetupModel }) {
  const field = fieldsOf("stage", m.stageForm.values, m.stageForm.errors);
  const action = `${m.base}/match`;
  return (
    <>
      <p class="lead">
        Squads are this event's relays (a name and a capacity): <a href={m.relaysLink}>manage squads</a>. Registration, the waitlist and holds work as
        for any relay.
      </p>
      <h2 id="stages">Stages</h2>
      {m.stages.length === 0 ? (
        <Empty>No stages yet: add the first one below.</Empty>
      ) : (
        <div class="table-scroll">
          <table data-testid="match-stages">
            <thead>
              <tr>
                <th scope="col" class="num">No.</th>
                <th scope="col">Stage</th>
                <th scope="col">Scoring</th>
                <th scope="col" class="num">Paper</th>
                <th scope="col" class="num">Steel</th>
                <th scope="col" class="num">Required hits</th>
                <th scope="col" class="num">Max points</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {m.stages.map((s) => (
                <tr>
                  <td class="num">{s.number}</td>
                  <th scope="row">{s.name}</th>
                  <td>{SCORING_METHOD_NAMES[s.scoring]}</td>
                  <td class="num">{s.paperTargets}</td>
                  <td class="num">{s.steelTargets}</td>
                  <td class="num">{requiredHits(s)}</td>
                  <td class="num">{stageMaxPoints(s)}</td>
                  <td>
                    <PostButton action={`${action}/stages/delete`} fields={{ revision: String(m.revision), stage: String(s.id) }} confirm={`Delete stage ${s.number}?`}>
                      Delete
                    </PostButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Add a stage</h3>
      <StructureForm action={`${action}/stages`} revision={m.revision} values={m.stageForm.values} errors={m.stageForm.errors} submitLabel="Add stage" stale={m.stageForm.stale ? action : undefined} form="stage" focus={undefined}>
        <div class="field-row">
          <Input {...field("number")} label="Number" type="number" min="1" max="99" inputmode="numeric" />
          <Input {...field("name")} label="Name" maxlength={100} />
        </div>
        <Select {...field("scoring")} label="Scoring" options={SCORING_METHODS.map((v) => ({ value: v, label: SCORING_METHOD_NAMES[v] }))} />
        <div class="field-row">
          <Input {...field("paperTargets")} label="Paper targets" type="number" min="0" max="60" inputmode="numeric" hint="2 scoring hits each" />
          <Input {...field("steelTargets")} label="Steel targets" type="number" min="0" max="60" inputmode="numeric" hint="1 hit each" />
        </div>
      </StructureForm>
      <h2 id="divisions">Divisions offered</h2>
      <form class="form admin-form" method="post" action={`${action}/divisions`}>
        <Csrf />
        <input type="hidden" name="revision" value={String(m.revision)} />
        <fieldset>
          <legend>Competitors choose one of these when they register, with their power factor.</legend>
          {DIVISIONS.map((d) => (
            <label class="checkbox">
              <input type="checkbox" name="divisions" value={d} checked={m.divisions.includes(d)} /> {d} <span class="meta">({powerFactors(d)})</span>
            </label>
          ))}
        </fieldset>
        <div class="form-actions">
          <button type="submit">Save divisions</button>
        </div>
      </form>
    </>
  );
}
