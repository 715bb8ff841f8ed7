import type { Db } from "../db/client.ts";
import { discipline } from "../domain/scoring/disciplines.ts";
import { MAX_OPS_PER_BATCH, type ShotOpInput } from "../object/contract/index.ts";
import { TournamentClient } from "../object-client/client.ts";
import { setResultsStatus } from "../queries/admin/results.ts";
import type { StoredDemo } from "./demo.ts";
import { type DemoTournament, ORGANISER, RANGE_OFFICER } from "./plan.ts";
import { targetFace } from "../domain/targets/faces.ts";
import { demoPosition, demoShot, shotsSoFar } from "./shots.ts";

export interface ScoreSeedCounts {
  /** Shots the objects took now (a second seed sends the same op ids: nothing new). */
  shots: number;
  /** Events marked official now. */
  official: number;
}

/** The key a competitor's demo scores are drawn from: stable across seeds of fresh local state. */
export const scoreKey = (slug: string, position: number, email: string) => `${slug}:${position}:${email}`;

/**
 * Scores the planned relays through each tournament's object, as the range officer's scoring page does
 * (`applyShots`, op ids stable per slot), then marks the events of a finished tournament official as the
 * organiser's results page does (object first, then D1 with the audit entry).
 */
export async function seedDemoScores(env: Env, db: Db, plan: DemoTournament[], stored: StoredDemo): Promise<ScoreSeedCounts> {
  const counts: ScoreSeedCounts = { shots: 0, official: 0 };
  const emails = new Map([...stored.userIds].map(([email, id]) => [id, email]));
  const officer = stored.userIds.get(RANGE_OFFICER.email);
  const organiser = stored.userIds.get(ORGANISER.email);
  if (officer === undefined || organiser === undefined) throw new Error("The demo staff accounts are missing from D1.");
  for (const planned of plan) {
    const t = stored.tournaments.find((s) => s.slug === planned.slug)!;
    const client = new TournamentClient(env, db, t.id);
    const entries = await client.call("allEntries");
    for (const event of planned.events) {
      const storedEvent = t.events.find((e) => e.position === event.position)!;
      const d = discipline(event.discipline);
      // Official results take corrections only: a finished event is scored already.
      if (!d || storedEvent.resultsStatus === "official") continue;
      const ops: ShotOpInput[] = [];
      for (const relay of event.relays) {
        if (relay.shots === undefined) continue;
        const relayId = t.relays.find((r) => r.eventId === storedEvent.id && r.name === relay.name)?.id;
        for (const entry of entries.filter((e) => e.relayId === relayId && e.status === "confirmed")) {
          const key = scoreKey(planned.slug, event.position, emails.get(entry.userId) ?? String(entry.userId));
          for (let shotNo = 1; shotNo <= shotsSoFar(d, key, relay.shots); shotNo++) {
            const shot = demoShot(d, key, shotNo);
            // Where the discipline has a target face, the shot has a position, as from an electronic target.
            const face = targetFace(d.id);
            const at = face && d.scoring !== "hitmiss" ? demoPosition(face, d.scoring, shot.value, key, shotNo, shot.innerTen) : {};
            // Decimal shots state no inner ten (the position says it; an unstated flag is not checked against it).
            const value = d.scoring === "decimal" ? { value: shot.value } : shot;
            ops.push({ opId: `demo:${entry.id}:${shotNo}`, entryId: entry.id, shotNo, ...value, ...at });
          }
        }
      }
      for (let i = 0; i < ops.length; i += MAX_OPS_PER_BATCH) {
        const { results } = await client.call("applyShots", ops.slice(i, i + MAX_OPS_PER_BATCH), { userId: officer, tokenId: null, via: "session", role: "range_officer" });
        const refused = results.find((r) => r.outcome === "rejected" || r.outcome === "conflict");
        if (refused) throw new Error(`Demo shot refused in ${planned.slug}: ${refused.message}`);
        counts.shots += results.filter((r) => r.outcome === "applied").length;
      }
      if (planned.official) {
        await setResultsStatus({ client, db, tournament: { id: t.id, slug: t.slug }, actorId: organiser, role: "owner" }, storedEvent, true, "");
        counts.official++;
      }
    }
  }
  return counts;
}
