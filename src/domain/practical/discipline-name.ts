import { discipline } from "../scoring/disciplines.ts";
import { PRACTICAL_DISCIPLINE } from "./rulebook.ts";

/** A discipline's name for people: the catalogue's, "IPSC handgun" for a practical event, else the id itself. */
export function disciplineName(id: string): string {
  return discipline(id)?.name ?? (id === PRACTICAL_DISCIPLINE ? "IPSC handgun" : id);
}
