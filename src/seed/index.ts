import { hashPassword } from "../auth/password.ts";
import type { Db } from "../db/client.ts";
import { loadDemoTournaments, seedDemoRecords } from "./demo.ts";
import { seedDemoEntries } from "./entries.ts";
import { seedDemoFinal } from "./final.ts";
import { COMPETITOR, DEMO_PASSWORD, type DemoOptions, demoTournaments, FILLERS, LIVE_DEMO_SLUG, ORGANISER, RANGE_OFFICER } from "./plan.ts";
import { seedDemoScores } from "./scores.ts";
import { seedPracticalDemo } from "./practical.ts";
import { PRACTICAL_DEMO_SLUG } from "./practical-plan.ts";

/** Seeds the whole demo: D1 records, then entries and scores through the tournaments' Durable Objects. */
export async function seedDemo(env: Env, db: Db, now = Date.now(), options: DemoOptions = {}) {
  const plan = demoTournaments(now, options);
  // One hash for every demo account: PBKDF2 at 100k iterations is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await seedDemoRecords(db, plan, passwordHash);
  const stored = await loadDemoTournaments(db, plan.map((t) => t.slug));
  const entries = await seedDemoEntries(env, plan, stored);
  const scores = await seedDemoScores(env, db, plan, stored);
  const final = await seedDemoFinal(env, db, stored);
  const practical = await seedPracticalDemo(env, db, now, passwordHash);
  return {
    signIns: [ORGANISER, RANGE_OFFICER, COMPETITOR].map((a) => ({ email: a.email, password: DEMO_PASSWORD, role: a.role, name: a.name })),
    fillerCompetitors: { emails: `${FILLERS[0]!.email} … ${FILLERS.at(-1)!.email}`, count: FILLERS.length },
    tournaments: plan.map((t) => ({ slug: t.slug, title: t.title, kind: t.kind, path: `/t/${t.slug}` })),
    created: { ...created, entries: entries.entries, shots: scores.shots, officialEvents: scores.official },
    entries,
    liveDemo: { slug: LIVE_DEMO_SLUG, command: "npm run demo:live" },
    final,
    practical: { slug: PRACTICAL_DEMO_SLUG, path: `/t/${PRACTICAL_DEMO_SLUG}`, ...practical },
  };
}
