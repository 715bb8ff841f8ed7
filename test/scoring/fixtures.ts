import { discipline, type Discipline } from "../../src/domain/scoring/disciplines.ts";

/** A discipline of the catalogue; an id the catalogue lacks fails the test at once. */
export function get(id: string): Discipline {
  const d = discipline(id);
  if (!d) throw new Error(`no discipline ${id}`);
  return d;
}

export const rifle = get("air-rifle-10m");
export const pistol = get("air-pistol-10m");
export const trap = get("trap");
