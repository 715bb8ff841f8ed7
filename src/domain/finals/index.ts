/** ISSF finals as pure rules: who qualifies, eliminations and shoot-offs, the finals scoreboard. */
export * from "./run.ts";
export * from "./board.ts";
export * from "./qualify.ts";
