import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { windowState } from "../../domain/registration/window.ts";
import type { AppEnv, SignedInUser } from "../../env.ts";
import type { RegisterResult } from "../../object/contract/index.ts";
import { isOverloaded, retryOnce, tournamentStub } from "../../object-client/stub.ts";
import { pushConfiguration } from "../../object-client/configuration.ts";
import { DateTime } from "../../views/components/time.tsx";
import { EventBlock, type EventBlockProps, myEntriesLink, type Notice } from "../../views/competitor/event-block.tsx";
import { RegistrationPanel } from "../../views/competitor/registration.tsx";
import { RegistrationResultPage } from "../../views/competitor/result-page.tsx";
import { isHtmx } from "../account/respond.ts";
import { eventOf, relayOf, type TournamentFacts, tournamentFacts } from "../../queries/competitor/facts.ts";
import { liveState } from "../../queries/competitor/live-state.ts";
import { activeEntryIn, block, type BlockContext, eventBlocks, newFormKey, relayChoices, relayChoicesFromFacts, relayName } from "../../queries/competitor/registration.ts";

/**
 * The registration panel of the tournament page (an uncached personal fragment) and the form it posts.
 * The post costs one call to the tournament object when it is accepted; its session check is served from
 * the per-isolate cache (see CACHED_SESSION_PREFIXES), so the rush does not wait on D1.
 */
export const registrationRoutes = new Hono<AppEnv>();

/** When the opening is this close, the panel rechecks by itself at the opening instant. */
const RECHECK_BEFORE_MS = 15_000;

const registerForm = z.object({
  event: z
    .string({ error: "Choose an event." })
    .regex(/^[1-9][0-9]{0,14}$/, { error: "Choose an event." })
    .transform(Number),
  relay: z
    .string({ error: "Choose a relay, or any relay of this event." })
    .regex(/^(any|[1-9][0-9]{0,14})$/, { error: "Choose a relay, or any relay of this event." })
    .transform((v) => (v === "any" ? ("any" as const) : Number(v))),
  key: z
    .string({ error: "This form is incomplete. Reload the page and try again." })
    .trim()
    .min(8, { error: "This form is incomplete. Reload the page and try again." })
    .max(200, { error: "This form is incomplete. Reload the page and try again." }),
});

registrationRoutes.get("/fragments/t/:slug/registration", async (c) => {
  c.header("Cache-Control", "private, no-store");
  const db = c.get("db");
  const facts = await tournamentFacts(db, c.req.param("slug"));
  if (!facts || facts.status !== "published") {
    return c.html(<p class="notice error">This tournament is not open for registration here.</p>, 404);
  }
  const user = c.get("user");
  const panel = { slug: facts.slug, zone: facts.timeZone, opensAt: facts.opensAt, closesAt: facts.closesAt };
  if (!user) {
    const now = Date.now();
    const state = windowState(now, facts);
    return c.html(<RegistrationPanel {...panel} now={now} state={state} signedIn={false} events={[]} recheckInMs={recheck(state, facts.opensAt, now)} />);
  }
  const live = await liveState(c.env, db, facts, user.id);
  const now = live.snapshot.now;
  const window = live.snapshot.window ?? { opensAt: facts.opensAt, closesAt: facts.closesAt, state: windowState(now, facts) };
  const events = eventBlocks({ facts, csrf: c.get("csrf") }, live.snapshot, live.entries, window.state);
  return c.html(
    <RegistrationPanel
      {...panel}
      opensAt={window.opensAt}
      closesAt={window.closesAt}
      now={now}
      state={window.state}
      signedIn
      events={events}
      recheckInMs={recheck(window.state, window.opensAt, now)}
    />,
  );
});

function recheck(state: string, opensAt: number, now: number): number | undefined {
  return state === "upcoming" && opensAt - now <= RECHECK_BEFORE_MS ? opensAt - now + 300 : undefined;
}

/** Three short fields and the form token; anything much larger is not from our form. */
const MAX_FORM_BYTES = 4 * 1024;

