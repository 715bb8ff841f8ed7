import type { Log } from "../../lib/log.ts";
import type { OutboxStreamName, SetAsideRow } from "../contract/index.ts";

/** An item D1 refused for good, as it is kept and audited. */
export interface Refused {
  tournamentId: number | null;
  subject: string;
  row: string;
  error: string;
}

/** Audit rows are written once per set-aside row, however often a report is retried. */
const AUDIT_INSERT = `
  INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
  SELECT json_extract(j.value, '$[0]'), NULL, 'outbox.set_aside', json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
    json_extract(j.value, '$[3]')
  FROM json_each(?1) j
  WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'outbox.set_aside' AND a.subject = json_extract(j.value, '$[1]')
    AND a.at = json_extract(j.value, '$[3]'))`;

/** Reported per statement; one JSON parameter each, far below D1's 100 bound parameters. */
const ROWS_PER_REPORT = 100;
/** A report D1 refused is tried again after this long (not at once: the alarm would spin). */
const REPORT_RETRY_MS = 10_000;

/**
 * Rows D1 refused for good, taken out of their outbox so the rows behind them reach D1. They stay in the
 * object for the organiser (`setAsideRows`), and each is reported to D1's `audit_log` (retried by the
 * alarm until D1 has it).
 */
export class SetAside {
  constructor(
    private readonly sql: SqlStorage,
    private readonly log: Log,
  ) {}

  /** Call inside the transaction that settles the batch they came from. */
  add(stream: OutboxStreamName, refused: Refused[], now: number): void {
    for (const r of refused) {
      this.sql.exec(
        "INSERT INTO outbox_set_aside (stream, tournament_id, subject, row, error, at) VALUES (?, ?, ?, ?, ?, ?)",
        stream, r.tournamentId, r.subject, r.row, r.error, now,
      );
    }
  }

  rows(): SetAsideRow[] {
    return this.sql
      .exec("SELECT id, stream, tournament_id, subject, row, error, at FROM outbox_set_aside ORDER BY id")
      .toArray()
      .map((r) => ({
        id: Number(r.id),
        stream: r.stream === "shots" || r.stream === "practical" ? r.stream : "entries",
        tournamentId: r.tournament_id === null ? null : Number(r.tournament_id),
        subject: String(r.subject),
        row: String(r.row),
        error: String(r.error),
        at: Number(r.at),
      }));
  }

  /** Writes the audit rows D1 lacks; on failure they wait for the next alarm. */
  async report(d1: D1Database): Promise<void> {
    const due = this.sql.exec("SELECT id, stream, tournament_id, subject, row, error, at FROM outbox_set_aside WHERE reported_at IS NULL ORDER BY id").toArray();
    if (due.length === 0) return;
    const audits = due.map((r) => [
      r.tournament_id,
      r.subject,
      JSON.stringify({ stream: r.stream, error: r.error, row: JSON.parse(String(r.row)) }),
      r.at,
    ]);
    const statements: D1PreparedStatement[] = [];
    for (let i = 0; i < audits.length; i += ROWS_PER_REPORT) {
      statements.push(d1.prepare(AUDIT_INSERT).bind(JSON.stringify(audits.slice(i, i + ROWS_PER_REPORT))));
    }
    try {
      await d1.batch(statements);
    } catch (err) {
      this.log.error("outbox: D1 refused the audit of set-aside rows; the alarm tries again", err, { rows: due.length });
      return;
    }
    const last = Number(due.at(-1)!.id);
    this.sql.exec("UPDATE outbox_set_aside SET reported_at = ? WHERE reported_at IS NULL AND id <= ?", Date.now(), last);
  }

  /** When the alarm should report set-aside rows D1 has not heard of; null when there are none. */
  dueAt(now: number): number | null {
    return this.sql.exec("SELECT 1 FROM outbox_set_aside WHERE reported_at IS NULL LIMIT 1").toArray().length > 0 ? now + REPORT_RETRY_MS : null;
  }
}
