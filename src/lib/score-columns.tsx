import type { Discipline } from "../domain/scoring/index.ts";

/** Hit/miss disciplines have no inner tens, so their tables drop that column. */
const showsInnerTens = (d: Discipline) => d.scoring !== "hitmiss";

/**
 * The last column headings every score table shares: total, inner tens (where the discipline has them), shots.
 * Shared by the results views and the scoreboard's socket protocol (src/object/scoreboard/protocol.tsx),
 * which imports no view: so these few cells live here, with no dependency but the discipline.
 */
export function ScoreTailHeads({ d }: { d: Discipline }) {
  return (
    <>
      <th scope="col" class="num total">
        Total
      </th>
      {showsInnerTens(d) && (
        <th scope="col" class="num inner-tens">
          <abbr title="Inner tens">X</abbr>
        </th>
      )}
      <th scope="col" class="num shots">
        {d.shotNoun === "target" ? "Targets" : "Shots"}
      </th>
    </>
  );
}

/** The matching cells of one competitor's row. */
export function ScoreTailCells({ d, total, innerTens, shotsFired }: { d: Discipline; total: string; innerTens: number; shotsFired: number }) {
  return (
    <>
      <td class="num total">{total}</td>
      {showsInnerTens(d) && <td class="num inner-tens">{innerTens}</td>}
      <td class="num shots">{shotsFired}</td>
    </>
  );
}