const formLimit = bodyLimit({
  maxSize: MAX_FORM_BYTES,
  onError: (c) => c.html(<p class="notice error">This registration form is too large to be ours. Reload the page and try again.</p>, 413),
});

registrationRoutes.post("/me/t/:slug/entries", formLimit, async (c) => {
  c.header("Cache-Control", "no-store");
  const slug = c.req.param("slug");
  const user = c.get("user");
  if (!user) {
    const to = `/account/sign-in?next=${encodeURIComponent(`/t/${slug}`)}`;
    if (isHtmx(c)) {
      c.header("HX-Redirect", to);
      return c.body(null, 401);
    }
    return c.redirect(to, 303);
  }
  const db = c.get("db");
  const facts = await tournamentFacts(db, slug);
  const fields = await c.req.parseBody();
  const raw = { event: fields.event, relay: fields.relay, key: fields.key };
  const eventId = typeof raw.event === "string" && /^[1-9][0-9]{0,14}$/.test(raw.event) ? Number(raw.event) : 0;
  if (!facts || facts.status !== "published") {
    const notice: Notice = { tone: "error", text: "There is no tournament open for registration at this address." };
    return answer(c, 404, null, { slug, tournamentId: 0, zone: "UTC", csrf: c.get("csrf"), event: { id: eventId, title: "Registration" }, body: { kind: "notice", notice } });
  }
  const ctx: BlockContext = { facts, csrf: c.get("csrf") };
  const parsed = registerForm.safeParse(raw);
  if (!parsed.success) {
    const issue = (field: string) => parsed.error.issues.find((i) => i.path[0] === field)?.message;
    if (issue("event") || !eventOf(facts, eventId)) {
      const notice: Notice = { tone: "error", text: "This event does not take entries in this tournament. Reload the page and choose again." };
      return answer(c, 422, facts, block(ctx, { id: eventId, title: eventOf(facts, eventId)?.title ?? "Registration" }, { kind: "notice", notice }));
    }
    const relayError = issue("relay");
    const notice: Notice | undefined = issue("key") ? { tone: "error", text: issue("key") } : undefined;
    return answer(c, 422, facts, await freshBlock(c, ctx, user, eventId, { relayError, notice }));
  }
  const { event, relay, key } = parsed.data;
  const stub = tournamentStub(c.env, facts.id);
  const request = { userId: user.id, eventId: event, relayId: relay, idempotencyKey: key };
  const ask = () => retryOnce<RegisterResult>(() => stub.register(request));
  let result: RegisterResult;
  try {
    result = await ask();
    if (result.outcome === "refused" && result.reason === "not_configured") {
      await pushConfiguration(c.env, db, facts.id);
      result = await ask();
    }
  } catch (err) {
    if (!isOverloaded(err)) throw err;
    c.header("Retry-After", "1");
    const notice: Notice = { tone: "error", text: "Registration is very busy right now. Press Register again: you cannot be entered twice." };
    return answer(c, 503, facts, sameForm(ctx, event, key, relay, notice));
  }
  const title = eventOf(facts, event)?.title ?? "this event";

  if (result.outcome !== "refused") {
    if (!isHtmx(c)) return c.redirect(myEntriesLink(facts.id), 303);
    const known = relayOf(facts, result.entry.relayId) ? facts : ((await tournamentFacts(db, slug, { fresh: true })) ?? facts);
    const notice: Notice | undefined = result.replayed ? { tone: "info", text: "You had already sent this registration; this is its result." } : undefined;
    const body = { kind: "entry" as const, entry: result.entry, relay: relayName(known, null, result.entry.relayId), justNow: true, notice };
    return answer(c, result.replayed ? 200 : 201, facts, block({ ...ctx, facts: known }, { id: event, title }, body));
  }

  switch (result.reason) {
    case "already_entered":
      return answer(c, 409, facts, await freshBlock(c, ctx, user, event, { notice: { tone: "info", text: `You already have an entry in ${title}.` } }));
    case "not_open": {
      const text = <>Registration is not open yet: it opens on <DateTime epoch={facts.opensAt} zone={facts.timeZone} />.</>;
      return answer(c, 403, facts, block(ctx, { id: event, title }, { kind: "notice", notice: { tone: "error", text } }));
    }
    case "closed": {
      const text = <>Registration closed on <DateTime epoch={facts.closesAt} zone={facts.timeZone} />.</>;
      return answer(c, 403, facts, block(ctx, { id: event, title }, { kind: "notice", notice: { tone: "error", text } }));
    }
    case "rate_limited": {
      const seconds = Math.ceil((result.retryAfterMs ?? 60_000) / 1000);
      c.header("Retry-After", String(seconds));
      const notice: Notice = { tone: "error", text: `Too many attempts. Please wait ${seconds} s, then press Register again.` };
      return answer(c, 429, facts, sameForm(ctx, event, key, relay, notice));
    }
    case "unknown_event": {
      const notice: Notice = { tone: "error", text: "This event does not take entries in this tournament. Reload the page and choose again." };
      return answer(c, 422, facts, block(ctx, { id: event, title }, { kind: "notice", notice }));
    }
    case "unknown_relay":
      return answer(c, 422, facts, await freshBlock(c, ctx, user, event, { relayError: result.message }));
    case "idempotency_key_reused": {
      const notice: Notice = { tone: "error", text: "This form was already used for another choice. Choose again and press Register." };
      return answer(c, 422, facts, await freshBlock(c, ctx, user, event, { notice }));
    }
    case "not_configured": {
      c.header("Retry-After", "5");
      const notice: Notice = { tone: "error", text: "Registration for this tournament is not ready yet. Please try again in a moment." };
      return answer(c, 503, facts, block(ctx, { id: event, title }, { kind: "notice", notice }));
    }
  }
});

