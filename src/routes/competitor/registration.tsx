import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { currentUser, loadUser, requireVerified, UNVERIFIED_DETAIL } from "../../auth/session.ts";
import { ResendLinkForm } from "../../views/account/link-steps.tsx";
import { windowState } from "../../domain/registration/window.ts";
import { CATEGORIES, DIVISIONS, POWER_FACTORS } from "../../domain/practical/rulebook.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { cacheControl } from "../../middleware/cache-control.ts";
import { csrf } from "../../middleware/csrf.ts";
import { isHtmx, toSignIn } from "../../middleware/errors.tsx";
import { tournamentBySlug } from "../../middleware/tournament.ts";
import { type FormState, formBody } from "../../middleware/validate.ts";
import type { RegisterResult } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { REFUSALS } from "../../object-client/refusals.ts";
import { eventOf, relayOf, type TournamentFacts, tournamentFacts } from "../../queries/competitor/facts.ts";
import { liveState } from "../../queries/competitor/live-state.ts";
import { activeEntryIn, block, eventBlocks, newFormKey, relayChoices, relayChoicesFromFacts, relayName } from "../../queries/competitor/registration.ts";
import { DateTime } from "../../views/components/time.tsx";
import { EventBlock, type EventBlockProps, myEntriesLink, type Notice } from "../../views/competitor/event-block.tsx";
import { RegistrationPanel } from "../../views/competitor/registration.tsx";
import { RegistrationResultPage } from "../../views/competitor/result-page.tsx";
import { COUNTDOWN_SCRIPT } from "../../views/components/time.tsx";

/**
 * The registration panel of the tournament page (an uncached personal fragment) and the form it posts.
 * The post costs one call to the tournament object when it is accepted; the session, the tournament and
 * its names come from per-isolate caches, so the rush does not wait on D1.
 */
export const registrationRoutes = new Hono<AppEnv>();

const PANEL = "/fragments/t/:slug/registration";
const FORM = "/me/t/:slug/entries";

registrationRoutes.use(PANEL, loadUser({ cached: true }), csrf());
registrationRoutes.use(FORM, loadUser({ cached: true }), csrf());

/** When the opening is this close, the panel rechecks by itself at the opening instant. */
const RECHECK_BEFORE_MS = 15_000;

const INCOMPLETE = "This form is incomplete. Reload the page and try again.";
const NOT_HERE = "This event does not take entries in this tournament. Reload the page and choose again.";

/** A field the form of a shot event does not have arrives as "": not chosen. */
const emptyIsNone = (v: unknown) => (v === "" ? undefined : v);

const registerForm = z.object({
  event: z
    .string({ error: "Choose an event." })
    .regex(/^[1-9][0-9]{0,14}$/, { error: "Choose an event." })
    .transform(Number),
  relay: z
    .string({ error: "Choose a relay, or any relay of this event." })
    .regex(/^(any|[1-9][0-9]{0,14})$/, { error: "Choose a relay, or any relay of this event." })
    .transform((v) => (v === "any" ? ("any" as const) : Number(v))),
  key: z.string({ error: INCOMPLETE }).trim().min(8, { error: INCOMPLETE }).max(200, { error: INCOMPLETE }),
  // A practical event's declaration; the object checks it against the event's divisions.
  division: z.preprocess(emptyIsNone, z.enum(DIVISIONS, { error: "Choose a division." }).optional()),
  powerFactor: z.preprocess(emptyIsNone, z.enum(POWER_FACTORS, { error: "Choose major or minor." }).optional()),
  category: z
    .union([z.literal(""), z.enum(CATEGORIES)], { error: "Choose a category, or none." })
    .optional()
    .transform((v) => (v ? v : null)),
});

const eventIdIn = (text: unknown) => (typeof text === "string" && /^[1-9][0-9]{0,14}$/.test(text) ? Number(text) : 0);

/** The panel says plainly when there is nothing to register for here (an htmx swap into the page). */
const panelRefusal = createMiddleware<AppEnv>(async (c, next) => {
  c.set("refusalFragment", (r) => (
    <p class="notice error">{r.status === 404 ? "This tournament is not open for registration here." : r.detail}</p>
  ));
  await next();
});

