import { type OutboxBatch, type OutboxStream, sendItems, takeBatch } from "./driver.ts";

/** Rows per D1 statement; they travel as one JSON parameter, far below D1's 100 bound parameters. */
const ROWS_PER_STATEMENT = 100;
const TABLE = "shots_outbox";

type Row = Record<string, SqlStorageValue>;
type Json = (string | number | null)[];

/**
 * One scoring change as D1 takes it. `shot`: a filled slot as it stands now, [entryId, shotNo, tournamentId,
 * value, innerTen, x, y, opId, enteredAt, rev]; `cleared`: a slot now empty, [entryId, shotNo, rev of the
 * clearing]; `conflict`: a shot_conflicts row; `correction`: its audit_log row, [tournamentId, actorId,
 * subject, detail, at].
 */
export interface ScoringChange {
  kind: "shot" | "cleared" | "conflict" | "correction";
  tournamentId: number | null;
  subject: string;
  row: Json;
}

const n = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : Number(v));
const s = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : String(v));

/** What the outbox rows up to `lastRowId` name, read synchronously; slots are sent as they are now. */
function takeChanges(sql: SqlStorage, lastRowId: number): ScoringChange[] {
  const changes: ScoringChange[] = [];
  const slots = sql.exec(
    `SELECT o.entry_id, o.shot_no, MAX(o.rev) AS queued_rev, e.tournament_id,
       s.value, s.inner_ten, s.x, s.y, s.op_id, s.entered_at, s.rev
     FROM ${TABLE} o
     JOIN entries e ON e.id = o.entry_id
     LEFT JOIN shots s ON s.entry_id = o.entry_id AND s.shot_no = o.shot_no
     WHERE o.id <= ? AND o.kind = 'shot'
     GROUP BY o.entry_id, o.shot_no`,
    lastRowId,
  );
  for (const r of slots) {
    const slot = { tournamentId: n(r.tournament_id), subject: `shot:${r.entry_id}/${r.shot_no}` };
    if (r.value === null) changes.push({ kind: "cleared", ...slot, row: [s(r.entry_id), n(r.shot_no), n(r.queued_rev)] });
    else {
      const row = [s(r.entry_id), n(r.shot_no), n(r.tournament_id), n(r.value), n(r.inner_ten), n(r.x), n(r.y), s(r.op_id), n(r.entered_at), n(r.rev)];
      changes.push({ kind: "shot", ...slot, row });
    }
  }

  const refs = (kind: string) => `SELECT ref FROM ${TABLE} WHERE id <= ${lastRowId} AND kind = '${kind}'`;
  for (const r of sql.exec<Row>(
    `SELECT c.*, e.tournament_id FROM shot_conflicts c JOIN entries e ON e.id = c.entry_id WHERE c.op_id IN (${refs("conflict")})`,
  )) {
    changes.push({
      kind: "conflict",
      tournamentId: n(r.tournament_id),
      subject: `conflict:${r.op_id}`,
      row: [
        s(r.op_id), n(r.tournament_id), s(r.entry_id), n(r.shot_no), n(r.standing_value), n(r.standing_inner_ten), s(r.standing_op_id),
        n(r.incoming_value), n(r.incoming_inner_ten), n(r.x), n(r.y), s(r.device_id), n(r.device_seq), n(r.entered_at), n(r.actor_id),
        n(r.recorded_at), n(r.resolved_at), s(r.resolved_by_op_id),
      ],
    });
  }
  for (const r of sql.exec<Row>(
    `SELECT k.*, e.tournament_id, e.event_id FROM shot_corrections k JOIN entries e ON e.id = k.entry_id
     WHERE k.op_id IN (${refs("correction")})`,
  )) {
    const detail = {
      opId: s(r.op_id),
      entryId: s(r.entry_id),
      eventId: n(r.event_id),
      shotNo: n(r.shot_no),
      from: { value: n(r.from_value), innerTen: n(r.from_inner_ten) === 1, opId: s(r.from_op_id) },
      to: r.to_value === null ? null : { value: n(r.to_value), innerTen: n(r.to_inner_ten) === 1 },
      reason: s(r.reason),
      tokenId: n(r.token_id),
    };
    changes.push({
      kind: "correction",
      tournamentId: n(r.tournament_id),
      subject: `correction:${r.op_id}`,
      row: [n(r.tournament_id), n(r.actor_id), `shot:${r.entry_id}/${r.shot_no}/${r.op_id}`, JSON.stringify(detail), n(r.at)],
    });
  }
  return changes;
}

