import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { STAFF_ROLES, type StaffRole } from "../../auth/roles.ts";
import type { Db } from "../../db/client.ts";
import { staffInvitations, tournamentStaff, users } from "../../db/schema.ts";
import { rawStatement } from "../../db/statements.ts";
import { TOKEN_LIFETIME_MS } from "../../auth/account-tokens.ts";
import { randomToken, sha256 } from "../../lib/encoding.ts";

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
      .select({ email: staffInvitations.email, role: staffInvitations.role, createdAt: staffInvitations.createdAt, expiresAt: staffInvitations.expiresAt })
      .from(staffInvitations)
      .where(eq(staffInvitations.tournamentId, tournamentId))
      .orderBy(asc(staffInvitations.email)),
  ]);
  return { members, invitations };
}

export type AddStaffOutcome =
  | { outcome: "invited"; token: string; expiresAt: number }
  | { outcome: "already"; role: StaffRole; name: string };

const audit = (db: Db, tournamentId: number, actorId: number | null, action: string, subject: string, detail: object, now: number) =>
  rawStatement(
    db,
    "INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at) VALUES (?, ?, ?, ?, ?, ?)",
    tournamentId, actorId, action, subject, JSON.stringify(detail), now,
  );

/**
 * Invites an address to the staff: a pending invitation (14 days) and a link token, for the route to mail.
 * Nobody gets a role here, not even an existing account: the role waits for the address's owner to accept.
 * Inviting again renews the invitation (new role, new expiry, a new link).
 */
export async function addStaff(db: Db, tournamentId: number, email: string, role: StaffRole, actorId: number, now = Date.now()): Promise<AddStaffOutcome> {
  const member = await db
    .select({ name: users.name, role: tournamentStaff.role })
    .from(tournamentStaff)
    .innerJoin(users, eq(users.id, tournamentStaff.userId))
    .where(and(eq(tournamentStaff.tournamentId, tournamentId), eq(users.email, email)))
    .get();
  if (member) return { outcome: "already", role: member.role, name: member.name };
  const token = randomToken(32);
  const expiresAt = now + TOKEN_LIFETIME_MS.invite;
  await db.$client.batch([
    rawStatement(
      db,
      `INSERT INTO staff_invitations (tournament_id, email, role, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (tournament_id, email) DO UPDATE SET role = excluded.role, invited_by = excluded.invited_by,
         created_at = excluded.created_at, expires_at = excluded.expires_at`,
      tournamentId, email, role, actorId, now, expiresAt,
    ),
    rawStatement(
      db,
      "INSERT INTO account_tokens (token_hash, purpose, email, tournament_id, subject, created_at, expires_at) VALUES (?, 'invite', ?, ?, ?, ?, ?)",
      await sha256(token), email, tournamentId, role, now, expiresAt,
    ),
    audit(db, tournamentId, actorId, "staff.invite", `email:${email}`, { email, role, expiresAt }, now),
  ]);
  return { outcome: "invited", token, expiresAt };
}

export type AcceptOutcome =
  | { outcome: "joined"; tournamentId: number; role: StaffRole }
  | { outcome: "gone" }
  | { outcome: "expired" }
  | { outcome: "already"; tournamentId: number };

/**
 * Accepts the invitation of `email` to the tournament for the account `userId`, whose verified address the
 * caller has checked to be `email`. The role is the invitation's as it stands (withdrawn: gone). One batch:
 * the staff row, the invitation's removal and the audit row land together.
 */
export async function acceptInvitation(db: Db, tournamentId: number, email: string, userId: number, now = Date.now()): Promise<AcceptOutcome> {
  const invitation = await db
    .select({ role: staffInvitations.role, expiresAt: staffInvitations.expiresAt })
    .from(staffInvitations)
    .where(and(eq(staffInvitations.tournamentId, tournamentId), eq(staffInvitations.email, email)))
    .get();
  if (!invitation) return { outcome: "gone" };
  if (invitation.expiresAt === null || invitation.expiresAt <= now) return { outcome: "expired" };
  const [inserted] = await db.$client.batch([
    rawStatement(db, "INSERT INTO tournament_staff (tournament_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", tournamentId, userId, invitation.role),
    rawStatement(
      db,
      `INSERT INTO audit_log (tournament_id, actor_id, action, subject, detail, at)
       SELECT ?, ?, 'staff.join', ?, ?, ? WHERE changes() = 1`,
      tournamentId, userId, `user:${userId}`, JSON.stringify({ email, role: invitation.role }), now,
    ),
    rawStatement(db, "DELETE FROM staff_invitations WHERE tournament_id = ? AND email = ?", tournamentId, email),
  ]);
  if (inserted?.meta.changes !== 1) return { outcome: "already", tournamentId };
  return { outcome: "joined", tournamentId, role: invitation.role };
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
