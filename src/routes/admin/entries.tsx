import { type Context, Hono } from "hono";
import { EDITORS } from "../../auth/roles.ts";
import type { AppEnv, Tournament } from "../../env.ts";
import { csvFile } from "../../lib/csv.ts";
import { type EntryFilter, filterEntries, loadEntries, relayRoom, STATUS_FILTERS, type StatusFilter } from "../../queries/admin/entries.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { loadStructure, type Structure } from "../../queries/admin/structure.ts";
import { enqueueMail, mailOrigin } from "../../mail/enqueue.ts";
import { enterWalkUp, WALK_UP_FIELDS, walkUpForm, type WalkUpForm as WalkUpFields } from "../../queries/admin/walk-up.ts";
import { formatDateTime } from "../../domain/time/format.ts";
import { randomToken } from "../../lib/encoding.ts";
import { type Errors, fieldErrors, type Values } from "../../lib/forms.ts";
import { formBody } from "../../middleware/validate.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { formatMoney } from "../../views/components/money.tsx";
import { EntriesResults, EntriesView, type EventRef } from "../../views/admin/entries.tsx";
import { WalkUpForm, type WalkUpEvent } from "../../views/admin/walk-up.tsx";
import { forStaff, type Parsed } from "./loaders.ts";
import { actor, adminPage, redirectWith, typedValues } from "./respond.tsx";

export const entriesRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);

function eventRefs(structure: Structure): EventRef[] {
  return structure.map((e) => ({ id: e.id, title: e.title, relays: e.relays.map((r) => ({ id: r.id, name: r.name, startsAt: r.startsAt })) }));
}

function readFilter(c: Context, events: EventRef[]): EntryFilter {
  const status = c.req.query("status") ?? "active";
  const eventId = idParam(c.req.query("event"));
  const event = events.find((e) => e.id === eventId) ?? events[0];
  const relayId = idParam(c.req.query("relay"));
  return {
    eventId: event?.id ?? null,
    relayId: event?.relays.some((r) => r.id === relayId) ? relayId : null,
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StatusFilter) : "active",
    q: (c.req.query("q") ?? "").slice(0, 100),
  };
}

function relayOrder(events: EventRef[]): Map<number, number> {
  return new Map(
    events
      .flatMap((e) => e.relays)
      .sort((a, b) => a.startsAt - b.startsAt || a.id - b.id)
      .map((r, i) => [r.id, i]),
  );
}

export function feeLabel(t: Tournament): string | null {
  return t.entryFeeCents > 0 ? formatMoney(t.entryFeeCents, t.currency) : null;
}

/** The table per event: one RPC for the entries, one D1 query for names, filtered here. htmx asks for the results only. */
entriesRoutes.get("/t/:slug/entries", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const [structure, all] = await Promise.all([loadStructure(db, t.id), loadEntries(TournamentClient.of(c), db)]);
  const events = eventRefs(structure);
  const filter = readFilter(c, events);
  const inEvent = all.filter((e) => e.eventId === filter.eventId);
  const props = { slug: t.slug, zone: t.timeZone, events, filter, rows: filterEntries(inEvent, filter, relayOrder(events)), total: inEvent.length };
  if (c.req.header("HX-Request") === "true") return c.render(<EntriesResults {...props} />, { title: "", fragment: true });
  return adminPage(c, { section: "entries", title: "Entries", wide: true }, <EntriesView {...props} />);
});

/** The same rows as a spreadsheet: every column an organiser sorts by, formula-safe. */
entriesRoutes.get("/t/:slug/entries.csv", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const [structure, all] = await Promise.all([loadStructure(db, t.id), loadEntries(TournamentClient.of(c), db)]);
  const events = eventRefs(structure);
  const filter = { ...readFilter(c, events), eventId: idParam(c.req.query("event")) };
  const relays = new Map(structure.flatMap((e) => e.relays).map((r) => [r.id, r]));
  const titles = new Map(structure.map((e) => [e.id, e.title]));
  const rows = filterEntries(all, filter, relayOrder(events)).map((e) => {
    const relay = e.relayId === null ? undefined : relays.get(e.relayId);
    return [
      titles.get(e.eventId) ?? String(e.eventId),
      relay?.name ?? "",
      relay ? formatDateTime(relay.startsAt, t.timeZone) : "",
      e.status === "confirmed" || e.status === "held" ? e.firingPoint : null,
      e.name,
      e.club,
      e.email,
      e.status,
      e.waitlistPosition,
      e.checkedInAt === null ? "" : formatDateTime(e.checkedInAt, t.timeZone),
      e.id,
    ];
  });
  const file = csvFile(
    ["Event", "Relay", "Relay starts", "Firing point", "Name", "Club", "Email", "Status", "Waitlist position", "Checked in", "Entry"],
    rows,
  );
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${t.slug}-entries.csv"`);
  return c.body(file);
});

