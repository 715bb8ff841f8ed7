import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { formText } from "../../lib/forms.ts";
import { type Discipline, discipline, formatShot, parseShot, skippedShots, skipWarning } from "../../domain/scoring/index.ts";
import type { AppEnv } from "../../env.ts";
import type { ScoringActor, ShotOpInput, ShotOutcome } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { type CardNotice, fpScoreId, progressText, Scorecard } from "../../views/scoring/scorecard.tsx";
import { isHtmx } from "../../middleware/errors.tsx";
import { currentUser } from "../../auth/session.ts";
import { Refusal } from "../../lib/refusal.ts";
import { scoringStaff } from "./access.tsx";
import { scorecardModel } from "../../queries/scoring/card.ts";
import { loadCompetitor } from "../../queries/scoring/load.ts";
import { type CardExtras, relayPageResponse } from "./relay.tsx";

/**
 * The shot form and the undo button. Each post is one operation with the id the form was rendered with,
 * applied by the tournament object: a second post of the same form is a duplicate, never a second shot.
 * The answer is the card as the object now holds it (htmx swaps it in place), with a refusal's message
 * next to its field and nothing saved.
 */
export const shotFormRoutes = new Hono<AppEnv>();

const ENTRY = ":entryId{[A-Za-z0-9_-]{1,100}}";
const STALE_FORM = "This form is out of date: reload the page and enter the shot again.";

const opId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, STALE_FORM);
const shotNo = z
  .string()
  .trim()
  .regex(/^[0-9]{1,5}$/, "Enter the shot number as a whole number, e.g. 12.")
  .transform(Number);

const shotFields = z.object({
  opId,
  shotNo,
  value: z.string().trim().max(20, "A score has at most 20 characters."),
});

const undoFields = z.object({
  opId,
  shotNo,
  replaces: z.string().regex(/^[0-9]{1,5}$/, STALE_FORM).transform(Number),
  replacesInnerTen: z.enum(["", "1"], { error: STALE_FORM }),
});

/** A shot the form sent that was refused, kept in the form with its messages. */
type ShotRefusal = NonNullable<CardExtras["refused"]>;

const competitorNotFound = (detail: string) => new Refusal(404, { title: "Competitor not found", detail });

const noun = (d: { shotNoun: string }) => (d.shotNoun === "target" ? "Target" : "Shot");

function actorOf(c: Context<AppEnv>): ScoringActor {
  return { userId: currentUser(c).id, tokenId: null, via: "session", role: c.get("role") };
}

/**
 * Answers with the entry's current card: for htmx the card plus the competitor's line in the firing-point
 * list; for a plain form a redirect to the relay page after success, or that page with the message.
 */
async function answer(
  c: Context<AppEnv>,
  entryId: string,
  reply: { refused?: ShotRefusal; notice?: (d: Discipline) => CardNotice },
  status: ContentfulStatusCode,
) {
  const tournament = c.get("tournament");
  const card = await TournamentClient.of(c).call("card", entryId);
  const d = card ? discipline(card.discipline) : undefined;
  if (!card || !d) throw competitorNotFound("This tournament has no entry with this id.");
  const extras: CardExtras = { refused: reply.refused, notice: reply.notice?.(d) ?? null };
  const competitor = await loadCompetitor(c.get("db"), tournament.id, entryId, card.userId);

  if (!isHtmx(c)) {
    if (competitor.relayId === null) {
      throw new Refusal(status === 200 ? 409 : status, { title: "Entry not on a relay yet", detail: "Reload the relay page in a moment." });
    }
    if (status === 200) return c.redirect(`/score/t/${tournament.slug}/relays/${competitor.relayId}?entry=${entryId}`, 303);
    c.status(status);
    return relayPageResponse(c, competitor.relayId, { entryId, card, extras });
  }
  const model = scorecardModel({ slug: tournament.slug, card, d, competitor, ...extras });
  c.status(status);
  return c.render(
    <>
      <Scorecard model={model} />
      <hx-partial hx-target={`#${fpScoreId(entryId)}`} hx-swap="innerHTML">
        {progressText(d, model.totals)}
      </hx-partial>
    </>,
    { title: "", fragment: true },
  );
}

function refusedBy(outcome: ShotOutcome, sent: { shotNo: number; value: string }): ShotRefusal {
  const onShotNo = outcome.reason === "beyond_match" || outcome.reason === "invalid_shot_no";
  return { ...sent, errors: onShotNo ? { shotNo: outcome.message } : { value: outcome.message } };
}