registrationRoutes.get(PANEL, panelRefusal, tournamentBySlug({ published: true, cached: true }), async (c) => {
  c.header("Cache-Control", "private, no-store");
  const facts = await tournamentFacts(c.get("db"), c.get("tournament"));
  const user = c.get("user");
  const panel = { slug: facts.slug, zone: facts.timeZone, opensAt: facts.opensAt, closesAt: facts.closesAt };
  if (!user) {
    const now = Date.now();
    const state = windowState(now, facts);
    return fragment(c, <RegistrationPanel {...panel} now={now} state={state} signedIn={false} events={[]} recheckInMs={recheck(state, facts.opensAt, now)} />);
  }
  if (!user.verified) {
    return fragment(
      c,
      <div class="notice warning" role="status" data-testid="registration-unverified">
        <p>{UNVERIFIED_DETAIL}</p>
        <ResendLinkForm />
      </div>,
    );
  }
  const live = await liveState(TournamentClient.of(c), facts.revision, user.id);
  const now = live.snapshot.now;
  const window = live.snapshot.window ?? { opensAt: facts.opensAt, closesAt: facts.closesAt, state: windowState(now, facts) };
  const events = eventBlocks(facts, live.snapshot, live.entries, window.state);
  return fragment(
    c,
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
  onError: (c) => {
    c.status(413);
    return fragment(c, <p class="notice error">This registration form is too large to be ours. Reload the page and try again.</p>);
  },
});

/** A visitor signs in first and comes back to the tournament page (not to this post). */
const signedInFirst = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("user")) return toSignIn(c, `/t/${c.req.param("slug")}`);
  await next();
});

/** No such published tournament: the event's block says so (htmx); a plain post gets the error page. */
const formRefusal = createMiddleware<AppEnv>(async (c, next) => {
  c.set("refusalFragment", async (r) => {
    const text = r.status === 404 ? "There is no tournament open for registration at this address." : r.detail;
    const event = { id: eventIdIn((await c.req.parseBody()).event), title: "Registration" };
    const props = { slug: c.req.param("slug") ?? "", tournamentId: 0, zone: "UTC", event };
    return <EventBlock {...props} body={{ kind: "notice", notice: { tone: "error", text } }} />;
  });
  await next();
});

/** The form refused as sent: the event's block with the messages, 422. */
async function invalidForm(c: Context<AppEnv>, { values, errors }: FormState) {
  const facts = await tournamentFacts(c.get("db"), c.get("tournament"));
  const eventId = eventIdIn(values.event);
  const event = eventOf(facts, eventId);
  if (errors.event || !event) {
    return answer(c, 422, facts, block(facts, { id: eventId, title: event?.title ?? "Registration" }, { kind: "notice", notice: { tone: "error", text: NOT_HERE } }));
  }
  const notice: Notice | undefined = errors.key ? { tone: "error", text: errors.key } : undefined;
  return answer(c, 422, facts, await freshBlock(c, facts, eventId, { relayError: errors.relay, notice }));
}

