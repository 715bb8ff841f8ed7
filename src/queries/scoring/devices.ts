import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { apiTokens, scoringDevices, users } from "../../db/schema.ts";

/** What an offline scoring device says about itself with each batch of shots. */
export interface DeviceReport {
  deviceId: string;
  label: string;
  /** Operations it still held when it sent the batch (this batch included). */
  pending: number;
  /** Operations of its log the server answered with a conflict. */
  conflicts: number;
}

/** Records a device's latest report (one row per device and tournament; the latest sync wins, counts add up). */
export async function recordDeviceReport(
  db: Db,
  a: { tournamentId: number; userId: number | null; tokenId: number | null; sent: number; at: number },
  report: DeviceReport,
): Promise<void> {
  const pending = Math.max(0, report.pending - a.sent);
  await db
    .insert(scoringDevices)
    .values({ tournamentId: a.tournamentId, deviceId: report.deviceId, label: report.label, userId: a.userId, tokenId: a.tokenId, lastSyncAt: a.at, pending, conflicts: report.conflicts, opsSent: a.sent })
    .onConflictDoUpdate({
      target: [scoringDevices.tournamentId, scoringDevices.deviceId],
      set: {
        label: report.label,
        userId: a.userId,
        tokenId: a.tokenId,
        lastSyncAt: sql`max(${scoringDevices.lastSyncAt}, ${a.at})`,
        pending,
        conflicts: report.conflicts,
        opsSent: sql`${scoringDevices.opsSent} + ${a.sent}`,
      },
    });
}

/** The tournament's devices for the organiser, the latest sync first, with the officer or token behind each. */
export function tournamentDevices(db: Db, tournamentId: number) {
  return db
    .select({
      deviceId: scoringDevices.deviceId,
      label: scoringDevices.label,
      officer: users.name,
      token: apiTokens.name,
      lastSyncAt: scoringDevices.lastSyncAt,
      pending: scoringDevices.pending,
      conflicts: scoringDevices.conflicts,
      opsSent: scoringDevices.opsSent,
    })
    .from(scoringDevices)
    .leftJoin(users, eq(users.id, scoringDevices.userId))
    .leftJoin(apiTokens, eq(apiTokens.id, scoringDevices.tokenId))
    .where(eq(scoringDevices.tournamentId, tournamentId))
    .orderBy(desc(scoringDevices.lastSyncAt));
}
