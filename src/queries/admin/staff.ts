import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { STAFF_ROLES, type StaffRole } from "../../auth/roles.ts";
import type { Db } from "../../db/client.ts";
import { staffInvitations, tournamentStaff, users } from "../../db/schema.ts";
import { rawStatement } from "../../db/statements.ts";

/** Who may grant which roles: the owner any; an organiser only range officers. */
export const GRANTABLE: Record<StaffRole, StaffRole[]> = {
  owner: ["owner", "organiser", "range_officer"],
  organiser: ["range_officer"],
  range_officer: [],
};

export const staffForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter the person's email address.")
    .max(254, "An email address has at most 254 characters.")
    .toLowerCase()
    .pipe(z.email("Enter an email address like name@example.com.")),
  role: z.enum(STAFF_ROLES, { error: "Choose a role." }),
});

export async function listStaff(db: Db, tournamentId: number) {
  const [members, invitations] = await db.batch([
    db
      .select({ userId: users.id, name: users.name, email: users.email, role: tournamentStaff.role })
      .from(tournamentStaff)
      .innerJoin(users, eq(users.id, tournamentStaff.userId))
      .where(eq(tournamentStaff.tournamentId, tournamentId))
      .orderBy(asc(tournamentStaff.role), asc(users.name)),
    db
      .select({ email: staffInvitations.email, role: staffInvitations.role, createdAt: staffInvitations.createdAt })
      .from(staffInvitations)
      .where(eq(staffInvitations.tournamentId, tournamentId))
      .orderBy(asc(staffInvitations.email)),
  ]);
  return { members, invitations };
}

export type AddStaffOutcome =
  | { outcome: "added"; name: string }
  | { outcome: "invited" }
  | { outcome: "already"; role: StaffRole; name: string };

const audit = (db: Db, tournamentId: number, actorId: number, action: string, subject: string, detail: object, now: number) =>
  rawStatement(
    db,
    "INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at) VALUES (?, ?, ?, ?, ?, ?)",
    tournamentId, actorId, action, subject, JSON.stringify(detail), now,
  );

/** An existing account joins the staff at once; any other email gets a pending invitation. */
export async function addStaff(db: Db, tournamentId: number, email: string, role: StaffRole, actorId: number, now = Date.now()): Promise<AddStaffOutcome> {
  const user = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email)).get();
  if (user) {
    const current = await db
      .select({ role: tournamentStaff.role })
      .from(tournamentStaff)
      .where(and(eq(tournamentStaff.tournamentId, tournamentId), eq(tournamentStaff.userId, user.id)))
      .get();
    if (current) return { outcome: "already", role: current.role, name: user.name };
    await db.$client.batch([
      rawStatement(db, "INSERT INTO tournament_staff (tournament_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", tournamentId, user.id, role),
      audit(db, tournamentId, actorId, "staff.add", `user:${user.id}`, { name: user.name, email, role }, now),
    ]);
    return { outcome: "added", name: user.name };
  }
  await db.$client.batch([
    rawStatement(
      db,
      `INSERT INTO staff_invitations (tournament_id, email, role, invited_by, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tournament_id, email) DO UPDATE SET role = excluded.role, invited_by = excluded.invited_by`,
      tournamentId, email, role, actorId, now,
    ),
    audit(db, tournamentId, actorId, "staff.invite", `email:${email}`, { email, role }, now),
  ]);
  return { outcome: "invited" };
}

export type RemoveOutcome = { outcome: "removed" } | { outcome: "not_found" } | { outcome: "last_owner" };

/**
 * Removes a staff member; their next request is refused (roles are read per request). The last owner
 * stays: the delete itself checks that another owner remains, so two owners removing each other at once
 * cannot leave the tournament without one.
 */
export async function removeStaff(db: Db, tournamentId: number, userId: number, actorId: number, now = Date.now()): Promise<RemoveOutcome> {
  const member = await db
    .select({ role: tournamentStaff.role, name: users.name })
    .from(tournamentStaff)
    .innerJoin(users, eq(users.id, tournamentStaff.userId))
    .where(and(eq(tournamentStaff.tournamentId, tournamentId), eq(tournamentStaff.userId, userId)))
    .get();
  if (!member) return { outcome: "not_found" };
  const [deleted] = await db.$client.batch([
    rawStatement(
      db,
      `DELETE FROM tournament_staff WHERE tournament_id = ?1 AND user_id = ?2
         AND (role <> 'owner' OR (SELECT COUNT(*) FROM tournament_staff WHERE tournament_id = ?1 AND role = 'owner') > 1)`,
      tournamentId, userId,
    ),
    rawStatement(
      db,
      `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
       SELECT ?, ?, 'staff.remove', ?, ?, ? WHERE changes() = 1`,
      tournamentId, actorId, `user:${userId}`, JSON.stringify({ name: member.name, role: member.role }), now,
    ),
  ]);
  return deleted?.meta.changes === 1 ? { outcome: "removed" } : { outcome: "last_owner" };
}

export async function cancelInvitation(db: Db, tournamentId: number, email: string, actorId: number, now = Date.now()): Promise<boolean> {
  const [deleted] = await db.$client.batch([
    rawStatement(db, "DELETE FROM staff_invitations WHERE tournament_id = ? AND email = ?", tournamentId, email),
    rawStatement(
      db,
      `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
       SELECT ?, ?, 'staff.uninvite', ?, ?, ? WHERE changes() = 1`,
      tournamentId, actorId, `email:${email}`, JSON.stringify({ email }), now,
    ),
  ]);
  return deleted?.meta.changes === 1;
}

/**
 * Turns the pending invitations for this email into staff roles (called when the account is created, and
 * on the admin landing page for anyone who slipped through). Returns how many were accepted.
 */
export async function acceptInvitations(db: Db, userId: number, email: string, now = Date.now()): Promise<number> {
  const address = email.trim().toLowerCase();
  const pending = await db.select({ tournamentId: staffInvitations.tournamentId }).from(staffInvitations).where(eq(staffInvitations.email, address)).all();
  if (pending.length === 0) return 0;
  await db.$client.batch([
    rawStatement(
      db,
      `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
       SELECT i.tournament_id, ?1, 'staff.join', 'user:' || ?1, json_object('email', i.email, 'role', i.role), ?3
       FROM staff_invitations i
       WHERE i.email = ?2 AND NOT EXISTS (SELECT 1 FROM tournament_staff s WHERE s.tournament_id = i.tournament_id AND s.user_id = ?1)`,
      userId, address, now,
    ),
    rawStatement(
      db,
      `INSERT INTO tournament_staff (tournament_id, user_id, role)
       SELECT tournament_id, ?, role FROM staff_invitations WHERE email = ? ON CONFLICT DO NOTHING`,
      userId, address,
    ),
    rawStatement(db, "DELETE FROM staff_invitations WHERE email = ?", address),
  ]);
  return pending.length;
}