registrationRoutes.post(
  FORM,
  cacheControl("no-store"),
  formLimit,
  signedInFirst,
  formRefusal,
  requireVerified,
  tournamentBySlug({ published: true, cached: true }),
  formBody(registerForm, { fields: ["event", "relay", "key", "division", "powerFactor", "category"], invalid: invalidForm }),
  async (c) => {
    const db = c.get("db");
    const facts = await tournamentFacts(db, c.get("tournament"));
    const { event, relay, key, division, powerFactor, category } = c.req.valid("form");
    const practical = division ? { division, powerFactor: powerFactor ?? "minor", category } : undefined;
    let result: RegisterResult;
    try {
      result = await TournamentClient.of(c).register({ userId: currentUser(c).id, eventId: event, relayId: relay, idempotencyKey: key, practical });
    } catch (err) {
      if (!(err instanceof Refusal) || err.reason !== "overloaded") throw err;
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      const notice: Notice = { tone: "error", text: "Registration is very busy right now. Press Register again: you cannot be entered twice." };
      return answer(c, err.status, facts, sameForm(facts, event, key, relay, notice));
    }
    const title = eventOf(facts, event)?.title ?? "this event";

    if (result.outcome !== "refused") {
      if (!isHtmx(c)) return c.redirect(myEntriesLink(facts.id), 303);
      const known = relayOf(facts, result.entry.relayId) ? facts : await tournamentFacts(db, c.get("tournament"), { fresh: true });
      const notice: Notice | undefined = result.replayed ? { tone: "info", text: "You had already sent this registration; this is its result." } : undefined;
      const body = { kind: "entry" as const, entry: result.entry, relay: relayName(known, null, result.entry.relayId), justNow: true, notice };
      return answer(c, result.replayed ? 200 : 201, facts, block(known, { id: event, title }, body));
    }

    // The wording is the panel's own; the status is the one table's (src/object-client/refusals.ts).
    const refusal = REFUSALS[result.reason];
    const status = refusal.status;
    const here = { id: event, title };
    const noticeBlock = (text: Notice["text"]) => block(facts, here, { kind: "notice", notice: { tone: "error", text } });
    switch (result.reason) {
      case "already_entered":
        return answer(c, status, facts, await freshBlock(c, facts, event, { notice: { tone: "info", text: `You already have an entry in ${title}.` } }));
      case "not_open":
        return answer(c, status, facts, noticeBlock(<>Registration is not open yet: it opens on <DateTime epoch={facts.opensAt} zone={facts.timeZone} />.</>));
      case "closed":
        return answer(c, status, facts, noticeBlock(<>Registration closed on <DateTime epoch={facts.closesAt} zone={facts.timeZone} />.</>));
      case "rate_limited": {
        const seconds = Math.ceil((result.retryAfterMs ?? 60_000) / 1000);
        c.header("Retry-After", String(seconds));
        const notice: Notice = { tone: "error", text: `Too many attempts. Please wait ${seconds} s, then press Register again.` };
        return answer(c, status, facts, sameForm(facts, event, key, relay, notice));
      }
      case "unknown_event":
        return answer(c, status, facts, noticeBlock(NOT_HERE));
      case "unknown_relay":
        return answer(c, status, facts, await freshBlock(c, facts, event, { relayError: result.message }));
      case "idempotency_key_reused": {
        const notice: Notice = { tone: "error", text: "This form was already used for another choice. Choose again and press Register." };
        return answer(c, status, facts, await freshBlock(c, facts, event, { notice }));
      }
      case "division_required":
      case "division_not_offered":
      case "power_factor_not_allowed": {
        const chosen = { division, powerFactor, category: category ?? undefined };
        const again = block(facts, here, { kind: "form", relays: relayChoicesFromFacts(facts, event), key: newFormKey(), selected: String(relay) }, { selected: chosen, error: result.message });
        return answer(c, status, facts, again);
      }
      case "not_configured":
        c.header("Retry-After", String(refusal.retryAfter));
        return answer(c, status, facts, noticeBlock("Registration for this tournament is not ready yet. Please try again in a moment."));
    }
  },
);

/** The form as it was sent (same key, same choice), without asking the object for figures again. */
function sameForm(facts: TournamentFacts, eventId: number, key: string, relay: number | "any", notice: Notice): EventBlockProps {
  const title = eventOf(facts, eventId)?.title ?? "Registration";
  const relays = relayChoicesFromFacts(facts, eventId);
  return block(facts, { id: eventId, title }, { kind: "form", relays, key, selected: String(relay), notice });
}

/** The event's block from the object's current state: the competitor's entry, or a fresh form. */
async function freshBlock(
  c: Context<AppEnv>,
  facts: TournamentFacts,
  eventId: number,
  extra: { notice?: Notice | undefined; relayError?: string | undefined },
): Promise<EventBlockProps> {
  const live = await liveState(TournamentClient.of(c), facts.revision, currentUser(c).id);
  const event = live.snapshot.events.find((e) => e.id === eventId);
  const title = event?.title ?? eventOf(facts, eventId)?.title ?? "Registration";
  const mine = activeEntryIn(live.entries, eventId);
  if (mine) {
    const relay = relayName(facts, live.snapshot, mine.relayId);
    return block(facts, { id: eventId, title }, { kind: "entry", entry: mine, relay, justNow: false, notice: extra.notice });
  }
  if (!event) {
    const notice: Notice = { tone: "error", text: "This event does not take entries. Reload the page and choose again." };
    return block(facts, { id: eventId, title }, { kind: "notice", notice });
  }
  return block(facts, event, { kind: "form", relays: relayChoices(event), key: newFormKey(), notice: extra.notice, relayError: extra.relayError });
}

function fragment(c: Context<AppEnv>, content: string | Promise<string>) {
  return c.render(content, { title: "", fragment: true });
}

/** The event block for htmx; a whole page for a plain form post (no script), with the way back. */
function answer(c: Context<AppEnv>, status: ContentfulStatusCode, facts: TournamentFacts, props: EventBlockProps) {
  c.status(status);
  if (isHtmx(c)) return fragment(c, <EventBlock {...props} />);
  return c.render(<RegistrationResultPage tournament={facts} block={props} />, { title: "Registration", noindex: true, scripts: [COUNTDOWN_SCRIPT] });
}
