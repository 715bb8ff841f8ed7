import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EDITORS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import { formBody } from "../../middleware/validate.ts";
import { TournamentClient } from "../../object-client/client.ts";
import {
  activeEntries,
  addEvent,
  deleteEvent,
  EVENT_FIELDS,
  type EventFields,
  loadStructure,
  parseEvent,
  updateEvent,
} from "../../queries/admin/structure.ts";
import { DeleteForm, EventForm, EventList, type Occupancy } from "../../views/admin/structure.tsx";
import { Saved } from "../../views/components/fields.tsx";
import { type EventEnv, eventFromPath, formBodyWith, forStaff, type Parsed, withoutRevision } from "./loaders.ts";
import { adminPage, afterConfigChange, appContext, changeBy, typedValues } from "./respond.tsx";
import { SyncWarning } from "./tournaments.tsx";

export const eventRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);

const NOTICES: Record<string, string> = {
  created: "Draft created. Add its events and relays, then publish it from the dashboard.",
  added: "Event added.",
  saved: "Saved.",
  deleted: "Deleted.",
  relay: "Relay saved.",
};

interface EventFormState {
  values?: Values;
  errors: Errors;
  stale?: boolean | undefined;
}

async function occupancy(c: Context<AppEnv>): Promise<Occupancy> {
  const snapshot = await TournamentClient.of(c).call("snapshot");
  const taken = new Map<number, number>();
  const waiting = new Map<number, number>();
  for (const e of snapshot.events) {
    waiting.set(e.id, e.waitlisted);
    for (const r of e.relays) taken.set(r.id, r.confirmed + r.held);
  }
  return { taken, waiting };
}

/** The events and relays with the add-event form (status already set when that form was refused). */
async function eventsPage(c: Context<AppEnv>, form: EventFormState & { values: Values }, status?: ContentfulStatusCode) {
  const t = c.get("tournament");
  const [structure, occ] = await Promise.all([loadStructure(c.get("db"), t.id), occupancy(c)]);
  const notice = NOTICES[c.req.query("done") ?? ""];
  return adminPage(
    c,
    { section: "events", title: "Events & relays", status },
    <>
      {notice && <Saved>{notice}</Saved>}
      {c.req.query("sync") === "failed" && <SyncWarning />}
      <EventList slug={t.slug} zone={t.timeZone} structure={structure} occupancy={occ} />
      <h2 id="add-event">Add an event</h2>
      <EventForm
        action={`/admin/t/${t.slug}/events`}
        revision={t.revision}
        values={form.values}
        errors={form.errors}
        submitLabel="Add event"
        stale={form.stale ? `/admin/t/${t.slug}/events` : undefined}
      />
    </>,
  );
}

eventRoutes.get("/t/:slug/events", editors, (c) => eventsPage(c, { values: { title: "", discipline: "" }, errors: {} }));

const addEventBody = formBody(parseEvent, { fields: EVENT_FIELDS, revision: true, invalid: (c, state) => eventsPage(c, state) });

eventRoutes.post("/t/:slug/events", editors, addEventBody, async (c) => {
  const outcome = await addEvent(c.get("db"), changeBy(c), withoutRevision(c.req.valid("form")));
  if (!outcome.committed) return eventsPage(c, { values: await typedValues(c, EVENT_FIELDS), errors: {}, stale: true }, 409);
  return afterConfigChange(c, `/admin/t/${c.get("tournament").slug}/events`, { done: "added" });
});

/** One event's form and its delete button (status already set when a form was refused). */
async function eventPage(c: Context<EventEnv>, form: EventFormState, status?: ContentfulStatusCode) {
  const t = c.get("tournament");
  const event = c.get("event");
  const entries = await TournamentClient.of(appContext(c)).call("allEntries");
  const base = `/admin/t/${t.slug}/events/${event.id}`;
  return adminPage(
    c,
    { section: "events", title: `Edit ${event.title}`, status },
    <>
      <EventForm
        action={base}
        revision={t.revision}
        values={form.values ?? { title: event.title, discipline: event.discipline }}
        errors={form.errors}
        submitLabel="Save event"
        cancel={`/admin/t/${t.slug}/events`}
        stale={form.stale ? base : undefined}
      />
      <h2>Delete this event</h2>
      <DeleteForm
        action={`${base}/delete`}
        revision={t.revision}
        label={`Delete ${event.title}`}
        blockedBy={activeEntries(entries, { eventId: event.id })}
      />
    </>,
  );
}

eventRoutes.get("/t/:slug/events/:eventId", editors, eventFromPath, (c) => eventPage(c, { errors: {} }));

/** The event's discipline if shots were entered in it (it cannot change then); the object is asked only when the form changes it. */
async function lockedDiscipline(c: Context<EventEnv>): Promise<string | null> {
  const event = c.get("event");
  if ((await c.req.parseBody()).discipline === event.discipline) return null;
  const standings = await TournamentClient.of(appContext(c)).call("results", event.id);
  return standings?.rows.some((r) => r.shotsFired > 0) ? event.discipline : null;
}

const editEventBody = formBodyWith<string | null, EventFields, EventEnv>(
  lockedDiscipline,
  (values, locked): Parsed<EventFields> => {
    const parsed = parseEvent(values);
    if ("data" in parsed && locked !== null && parsed.data.discipline !== locked) {
      return { errors: { discipline: "Shots were already entered in this event's discipline: it cannot change now." } };
    }
    return parsed;
  },
  { fields: EVENT_FIELDS, revision: true, invalid: (c, state) => eventPage(c, state) },
);

eventRoutes.post("/t/:slug/events/:eventId", editors, eventFromPath, editEventBody, async (c) => {
  const t = c.get("tournament");
  const outcome = await updateEvent(c.get("db"), changeBy(c), c.get("event"), withoutRevision(c.req.valid("form")));
  if (!outcome.committed) return eventPage(c, { values: await typedValues(c, EVENT_FIELDS), errors: {}, stale: true }, 409);
  return afterConfigChange(c, `/admin/t/${t.slug}/events`, { done: "saved" });
});

/** An event with active entries stays: they are moved or removed first. */
async function blockedEvent(c: Context<EventEnv>): Promise<string | null> {
  const event = c.get("event");
  const blocked = activeEntries(await TournamentClient.of(appContext(c)).call("allEntries"), { eventId: event.id });
  return blocked > 0 ? `${event.title} has ${blocked} active entries: move or remove them before deleting it.` : null;
}

const deleteEventBody = formBodyWith<string | null, object, EventEnv>(
  blockedEvent,
  (_values, blocked): Parsed<object> => (blocked ? { errors: { form: blocked } } : { data: {} }),
  { fields: [], revision: true, invalid: (c, { errors, stale }) => eventPage(c, { errors, stale }) },
);

eventRoutes.post("/t/:slug/events/:eventId/delete", editors, eventFromPath, deleteEventBody, async (c) => {
  const t = c.get("tournament");
  const outcome = await deleteEvent(c.get("db"), changeBy(c), c.get("event"));
  if (!outcome.committed) return eventPage(c, { errors: {}, stale: true }, 409);
  return afterConfigChange(c, `/admin/t/${t.slug}/events`, { done: "deleted" });
});
