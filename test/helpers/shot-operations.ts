import type { Discipline } from "../../src/domain/scoring/disciplines.ts";
import {
  applyOperation,
  nextCard,
  type CardState,
  type OperationResult,
  type ShotOperation,
} from "../../src/domain/scoring/operations.ts";

/** Applies a batch to one card in order, as the object does; later operations see the effect of earlier ones. */
export function applyOperations(d: Discipline, card: CardState, ops: Iterable<ShotOperation>): { card: CardState; results: OperationResult[] } {
  return applyOperationsWith({ applyOperation, nextCard }, d, card, ops);
}

/** The same with a given build of the rules (the browser bundle's, in test/scoring/browser-bundle.test.ts). */
export function applyOperationsWith(
  rules: { applyOperation: typeof applyOperation; nextCard: typeof nextCard },
  d: Discipline,
  card: CardState,
  ops: Iterable<ShotOperation>,
): { card: CardState; results: OperationResult[] } {
  const { applyOperation, nextCard } = rules;
  const results: OperationResult[] = [];
  let state = card;
  for (const op of ops) {
    const result = applyOperation(d, state, op);
    results.push(result);
    state = nextCard(state, result);
  }
  return { card: state, results };
}