/** The form as it was sent (same key, same choice), without asking the object for figures again. */
function sameForm(ctx: BlockContext, eventId: number, key: string, relay: number | "any", notice: Notice): EventBlockProps {
  const title = eventOf(ctx.facts, eventId)?.title ?? "Registration";
  const relays = relayChoicesFromFacts(ctx.facts, eventId);
  return block(ctx, { id: eventId, title }, { kind: "form", relays, key, selected: String(relay), notice });
}

/** The event's block from the object's current state: the competitor's entry, or a fresh form. */
async function freshBlock(
  c: Context<AppEnv>,
  ctx: BlockContext,
  user: SignedInUser,
  eventId: number,
  extra: { notice?: Notice | undefined; relayError?: string | undefined },
): Promise<EventBlockProps> {
  const live = await liveState(c.env, c.get("db"), ctx.facts, user.id);
  const event = live.snapshot.events.find((e) => e.id === eventId);
  const title = event?.title ?? eventOf(ctx.facts, eventId)?.title ?? "Registration";
  const mine = activeEntryIn(live.entries, eventId);
  if (mine) {
    const relay = relayName(ctx.facts, live.snapshot, mine.relayId);
    return block(ctx, { id: eventId, title }, { kind: "entry", entry: mine, relay, justNow: false, notice: extra.notice });
  }
  if (!event) {
    const notice: Notice = { tone: "error", text: "This event does not take entries. Reload the page and choose again." };
    return block(ctx, { id: eventId, title }, { kind: "notice", notice });
  }
  return block(ctx, event, { kind: "form", relays: relayChoices(event), key: newFormKey(), notice: extra.notice, relayError: extra.relayError });
}

/** The event block for htmx; a whole page for a plain form post (no script), with the way back. */
function answer(c: Context<AppEnv>, status: 200 | 201 | 403 | 404 | 409 | 422 | 429 | 503, facts: TournamentFacts | null, props: EventBlockProps) {
  if (isHtmx(c)) return c.html(<EventBlock {...props} />, status);
  const user = c.get("user");
  return c.html(
    <RegistrationResultPage nonce={c.get("nonce")} account={{ user: user ?? null, csrf: c.get("csrf") }} tournament={facts} block={props} />,
    status,
  );
}
