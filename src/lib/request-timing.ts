/**
 * What one request spent where, for its `Server-Timing` header: the app as a whole, D1 (round trips and
 * time), and the tournament object (calls and time). Times are wall-clock time waiting, counted once however
 * many calls overlap (two parallel queries of 5 ms are 5 ms of the request's time, and 2 queries).
 */
export class RequestTiming {
  readonly startedAt: number;
  readonly d1 = new Span();
  readonly object = new Span();

  constructor(startedAt = Date.now()) {
    this.startedAt = startedAt;
  }

  /** `app;dur=12, d1;dur=3;desc="2 queries", do;dur=4;desc="1 call"`. */
  header(now = Date.now()): string {
    return [
      `app;dur=${now - this.startedAt}`,
      `d1;dur=${this.d1.ms};desc="${plural(this.d1.count, "query", "queries")}"`,
      `do;dur=${this.object.ms};desc="${plural(this.object.count, "call", "calls")}"`,
    ].join(", ");
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Calls of one kind: how many, and for how long at least one of them was under way. */
export class Span {
  count = 0;
  ms = 0;
  private open = 0;
  private since = 0;

  async measure<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    if (this.open++ === 0) this.since = Date.now();
    try {
      return await work();
    } finally {
      if (--this.open === 0) this.ms += Date.now() - this.since;
    }
  }
}

/** The D1 queries of a `Server-Timing` header (the bench and the tests read it). */
export function d1QueriesOf(serverTiming: string | null): number | null {
  const found = /d1;[^,]*desc="(\d+) quer/.exec(serverTiming ?? "");
  return found ? Number(found[1]) : null;
}
