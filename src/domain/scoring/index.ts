/** Scoring rules as pure code and data: disciplines, shot values, totals, ranking, finals, shot operations. */
export * from "./disciplines.ts";
export * from "./rulebook.ts";
export * from "./values.ts";
export * from "./totals.ts";
export * from "./ranking.ts";
export * from "./operations.ts";
export * from "./warnings.ts";