// ---------- Walk-up entries ----------

async function walkUpEvents(c: Context<AppEnv>): Promise<WalkUpEvent[]> {
  const t = c.get("tournament");
  const [structure, room] = await Promise.all([loadStructure(c.get("db"), t.id), relayRoom(TournamentClient.of(c))]);
  return structure.map((e) => ({
    practical: e.matchShape === "practical",
    id: e.id,
    title: e.title,
    relays: e.relays.map((r) => ({ id: r.id, name: r.name, startsAt: r.startsAt, firingPoints: r.firingPoints, free: room.get(r.id) ?? 0 })),
  }));
}

/** The walk-up form (status already set when it was refused). */
async function walkUpPage(c: Context<AppEnv>, values: Values, errors: Errors, status?: 422) {
  const t = c.get("tournament");
  const events = await walkUpEvents(c);
  return adminPage(
    c,
    { section: "entries", title: "Walk-up entry", status },
    <WalkUpForm
      action={`/admin/t/${t.slug}/entries/new`}
      zone={t.timeZone}
      events={events}
      values={values}
      errors={errors}
      feeLabel={feeLabel(t)}
      practical={events.some((e) => e.practical)}
    />,
  );
}

entriesRoutes.get("/t/:slug/entries/new", editors, (c) =>
  walkUpPage(c, { key: randomToken(16), name: "", club: "", email: "", relayId: "", paid: "", division: "", powerFactor: "minor" }, {}),
);

/** A broken form key is the whole form's problem: the page gives a fresh one. */
function parseWalkUp(values: Values): Parsed<WalkUpFields> {
  const parsed = walkUpForm.safeParse(values);
  if (parsed.success) return { data: parsed.data };
  const errors = fieldErrors(parsed.error);
  if (errors.key) errors.form = errors.key;
  return { errors };
}

const walkUpBody = formBody(parseWalkUp, {
  fields: WALK_UP_FIELDS,
  invalid: (c, { values, errors }) => walkUpPage(c, { ...values, key: values.key || randomToken(16) }, errors),
});

entriesRoutes.post("/t/:slug/entries/new", editors, walkUpBody, async (c) => {
  const t = c.get("tournament");
  const form = c.req.valid("form");
  const values = await typedValues(c, WALK_UP_FIELDS);
  const structure = await loadStructure(c.get("db"), t.id);
  const relay = structure.flatMap((e) => e.relays).find((r) => r.id === form.relayId);
  if (!relay) return walkUpPage(c, values, { relayId: "Choose one of this tournament's relays." }, 422);
  const result = await enterWalkUp(actor(c), relay, form);
  if (result.outcome === "refused") {
    const field =
      result.reason === "already_entered" ? (form.email ? "email" : "form") : result.reason.startsWith("division") || result.reason === "power_factor_not_allowed" ? "division" : "relayId";
    return walkUpPage(c, values, { [field]: result.message }, 422);
  }
  if (result.claim) {
    const event = structure.find((e) => e.id === relay.eventId);
    await enqueueMail(c.env.MAIL_QUEUE, [
      {
        key: `claim:${result.entry.id}`,
        to: form.email,
        origin: mailOrigin(c.env, c.req.url),
        body: {
          kind: "claim",
          tournament: { title: t.title, timeZone: t.timeZone, slug: t.slug },
          name: result.name,
          event: event?.title ?? "",
          relay: relay.name,
          link: `/account/claims/${result.claim.token}`,
          expiresAt: result.claim.expiresAt,
        },
      },
    ]);
  }
  // The same message whether or not the address has an account: nothing about accounts is told here.
  return redirectWith(c, `/admin/t/${t.slug}/entries/${result.entry.id}`, { done: result.claim ? "walk-up-claim" : "walk-up" });
});
