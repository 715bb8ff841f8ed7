import type { Span } from "../lib/request-timing.ts";

/**
 * The D1 binding as one request sees it: every round trip to the database is counted and timed on the
 * request's span. A statement run (`first`, `all`, `run`, `raw`) is one round trip; a `batch` is one round
 * trip however many statements it holds (D1 runs it as one call, in one transaction); `exec` is one.
 */
export function countedD1(d1: D1Database, span: Span): D1Database {
  const counted: Pick<D1Database, "prepare" | "batch" | "exec" | "dump" | "withSession"> = {
    prepare: (sql) => new CountedStatement(d1.prepare(sql), span) as unknown as D1PreparedStatement,
    batch: (statements) => span.measure(() => d1.batch(statements.map(unwrap))),
    exec: (sql) => span.measure(() => d1.exec(sql)),
    dump: () => span.measure(() => d1.dump()),
    withSession: (constraint) => d1.withSession(constraint),
  };
  return counted as D1Database;
}

const real = new WeakMap<object, D1PreparedStatement>();

function unwrap<T>(statement: T): T {
  return ((real.get(statement as object) as unknown) ?? statement) as T;
}

class CountedStatement {
  constructor(
    private readonly statement: D1PreparedStatement,
    private readonly span: Span,
  ) {
    real.set(this, statement);
  }

  bind(...values: unknown[]): CountedStatement {
    return new CountedStatement(this.statement.bind(...values), this.span);
  }

  first(column?: string): Promise<unknown> {
    return this.span.measure(() => (column === undefined ? this.statement.first() : this.statement.first(column)));
  }

  run(): Promise<D1Result> {
    return this.span.measure(() => this.statement.run());
  }

  all(): Promise<D1Result> {
    return this.span.measure(() => this.statement.all());
  }

  raw(options?: { columnNames?: boolean }): Promise<unknown[]> {
    return this.span.measure(() => (options?.columnNames ? this.statement.raw({ columnNames: true }) : this.statement.raw()));
  }
}
