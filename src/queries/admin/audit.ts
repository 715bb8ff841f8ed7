import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { auditLog, entries, events, relays, users } from "../../db/schema.ts";
import { entryOfSubject } from "../../domain/registration/entry-id.ts";

const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  action: string | null;
  actorId: number | null;
  /** 1-based. */
  page: number;
}

/** User ids a page's rows name outside the actor column (who joined the staff, whose entry an API call removed). */
function userIdsOf(rows: { subject: string; detail: string }[]): number[] {
  const ids = new Set<number>();
  for (const r of rows) {
    const m = /^user:(\d+)$/.exec(r.subject);
    if (m) ids.add(Number(m[1]));
    const competitor = /"competitor":(\d+)/.exec(r.detail);
    if (competitor) ids.add(Number(competitor[1]));
  }
  return [...ids];
}

/**
 * One page of the tournament's audit log, newest first, with the actions and actors there are to filter
 * by and the events and relays its sentences name: one D1 batch. Then one more read for the entries and
 * people the page's rows name (never a query per row). The log is only ever appended to; nothing here changes it.
 */
export async function loadAudit(db: Db, tournamentId: number, f: AuditFilter) {
  const where: SQL[] = [eq(auditLog.tournamentId, tournamentId)];
  if (f.action !== null) where.push(eq(auditLog.action, f.action));
  if (f.actorId !== null) where.push(eq(auditLog.actorId, f.actorId));
  const [rows, actions, actors, eventRows, relayRows] = await db.batch([
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
    db.select({ id: events.id, title: events.title, discipline: events.discipline }).from(events).where(eq(events.tournamentId, tournamentId)),
    db
      .select({ id: relays.id, name: relays.name, eventId: relays.eventId, startsAt: relays.startsAt })
      .from(relays)
      .where(eq(relays.tournamentId, tournamentId)),
  ]);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const entryIds = [...new Set(page.map((r) => entryOfSubject(r.subject)).filter((id): id is string => id !== null))];
  const userIds = userIdsOf(page);
  const [entryRows, userRows] =
    entryIds.length + userIds.length === 0
      ? [[], []]
      : await db.batch([
          db
            .select({ id: entries.id, eventId: entries.eventId, name: users.name })
            .from(entries)
            .innerJoin(users, eq(users.id, entries.userId))
            .where(and(eq(entries.tournamentId, tournamentId), inArray(entries.id, entryIds.length > 0 ? entryIds : [""]))),
          db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds.length > 0 ? userIds : [0])),
        ]);
  return {
    rows: page,
    more: rows.length > AUDIT_PAGE_SIZE,
    actions: actions.map((a) => a.action),
    actors: actors.filter((a): a is { id: number; name: string } => a.id !== null),
    names: {
      events: new Map(eventRows.map((e) => [e.id, { title: e.title, discipline: e.discipline }])),
      relays: new Map(relayRows.map((r) => [r.id, { name: r.name, eventId: r.eventId, startsAt: r.startsAt }])),
      entries: new Map(entryRows.map((e) => [e.id, { name: e.name, eventId: e.eventId }])),
      users: new Map(userRows.map((u) => [u.id, u.name])),
    },
  };
}
