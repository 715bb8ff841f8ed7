import { and, asc, eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { relays } from "../../db/schema.ts";
import { currentUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { formText } from "../../lib/forms.ts";
import { Refusal } from "../../lib/refusal.ts";
import type { ScoringActor } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { namesOf } from "../../queries/results/practical.ts";
import { sheetPath, STAGE_SHEET_SCRIPT, type SheetCompetitor, type SheetForm, StageSheetPage, type StageSheetModel } from "../../views/scoring/stage-sheet.tsx";
import { scoringStaff } from "./access.tsx";

/** The range officer's stage score sheet for a practical match: stage → squad → competitor, tap counters, confirmation. */
export const practicalSheetRoutes = new Hono<AppEnv>();

const EVENT = "/t/:slug/practical/:eventId{[1-9][0-9]{0,14}}";
const id = (v: string | undefined) => (v && /^[1-9][0-9]{0,14}$/.test(v) ? Number(v) : null);
const EMPTY_VALUES: SheetForm["values"] = { a: "0", c: "0", d: "0", miss: "0", noShoot: "0", procedural: "0", time: "" };

interface Picked {
  stage: number | null;
  squad: number | null;
  entry: string | null;
}

async function sheetModel(c: Context<AppEnv>, eventId: number, picked: Picked, form?: SheetForm) {
  const tournament = c.get("tournament");
  const db = c.get("db");
  const [book, squads] = await Promise.all([
    TournamentClient.of(c).call("practicalBook", eventId),
    db.select({ id: relays.id, name: relays.name }).from(relays).where(and(eq(relays.eventId, eventId), eq(relays.tournamentId, tournament.id))).orderBy(asc(relays.startsAt), asc(relays.id)),
  ]);
  if (!book || squads.length === 0 && book.stages.length === 0) {
    throw new Refusal(404, { title: "Match not found", detail: "This tournament has no practical match at this address." });
  }
  const stage = book.stages.find((s) => s.id === picked.stage) ?? null;
  const squad = squads.find((q) => q.id === picked.squad) ?? null;
  const inSquad = squad ? book.entries.filter((e) => e.relayId === squad.id) : [];
  const names = await namesOf(db, inSquad.map((e) => e.userId));
  const competitors: SheetCompetitor[] = inSquad
    .map((e) => {
      const score = stage ? book.scores.find((s) => s.entryId === e.entryId && s.stageId === stage.id) : undefined;
      return {
        entryId: e.entryId,
        name: names.get(e.userId)?.name ?? "Competitor",
        division: e.division,
        powerFactor: e.powerFactor,
        dq: e.dq,
        score: score ? { hits: score.hits, confirmed: score.confirmed } : null,
      };
    })
    .sort((x, y) => x.name.localeCompare(y.name));
  // After a save the sheet moves to the next competitor without a score.
  const pickedEntry = competitors.find((x) => x.entryId === picked.entry) ?? null;
  const model: StageSheetModel = {
    slug: tournament.slug,
    event: { id: book.eventId, title: book.title },
    stages: book.stages,
    squads,
    stage,
    squad,
    competitors,
    picked: pickedEntry,
    form: pickedEntry ? (form ?? { opId: crypto.randomUUID(), values: EMPTY_VALUES }) : null,
    official: book.official,
  };
  return model;
}

function render(c: Context<AppEnv>, model: StageSheetModel) {
  return c.render(<StageSheetPage m={model} />, { title: `${model.event.title} · Stage score sheet`, scripts: [STAGE_SHEET_SCRIPT], noindex: true });
}

practicalSheetRoutes.get(EVENT, ...scoringStaff, async (c) => {
  const picked = { stage: id(c.req.query("stage")), squad: id(c.req.query("squad")), entry: c.req.query("entry") ?? null };
  const model = await sheetModel(c, Number(c.req.param("eventId")), picked);
  // The last save, named by entry: the notice is the server's words, never the query's.
  const saved = model.competitors.find((x) => x.entryId === c.req.query("saved"));
  if (saved) model.notice = { tone: "success", text: `Saved for ${saved.name}${saved.score?.confirmed ? ", confirmed by the competitor" : ""}.` };
  return render(c, model);
});

const count = (label: string) => z.coerce.number({ error: `${label}: a whole number` }).int(`${label}: a whole number`).min(0, `${label}: 0 or more`).max(999);
const sheetFields = z.object({
  opId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, "This form is out of date: reload the page."),
  entry: z.string().min(1).max(100),
  stage: z.coerce.number().int().positive(),
  a: count("A"),
  c: count("C"),
  d: count("D"),
  miss: count("M"),
  noShoot: count("NS"),
  procedural: count("P"),
  time: z
    .string()
    .trim()
    .regex(/^[0-9]{1,4}([.,][0-9]{1,2})?$/, "Type the time in seconds with up to two decimals, e.g. 18.70")
    .transform((v) => Number(v.replace(",", "."))),
  confirmed: z.enum(["0", "1"]).default("0"),
});

practicalSheetRoutes.post(`${EVENT}/scores`, ...scoringStaff, async (c) => {
  const eventId = Number(c.req.param("eventId"));
  const body = formText(await c.req.parseBody(), ["opId", "entry", "stage", "squad", "a", "c", "d", "miss", "noShoot", "procedural", "time", "confirmed"]);
  const picked = { stage: id(body.stage), squad: id(body.squad), entry: body.entry || null };
  const values = { a: body.a, c: body.c, d: body.d, miss: body.miss, noShoot: body.noShoot, procedural: body.procedural, time: body.time };
  const again = async (status: 409 | 422, error: string) => {
    c.status(status);
    return render(c, await sheetModel(c, eventId, picked, { opId: body.opId || crypto.randomUUID(), values, error }));
  };
  const parsed = sheetFields.safeParse({ ...body, confirmed: body.confirmed || "0" });
  if (!parsed.success) return again(422, parsed.error.issues[0]?.message ?? "Check the sheet");
  const f = parsed.data;
  const actor: ScoringActor = { userId: currentUser(c).id, tokenId: null, via: "session", role: c.get("role") };
  const op = { opId: f.opId, entryId: f.entry, stage: f.stage, a: f.a, c: f.c, d: f.d, miss: f.miss, noShoot: f.noShoot, procedural: f.procedural, time: f.time, confirmed: f.confirmed === "1" };
  const { outcomes } = await TournamentClient.of(c).call("applyStageScores", [op], actor);
  const outcome = outcomes[0];
  if (!outcome || outcome.outcome === "rejected") return again(422, outcome?.message ?? "The score was not saved");
  if (outcome.outcome === "conflict") return again(409, outcome.message);
  // Saved (or already saved): on to the next competitor of the squad without a score on this stage.
  const model = await sheetModel(c, eventId, { ...picked, entry: null });
  const next = model.competitors.find((x) => !x.score && !x.dq);
  const target = sheetPath(model.slug, eventId, { stage: f.stage, squad: picked.squad ?? undefined, entry: next?.entryId });
  return c.redirect(`${target}${target.includes("?") ? "&" : "?"}saved=${encodeURIComponent(f.entry)}`, 303);
});
