import type { Db } from "./client.ts";

/**
 * A drizzle query as a plain D1 statement, so it can share `D1Database.batch()` (one transaction) with
 * guarded raw statements (`INSERT ... SELECT ... WHERE changes() = 1`), which drizzle's own batch cannot
 * carry with bound parameters.
 */
export function statement(db: Db, query: { toSQL(): { sql: string; params: unknown[] } }): D1PreparedStatement {
  const { sql, params } = query.toSQL();
  return db.$client.prepare(sql).bind(...params);
}

export function rawStatement(db: Db, sql: string, ...params: unknown[]): D1PreparedStatement {
  return db.$client.prepare(sql).bind(...params);
}
