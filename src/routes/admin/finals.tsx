import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { EDITORS, SCORERS } from "../../auth/roles.ts";
import { discipline, FINAL_FORMATS, ISSF_DECIMAL_FINAL } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import { notHere } from "../../lib/refusal.ts";
import { formBody } from "../../middleware/validate.ts";
import { loadEntries } from "../../queries/admin/entries.ts";
import { commit } from "../../queries/admin/commit.ts";
import { recordFinal } from "../../queries/admin/finals.ts";
import { scopesForTournament } from "../../queries/cache-versions.ts";
import { statement } from "../../db/statements.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { resultsControlRows } from "../../queries/admin/results.ts";
import { FinalsControl, type FinalsPageProps } from "../../views/admin/finals.tsx";
import { type EventEnv, eventFromPath, forStaff } from "./loaders.ts";
import { actor, adminPage, appContext } from "./respond.tsx";

/** Finals: created by owners and organisers from an event's qualification; shots entered by any scorer. */
export const finalsAdminRoutes = new Hono<AppEnv>();

async function finalsPage<E extends AppEnv>(c: Context<E>, notice?: FinalsPageProps["notice"], status?: ContentfulStatusCode) {
  const a = actor(c);
  const [{ structure }, finals, entries] = await Promise.all([
    resultsControlRows(a.db, a.tournament.id),
    a.client.call("finalsList"),
    loadEntries(a.client, a.db),
  ]);
  const names = new Map(entries.map((e) => [e.id, e.name]));
  const views = await Promise.all(finals.map((f) => a.client.call("final", f.id)));
  const events = structure.map((e) => {
    const d = discipline(e.discipline);
    const view = views.find((v) => v?.eventId === e.id) ?? null;
    const format = FINAL_FORMATS.find((f) => f.id === view?.formatId);
    return {
      id: e.id,
      title: e.title,
      disciplineName: d?.name ?? e.discipline,
      defaultFormat: (d?.final ?? ISSF_DECIMAL_FINAL).id,
      eligible: d !== undefined && d.scoring !== "hitmiss",
      final:
        view && format
          ? {
              id: view.id,
              formatName: format.name,
              finalists: view.finalists.map((f) => ({ entryId: f.entryId, name: names.get(f.entryId) ?? f.entryId })),
              eliminationPoints: format.eliminations.map((p) => p.afterShot),
            }
          : null,
    };
  });
  return adminPage(
    c,
    { section: "finals", title: "Finals", status },
    <FinalsControl slug={a.tournament.slug} events={events} canCreate={EDITORS.includes(a.role)} notice={notice} opId={crypto.randomUUID()} />,
  );
}

finalsAdminRoutes.get("/t/:slug/finals", forStaff(SCORERS), (c) => finalsPage(c));

const formatIds = FINAL_FORMATS.map((f) => f.id) as [string, ...string[]];
const createBody = formBody<{ format: string }, EventEnv>(z.object({ format: z.enum(formatIds, "Choose a final format") }), {
  fields: ["format"],
  invalid: (c, { errors }) => finalsPage(c, { ok: false, text: Object.values(errors).join(" ") }),
});

finalsAdminRoutes.post("/t/:slug/finals/events/:eventId{[1-9][0-9]{0,14}}", forStaff(EDITORS), eventFromPath, createBody, async (c) => {
  const a = actor(c);
  const event = c.get("event");
  const made = await a.client.call("createFinal", { eventId: event.id, formatId: c.req.valid("form").format, createdBy: a.actorId });
  if (made.outcome === "refused") {
    const status = made.reason === "final_exists" ? 409 : 422;
    return finalsPage(c, { ok: false, text: `${event.title}: ${made.message}.`, eventId: event.id }, status);
  }
  const formatId = c.req.valid("form").format;
  const noted = recordFinal(a.db, { tournamentId: a.tournament.id, eventId: event.id, finalId: made.finalId, formatId });
  await commit(a.db, {
    tournamentId: a.tournament.id,
    actorId: a.actorId,
    action: "final.create",
    subject: `event:${event.id}`,
    detail: { finalId: made.finalId },
    // The public pages link to the final from now on.
    statements: [statement(a.db, noted)],
    cacheScopes: scopesForTournament(a.tournament.slug),
  });
  return finalsPage(c, { ok: true, text: `The final of ${event.title} is ready: eight finalists, from zero.`, eventId: event.id });
});

const shotBody = formBody(
  z.object({
    opId: z.string().uuid("This form is out of date: reload the page"),
    entryId: z.string().min(1, "Choose the finalist"),
    shotNo: z.coerce.number().int("Shots are numbered 1, 2, 3 …").min(1, "Shots are numbered from 1"),
    display: z.string().trim().min(1, "Enter the value, e.g. 10.4").max(20),
    shootOffAfter: z.union([z.literal(""), z.coerce.number().int().positive()]),
  }),
  {
    fields: ["opId", "entryId", "shotNo", "display", "shootOffAfter"],
    invalid: (c, { errors }) => finalsPage(c, { ok: false, text: Object.values(errors).join(" ") }),
  },
);

finalsAdminRoutes.post("/t/:slug/finals/:finalId{[1-9][0-9]{0,14}}/shots", forStaff(SCORERS), shotBody, async (c) => {
  const a = actor(c);
  const finalId = idParam(c.req.param("finalId"));
  const final = finalId === null ? null : await a.client.call("final", finalId);
  if (!final) throw notHere("Final");
  const form = c.req.valid("form");
  const op = { opId: form.opId, entryId: form.entryId, shotNo: form.shotNo, display: form.display, ...(form.shootOffAfter === "" ? {} : { shootOffAfter: form.shootOffAfter }) };
  const by = { userId: a.actorId, tokenId: null, via: "session" as const, role: a.role };
  const [result] = (await a.client.call("applyFinalShots", final.id, [op], by)).results;
  const ok = result!.outcome === "applied" || result!.outcome === "duplicate";
  return finalsPage(appContext(c), { ok, text: result!.message, eventId: final.eventId }, ok ? 200 : 422);
});
