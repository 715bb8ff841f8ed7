import { formatDate } from "./format.ts";
import { skippedTime } from "./zoned.ts";

/**
 * What is wrong with a wall-clock time a person entered, for the form field, or null when it exists: a time
 * skipped by a spring-forward gap is refused by name rather than silently moved.
 */
export function localTimeProblem(date: string, time: string, zone: string): string | null {
  const gap = skippedTime(date, time, zone);
  if (!gap) return null;
  return (
    `${time} does not exist on ${formatDate(date)} in ${zone}: the clocks go forward from ${gap.from} to ${gap.to}. ` +
    `Choose a time before ${gap.from} or from ${gap.to}.`
  );
}