const SHOTS_UPSERT = `
  INSERT INTO shots (entry_id, shot_no, tournament_id, value, inner_ten, x, y, op_id, entered_at, rev)
  SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
    json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'),
    json_extract(value, '$[8]'), json_extract(value, '$[9]')
  FROM json_each(?1) WHERE true
  ON CONFLICT (entry_id, shot_no) DO UPDATE SET value = excluded.value, inner_ten = excluded.inner_ten, x = excluded.x,
    y = excluded.y, op_id = excluded.op_id, entered_at = excluded.entered_at, rev = excluded.rev
  WHERE excluded.rev > shots.rev`;

const SHOTS_DELETE = `
  DELETE FROM shots WHERE rowid IN (
    SELECT s.rowid FROM json_each(?1) j
    JOIN shots s ON s.entry_id = json_extract(j.value, '$[0]') AND s.shot_no = json_extract(j.value, '$[1]')
    WHERE s.rev < json_extract(j.value, '$[2]'))`;

const CONFLICTS_UPSERT = `
  INSERT INTO shot_conflicts (op_id, tournament_id, entry_id, shot_no, standing_value, standing_inner_ten, standing_op_id,
    incoming_value, incoming_inner_ten, x, y, device_id, device_seq, entered_at, actor_id, recorded_at, resolved_at, resolved_by_op_id)
  SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
    json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'),
    json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, '$[11]'),
    json_extract(value, '$[12]'), json_extract(value, '$[13]'), json_extract(value, '$[14]'), json_extract(value, '$[15]'),
    json_extract(value, '$[16]'), json_extract(value, '$[17]')
  FROM json_each(?1) WHERE true
  ON CONFLICT (op_id) DO UPDATE SET resolved_at = excluded.resolved_at, resolved_by_op_id = excluded.resolved_by_op_id`;

/** A correction is audited once, however often the alarm resends it. */
const AUDIT_INSERT = `
  INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
  SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), 'shot.corrected', json_extract(j.value, '$[2]'),
    json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]')
  FROM json_each(?1) j
  WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.tournament_id = json_extract(j.value, '$[0]')
    AND a.at = json_extract(j.value, '$[4]') AND a.action = 'shot.corrected' AND a.subject = json_extract(j.value, '$[2]'))`;

/** Statement per kind, in this order: a slot's upsert or delete, then conflicts, then audited corrections. */
const QUERIES: [ScoringChange["kind"], string][] = [
  ["shot", SHOTS_UPSERT],
  ["cleared", SHOTS_DELETE],
  ["conflict", CONFLICTS_UPSERT],
  ["correction", AUDIT_INSERT],
];

/**
 * Upserts only overwrite an older `rev` and deletes only remove an older one, so a resend, or a resend
 * after a newer copy, changes nothing.
 */
function statements(d1: D1Database, changes: ScoringChange[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (const [kind, query] of QUERIES) {
    const rows = changes.filter((c) => c.kind === kind).map((c) => c.row);
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      out.push(d1.prepare(query).bind(JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT))));
    }
  }
  return out;
}

/** Live scoring's copy: the `shots_outbox` table names changed slots, conflicts and corrections. */
export const shotsStream: OutboxStream<ScoringChange> = {
  name: "shots",
  table: TABLE,
  rowsPerDrain: 1000,
  waitsOutBackOff: true,
  take: takeChanges,
  statements,
  describe: (c) => ({ tournamentId: c.tournamentId, subject: c.subject, row: JSON.stringify(c.row) }),
};

/** The oldest waiting scoring changes. */
export function takeShotsBatch(sql: SqlStorage): OutboxBatch<ScoringChange> | null {
  return takeBatch(sql, shotsStream);
}

/** Copies the batch to D1 in one `batch()` (one transaction there). */
export function sendShotsToD1(d1: D1Database, batch: OutboxBatch<ScoringChange>): Promise<void> {
  return sendItems(d1, shotsStream, batch.items);
}
