import type { OutboxStream } from "./driver.ts";

/** Rows per D1 statement; they travel as one JSON parameter, far below D1's 100 bound parameters. */
const ROWS_PER_STATEMENT = 100;
const TABLE = "practical_outbox";

type Json = (string | number | null)[];

/** One practical change as D1 takes it, read as it stands now (not as it was queued). */
export interface PracticalChange {
  kind: "entry" | "score" | "conflict" | "audit";
  tournamentId: number | null;
  subject: string;
  row: Json;
}

const n = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : Number(v));
const s = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : String(v));
const refs = (kind: string, lastRowId: number) => `SELECT ref FROM ${TABLE} WHERE id <= ${lastRowId} AND kind = '${kind}'`;

function take(sql: SqlStorage, lastRowId: number): PracticalChange[] {
  const tournamentId = n(sql.exec("SELECT tournament_id FROM settings WHERE only = 1").toArray()[0]?.tournament_id);
  const changes: PracticalChange[] = [];
  const add = (kind: PracticalChange["kind"], subject: string, row: Json) => changes.push({ kind, tournamentId, subject, row });
  for (const r of sql.exec(`SELECT * FROM practical_entries WHERE entry_id IN (${refs("entry", lastRowId)})`)) {
    add("entry", `practical-entry:${r.entry_id}`, [
      s(r.entry_id), tournamentId, s(r.division), s(r.power_factor), s(r.category), n(r.dq_at), s(r.dq_reason), n(r.updated_at),
    ]);
  }
  for (const r of sql.exec(`SELECT * FROM stage_scores WHERE entry_id || '/' || stage_id IN (${refs("score", lastRowId)})`)) {
    add("score", `stage-score:${r.entry_id}/${r.stage_id}`, [
      s(r.entry_id), n(r.stage_id), tournamentId, n(r.a), n(r.c), n(r.d), n(r.miss), n(r.no_shoot), n(r.procedural),
      n(r.time_hundredths), s(r.op_id), n(r.entered_at), n(r.confirmed_at), n(r.rev),
    ]);
  }
  for (const r of sql.exec(`SELECT * FROM stage_conflicts WHERE op_id IN (${refs("conflict", lastRowId)})`)) {
    add("conflict", `stage-conflict:${r.op_id}`, [
      s(r.op_id), tournamentId, s(r.entry_id), n(r.stage_id), s(r.standing), s(r.standing_op_id), s(r.incoming), n(r.actor_id),
      n(r.recorded_at), n(r.resolved_at),
    ]);
  }
  for (const r of sql.exec(`SELECT * FROM practical_audit WHERE op_id IN (${refs("audit", lastRowId)})`)) {
    add("audit", `practical:${r.op_id}`, [tournamentId, n(r.actor_id), s(r.action), `entry:${r.entry_id}/${r.op_id}`, s(r.detail), n(r.at)]);
  }
  return changes;
}

const cols = (count: number) => Array.from({ length: count }, (_, i) => `json_extract(value, '$[${i}]')`).join(", ");

const QUERIES: [PracticalChange["kind"], string][] = [
  [
    "entry",
    `INSERT INTO practical_entries (entry_id, tournament_id, division, power_factor, category, dq_at, dq_reason, updated_at)
     SELECT ${cols(8)} FROM json_each(?1) WHERE true
     ON CONFLICT (entry_id) DO UPDATE SET division = excluded.division, power_factor = excluded.power_factor, category = excluded.category,
       dq_at = excluded.dq_at, dq_reason = excluded.dq_reason, updated_at = excluded.updated_at
     WHERE excluded.updated_at >= practical_entries.updated_at`,
  ],
  [
    "score",
    `INSERT INTO stage_scores (entry_id, stage_id, tournament_id, a, c, d, miss, no_shoot, procedural, time_hundredths, op_id, entered_at,
       confirmed_at, rev)
     SELECT ${cols(14)} FROM json_each(?1) WHERE true
     ON CONFLICT (entry_id, stage_id) DO UPDATE SET a = excluded.a, c = excluded.c, d = excluded.d, miss = excluded.miss,
       no_shoot = excluded.no_shoot, procedural = excluded.procedural, time_hundredths = excluded.time_hundredths, op_id = excluded.op_id,
       entered_at = excluded.entered_at, confirmed_at = excluded.confirmed_at, rev = excluded.rev
     WHERE excluded.rev > stage_scores.rev`,
  ],
  [
    "conflict",
    `INSERT INTO stage_score_conflicts (op_id, tournament_id, entry_id, stage_id, standing, standing_op_id, incoming, actor_id, recorded_at,
       resolved_at)
     SELECT ${cols(10)} FROM json_each(?1) WHERE true
     ON CONFLICT (op_id) DO UPDATE SET resolved_at = excluded.resolved_at`,
  ],
  [
    // Audited once, however often the alarm resends it.
    "audit",
    `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
     SELECT ${cols(6)} FROM json_each(?1) j
     WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = json_extract(j.value, '$[2]') AND a.subject = json_extract(j.value, '$[3]'))`,
  ],
];

function statements(d1: D1Database, changes: PracticalChange[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (const [kind, query] of QUERIES) {
    const rows = changes.filter((c) => c.kind === kind).map((c) => c.row);
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(d1.prepare(query).bind(JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT))));
  }
  return out;
}

/** Practical shooting's copy: declared divisions, DQs, stage scores, conflicts and audited corrections. */
export const practicalStream: OutboxStream<PracticalChange> = {
  name: "practical",
  table: TABLE,
  rowsPerDrain: 1000,
  waitsOutBackOff: true,
  take,
  statements,
  describe: (c) => ({ tournamentId: c.tournamentId, subject: c.subject, row: JSON.stringify(c.row) }),
};
