import type { Db } from "../db/client.ts";
import { discipline } from "../domain/scoring/disciplines.ts";
import { targetFace } from "../domain/targets/faces.ts";
import type { ShotOpInput } from "../object/contract/index.ts";
import { TournamentClient } from "../object-client/client.ts";
import { recordFinal } from "../queries/admin/finals.ts";
import type { StoredDemo } from "./demo.ts";
import { DEMO_FINAL_EVENT, LIVE_DEMO_SLUG, RANGE_OFFICER } from "./plan.ts";
import { demoPosition, demoShot } from "./shots.ts";

/** Shots fired in the demo final: one finalist out after shot 12, the next cut after shot 14 one shot away. */
const FINAL_SHOTS_SO_FAR = 13;

/**
 * The live tournament's juniors final, under way: created from the complete qualification as the organiser's
 * finals page does, then 13 decimal shots per finalist with positions, as an electronic target sends them.
 * A second seed finds the final there and sends the same op ids: nothing changes.
 */
export async function seedDemoFinal(env: Env, db: Db, stored: StoredDemo): Promise<{ path: string; shots: number } | null> {
  const t = stored.tournaments.find((s) => s.slug === LIVE_DEMO_SLUG);
  const event = t?.events.find((e) => e.title === DEMO_FINAL_EVENT);
  const officer = stored.userIds.get(RANGE_OFFICER.email);
  const d = event ? discipline(event.discipline) : undefined;
  const face = d ? targetFace(d.id) : undefined;
  if (!t || !event || officer === undefined || !d || !face) return null;
  const client = new TournamentClient(env, db, t.id);
  const made = await client.call("createFinal", { eventId: event.id, formatId: "issf-decimal-final", createdBy: null });
  const finalId = made.outcome === "created" ? made.finalId : (await client.call("finalsList")).find((f) => f.eventId === event.id)?.id;
  if (finalId === undefined) throw new Error(`The demo final was refused: ${made.outcome === "refused" ? made.message : ""}`);
  await recordFinal(db, { tournamentId: t.id, eventId: event.id, finalId, formatId: "issf-decimal-final" });
  const view = (await client.call("final", finalId))!;
  const ops: ShotOpInput[] = view.finalists.flatMap((f) =>
    Array.from({ length: FINAL_SHOTS_SO_FAR }, (_, i) => {
      const key = `final:${f.entryId}`;
      const { value } = demoShot(d, key, i + 1);
      return { opId: `demo-final:${f.entryId}:${i + 1}`, entryId: f.entryId, shotNo: i + 1, value, ...demoPosition(face, "decimal", value, key, i + 1) };
    }),
  );
  const { results } = await client.call("applyFinalShots", finalId, ops, { userId: officer, tokenId: null, via: "session", role: "range_officer" });
  const refused = results.find((r) => r.outcome === "rejected" || r.outcome === "conflict");
  if (refused) throw new Error(`Demo final shot refused: ${refused.message}`);
  return { path: `/t/${t.slug}/finals/${finalId}`, shots: results.filter((r) => r.outcome === "applied").length };
}
