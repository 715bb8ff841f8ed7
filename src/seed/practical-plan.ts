import type { Division, PowerFactor } from "../domain/practical/rulebook.ts";

/** The practical (IPSC) demo match: a Level I handgun match under way today, organised by the demo organiser. */
export const PRACTICAL_DEMO_SLUG = "nordheide-ipsc-level-1";
export const PRACTICAL_DEMO_TITLE = "Nordheide IPSC Level I Handgun";
export const PRACTICAL_DEMO_ZONE = "Europe/Berlin";

export const PRACTICAL_STAGES = [
  { number: 1, name: "Cold Start", paperTargets: 8, steelTargets: 4 },
  { number: 2, name: "El Presidente", paperTargets: 3, steelTargets: 0 },
  { number: 3, name: "Through the Window", paperTargets: 10, steelTargets: 2 },
  { number: 4, name: "Plate Rack", paperTargets: 0, steelTargets: 8 },
  { number: 5, name: "Long Course", paperTargets: 14, steelTargets: 4 },
  { number: 6, name: "Barricade", paperTargets: 6, steelTargets: 2 },
] as const;
/** Stages 1 to 3 are shot by every squad so far: about half the match. */
export const SCORED_STAGES = 3;

export const PRACTICAL_DIVISIONS: Division[] = ["Open", "Standard", "Production", "Production Optics"];

/** Squads (relays): two in the morning, two in the afternoon, 12 places each, 10 taken. */
export const PRACTICAL_SQUADS = [
  { name: "Squad A", time: "09:00" },
  { name: "Squad B", time: "09:00" },
  { name: "Squad C", time: "13:00" },
  { name: "Squad D", time: "13:00" },
] as const;
export const SQUAD_CAPACITY = 12;
export const PER_SQUAD = 10;

const FIRST = ["Lena", "Tobias", "Mia", "Felix", "Hanna", "Jakob", "Clara", "Lukas", "Emma", "Noah", "Sofia", "Paul", "Ida", "Elias", "Marie", "Finn", "Greta", "Jonas", "Lotta", "Ben"];
const LAST = ["Albers", "Brandt", "Claussen", "Dierks", "Ehlers", "Frerichs", "Gerdes", "Harms", "Janssen", "Kruse"];

/** What each competitor shoots: Open major, Standard major or minor, Production and Production Optics minor. */
function declared(i: number): { division: Division; powerFactor: PowerFactor } {
  const division = PRACTICAL_DIVISIONS[i % PRACTICAL_DIVISIONS.length]!;
  const powerFactor: PowerFactor = division === "Open" || (division === "Standard" && i % 8 === 1) ? "major" : "minor";
  return { division, powerFactor };
}

export const PRACTICAL_COMPETITORS = Array.from({ length: PRACTICAL_SQUADS.length * PER_SQUAD }, (_, i) => ({
  email: `ipsc${String(i + 1).padStart(2, "0")}@tenring.test`,
  name: `${FIRST[i % FIRST.length]} ${LAST[(i * 3 + Math.floor(i / FIRST.length)) % LAST.length]}`,
  club: i % 3 === 0 ? "IPSC Nordheide" : i % 3 === 1 ? "PSC Lüneburg" : "SV Harburg",
  squad: Math.floor(i / PER_SQUAD),
  ...declared(i),
}));

/** A stable score for competitor `i` on a stage with `required` hits: mostly A, some C and D, a rare miss or no-shoot. */
export function demoStageScore(i: number, stageNo: number, required: number) {
  const r = (k: number) => ((i + 1) * 7919 + stageNo * 104_729 + k * 1_299_709) % 1000;
  const miss = r(1) < 80 ? 1 : 0;
  const d = Math.min(required - miss, r(2) % 3);
  const c = Math.min(required - miss - d, 1 + (r(3) % Math.max(1, Math.ceil(required / 4))));
  const a = required - miss - d - c;
  const noShoot = r(4) < 50 ? 1 : 0;
  const procedural = r(5) < 30 ? 1 : 0;
  // About a second per hit and a bit, give or take; two decimals.
  const time = Math.round((required * 0.55 + 2 + (r(6) / 1000) * required * 0.5) * 100) / 100;
  return { a, c, d, miss, noShoot, procedural, time };
}
