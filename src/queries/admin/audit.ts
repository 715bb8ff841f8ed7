import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { auditLog, users } from "../../db/schema.ts";

const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  action: string | null;
  actorId: number | null;
  /** 1-based. */
  page: number;
}

/**
 * One page of the tournament's audit log, newest first, with the actions and actors there are to filter
 * by: one D1 batch. The log is only ever appended to; nothing here changes it.
 */
export async function loadAudit(db: Db, tournamentId: number, f: AuditFilter) {
  const where: SQL[] = [eq(auditLog.tournamentId, tournamentId)];
  if (f.action !== null) where.push(eq(auditLog.action, f.action));
  if (f.actorId !== null) where.push(eq(auditLog.actorId, f.actorId));
  const [rows, actions, actors] = await db.batch([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        subject: auditLog.subject,
        detail: auditLog.detail,
        actorId: auditLog.actorId,
        actor: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(...where))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE + 1)
      .offset((f.page - 1) * AUDIT_PAGE_SIZE),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).where(eq(auditLog.tournamentId, tournamentId)).orderBy(auditLog.action),
    db
      .selectDistinct({ id: auditLog.actorId, name: users.name })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorId))
      .where(eq(auditLog.tournamentId, tournamentId))
      .orderBy(users.name),
  ]);
  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE),
    more: rows.length > AUDIT_PAGE_SIZE,
    actions: actions.map((a) => a.action),
    actors: actors.filter((a): a is { id: number; name: string } => a.id !== null),
  };
}

/** A detail object as label/value pairs for people (nested values as compact JSON). */
export function detailPairs(detail: string): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return [["detail", detail]];
    return Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
  } catch {
    return [["detail", detail]];
  }
}
