/**
 * Load-test data straight into the LOCAL D1 (shared by `npm run seed:load` and `npm run bench:rush`): SQL is
 * generated into a temporary file and applied with one `wrangler d1 execute --local --file`, which takes
 * seconds for thousands of accounts where the HTTP sign-up would take minutes (PBKDF2 per password).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomToken, sha256 } from "../src/lib/encoding.ts";
import { childEnv, runWrangler } from "./local-runtime.ts";
/** Personal tokens look like the ones src/auth/api-tokens.ts issues: "trp_" and 24 random bytes. */
const PERSONAL_PREFIX = "trp_";
/** Rows per INSERT: keeps each statement far below D1's statement size limit. */
const ROWS_PER_STATEMENT = 400;

export interface LoadCompetitor {
  userId: number;
  email: string;
  token: string;
}

export interface D1Result {
  results: Record<string, unknown>[];
  success: boolean;
}

/** An SQL string literal. */
export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A short id that keeps emails of separate runs apart, so seeding again adds new accounts. */
export function newRunId(): string {
  return `${Date.now().toString(36)}${randomToken(3).toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}

/** Runs SQL (a file's worth of statements) on the local D1 and returns each statement's result. */
export async function executeLocalSql(sql: string, persistTo?: string): Promise<D1Result[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "tenring-sql-"));
  const file = path.join(dir, "load.sql");
  try {
    await writeFile(file, sql);
    const args = ["d1", "execute", "DB", "--local", "--json", "--yes", "--file", file, ...(persistTo ? ["--persist-to", persistTo] : [])];
    // An explicit log level: with a quieter one inherited (WRANGLER_LOG=warn) wrangler would print no JSON.
    const env = childEnv({ CI: "true", WRANGLER_LOG: "log" });
    const { code, stdout: out, stderr: err } = await runWrangler(args, env);
    if (code !== 0) throw new Error(`wrangler d1 execute failed (exit ${code}):\n${(err || out).slice(-2000)}`);
    const start = out.indexOf("[");
    if (start < 0) throw new Error(`wrangler d1 execute printed no JSON:\n${out.slice(-2000)}`);
    return JSON.parse(out.slice(start)) as D1Result[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Planned {
  email: string;
  token: string;
  hash: string;
}

async function plan(count: number, runId: string): Promise<Planned[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const token = PERSONAL_PREFIX + randomToken(24);
      return { email: `load-${runId}-${i + 1}@load.tenring.test`, token, hash: await sha256(token) };
    }),
  );
}

/**
 * Statements creating the competitors (no password: they act through their tokens) and one personal API
 * token each, stored hashed as the app stores them. `guard` is an SQL condition; nothing is inserted
 * unless it holds (e.g. that the tournament exists).
 */
function competitorStatements(planned: Planned[], runId: string, guard: string): string[] {
  const now = Date.now();
  const statements: string[] = [];
  for (const part of chunks(planned, ROWS_PER_STATEMENT)) {
    const rows = part.map((p, i) => `(${sqlText(p.email)}, ${sqlText(`Load Competitor ${runId} ${i + 1}`)}, 'Load Test Club')`);
    // Load competitors' addresses count as confirmed, as a real competitor's would be before registering.
    statements.push(`INSERT INTO users (email, name, club, email_verified_at) SELECT column1, column2, column3, ${now} FROM (VALUES ${rows.join(", ")}) WHERE ${guard};`);
  }
  for (const part of chunks(planned, ROWS_PER_STATEMENT)) {
    const rows = part.map((p) => `(${sqlText(p.hash)}, ${sqlText(p.email)})`);
    statements.push(
      `INSERT INTO api_tokens (token_hash, kind, user_id, name, created_at) ` +
        `SELECT v.column1, 'personal', u.id, ${sqlText(`load test ${runId}`)}, ${now} ` +
        `FROM (VALUES ${rows.join(", ")}) AS v JOIN users u ON u.email = v.column2;`,
    );
  }
  return statements;
}

export interface SeedLoadOptions {
  /** The tournament the accounts are for; nothing is created unless it exists. */
  tournament: string;
  competitors: number;
  persistTo?: string;
  /** Statements to run first in the same file (the benchmark's tournament). */
  before?: string[];
}

export interface SeedLoadResult {
  runId: string;
  tournamentId: number;
  competitors: LoadCompetitor[];
}

/** Creates the competitors and their tokens in one `wrangler d1 execute`; returns the plain tokens. */
export async function seedLoad(options: SeedLoadOptions): Promise<SeedLoadResult> {
  const runId = newRunId();
  const planned = await plan(options.competitors, runId);
  const slug = sqlText(options.tournament);
  const guard = `EXISTS (SELECT 1 FROM tournaments WHERE slug = ${slug})`;
  const sql = [
    ...(options.before ?? []),
    ...competitorStatements(planned, runId, guard),
    `SELECT id FROM tournaments WHERE slug = ${slug};`,
    `SELECT id, email FROM users WHERE email LIKE ${sqlText(`load-${runId}-%`)};`,
  ].join("\n");
  const results = await executeLocalSql(sql, options.persistTo);
  const users = results.at(-1)?.results ?? [];
  const tournamentId = Number(results.at(-2)?.results[0]?.id);
  if (!Number.isInteger(tournamentId)) throw new Error(`There is no tournament "${options.tournament}" in the local D1.`);
  const ids = new Map(users.map((u) => [String(u.email), Number(u.id)]));
  const competitors = planned.map((p) => {
    const userId = ids.get(p.email);
    if (userId === undefined) throw new Error(`${p.email} was not created.`);
    return { userId, email: p.email, token: p.token };
  });
  return { runId, tournamentId, competitors };
}
