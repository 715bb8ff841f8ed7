/** Practical shooting (IPSC handgun) as pure rules: the rulebook, stages, stage scores and results. */
export * from "./rulebook.ts";
export * from "./stages.ts";
export * from "./score.ts";
export * from "./results.ts";
export * from "./operations.ts";
export * from "./book.ts";