shotFormRoutes.post(`/t/:slug/entries/${ENTRY}/shots`, ...scoringStaff, async (c) => {
  const entryId = c.req.param("entryId");
  const body = formText(await c.req.parseBody(), ["opId", "shotNo", "value", "quick", "skip"]);
  const typed = body.quick.trim() !== "" ? body.quick : body.value;
  const parsed = shotFields.safeParse({ opId: body.opId, shotNo: body.shotNo, value: typed });

  if (!parsed.success || parsed.data.value === "") {
    const errors: ShotRefusal["errors"] = {};
    for (const issue of parsed.error?.issues ?? []) {
      const field = issue.path[0] === "shotNo" ? "shotNo" : "value";
      errors[field] ??= issue.message;
    }
    const card = await TournamentClient.of(c).call("card", entryId);
    const d = card ? discipline(card.discipline) : undefined;
    // An empty score gets the discipline's own prompt ("Enter a score like 10.4").
    if (d && !errors.value && parsed.data?.value === "") {
      const read = parseShot(d, "");
      if (!read.ok) errors.value = read.message;
    }
    const sentNo = Number(body.shotNo);
    const refused = { shotNo: Number.isInteger(sentNo) && sentNo > 0 ? sentNo : null, value: typed.trim(), errors };
    return answer(c, entryId, { refused }, 422);
  }

  const { opId: id, shotNo: no, value } = parsed.data;
  // A number past the next empty one (shot 10 right after shot 3) is asked about once; Enter again saves it.
  if (body.skip !== String(no)) {
    const card = await TournamentClient.of(c).call("card", entryId);
    const d = card ? discipline(card.discipline) : undefined;
    const skipped = card && d && no <= d.shots ? skippedShots(card.shots.map((s) => s.shotNo), no) : null;
    if (d && skipped) {
      return answer(c, entryId, { refused: { shotNo: no, value, errors: {}, skip: { shotNo: no, warning: skipWarning(d, no, skipped) } } }, 409);
    }
  }
  const op: ShotOpInput = { opId: id, entryId, shotNo: no, display: value };
  const [outcome] = (await TournamentClient.of(c).call("applyShots", [op], actorOf(c))).results;
  if (!outcome) throw new Error("applyShots answered no outcome for one operation");
  switch (outcome.outcome) {
    case "applied":
      return answer(c, entryId, { notice: () => ({ kind: "saved", text: `Saved. ${outcome.message}` }) }, 200);
    case "duplicate": {
      const text = outcome.reason === "known_op" ? "Already saved: the form was sent twice and the shot counted once." : `${outcome.message}: nothing changed.`;
      return answer(c, entryId, { notice: () => ({ kind: "duplicate", text }) }, 200);
    }
    case "conflict":
      return answer(c, entryId, { refused: refusedBy(outcome, { shotNo: no, value }) }, 409);
    case "rejected":
      if (outcome.reason === "unknown_entry") throw competitorNotFound(outcome.message);
      return answer(c, entryId, { refused: refusedBy(outcome, { shotNo: no, value }) }, outcome.reason === "entry_not_confirmed" ? 409 : 422);
  }
});

shotFormRoutes.post(`/t/:slug/entries/${ENTRY}/undo`, ...scoringStaff, async (c) => {
  const entryId = c.req.param("entryId");
  const body = formText(await c.req.parseBody(), ["opId", "shotNo", "replaces", "replacesInnerTen"]);
  const parsed = undoFields.safeParse(body);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? STALE_FORM;
    return answer(c, entryId, { notice: () => ({ kind: "error", text: message }) }, 422);
  }
  const { opId: id, shotNo: no, replaces, replacesInnerTen } = parsed.data;
  const replaced = { value: replaces, innerTen: replacesInnerTen === "1" };
  const op: ShotOpInput = { opId: id, entryId, shotNo: no, value: null, replaces: replaced, reason: "undo" };
  const [outcome] = (await TournamentClient.of(c).call("applyShots", [op], actorOf(c))).results;
  if (!outcome) throw new Error("applyShots answered no outcome for one operation");
  if (outcome.outcome === "applied" || outcome.outcome === "duplicate") {
    const again = outcome.outcome === "duplicate";
    return answer(c, entryId, {
      notice: (d) => {
        const shown = `${noun(d)} ${no} (${formatShot(d, replaced.value, replaced.innerTen)})`;
        return { kind: "undone", text: again ? `${shown} was already undone.` : `${shown} undone.` };
      },
    }, 200);
  }
  if (outcome.outcome === "rejected" && outcome.reason === "unknown_entry") {
    throw competitorNotFound(outcome.message);
  }
  const status = outcome.reason === "official_correction_refused" ? 403 : 409;
  return answer(c, entryId, { notice: () => ({ kind: "error", text: `Not undone. ${outcome.message}.` }) }, status);
});
