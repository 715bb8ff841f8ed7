import { HITS_PER_PAPER, HITS_PER_STEEL, MAX_POINTS_PER_HIT, type ScoringMethod } from "./rulebook.ts";

/** A stage as the rulebook reads it: its targets decide its required hits and max points. */
export interface StageSpec {
  id: number;
  number: number;
  name: string;
  scoring: ScoringMethod;
  paperTargets: number;
  steelTargets: number;
}

/** Required hits = 2 per paper target + 1 per steel. */
export function requiredHits(stage: Pick<StageSpec, "paperTargets" | "steelTargets">): number {
  return HITS_PER_PAPER * stage.paperTargets + HITS_PER_STEEL * stage.steelTargets;
}

/** Stage max points = 5 × required hits. */
export function stageMaxPoints(stage: Pick<StageSpec, "paperTargets" | "steelTargets">): number {
  return MAX_POINTS_PER_HIT * requiredHits(stage);
}

/** "12 paper, 4 steel: 28 rounds, 140 points". */
export function describeTargets(stage: Pick<StageSpec, "paperTargets" | "steelTargets">): string {
  return `${stage.paperTargets} paper, ${stage.steelTargets} steel: ${requiredHits(stage)} hits, ${stageMaxPoints(stage)} points`;
}
