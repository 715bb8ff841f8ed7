import { type Context, Hono } from "hono";
import { pushSafely } from "../../queries/admin/commit.ts";
import { idParam, revisionField } from "../../queries/admin/form-fields.ts";
import {
  activeEntries,
  addEvent,
  deleteEvent,
  EVENT_FIELDS,
  eventOf,
  loadStructure,
  parseEvent,
  updateEvent,
} from "../../queries/admin/structure.ts";
import { type Errors, formText, type Values } from "../../lib/forms.ts";
import { tournamentStub } from "../../object-client/stub.ts";
import { AdminPage } from "../../views/admin/layout.tsx";
import { DeleteForm, EventForm, EventList, type Occupancy } from "../../views/admin/structure.tsx";
import { Saved } from "../../views/components/fields.tsx";
import { type AdminEnv, EDITORS, notHere, requireStaff } from "./guard.ts";
import { frame, redirectWith } from "./respond.ts";
import { SyncWarning } from "./tournaments.tsx";

export const eventRoutes = new Hono<AdminEnv>();
const editors = requireStaff(EDITORS);

const NOTICES: Record<string, string> = {
  created: "Draft created. Add its events and relays, then publish it from the dashboard.",
  added: "Event added.",
  saved: "Saved.",
  deleted: "Deleted.",
  relay: "Relay saved.",
};

async function occupancy(c: Context<AdminEnv>): Promise<Occupancy> {
  const snapshot = await tournamentStub(c.env, c.get("tournament").id).snapshot();
  const taken = new Map<number, number>();
  const waiting = new Map<number, number>();
  for (const e of snapshot.events) {
    waiting.set(e.id, e.waitlisted);
    for (const r of e.relays) taken.set(r.id, r.confirmed + r.held);
  }
  return { taken, waiting };
}

async function eventsPage(c: Context<AdminEnv>, form: { values: Values; errors: Errors; stale?: boolean }, status: 200 | 409 | 422 = 200) {
  const t = c.get("tournament");
  const [structure, occ] = await Promise.all([loadStructure(c.get("db"), t.id), occupancy(c)]);
  const notice = NOTICES[c.req.query("done") ?? ""];
  return c.html(
    <AdminPage {...frame(c)} section="events" title="Events & relays">
      {notice && <Saved>{notice}</Saved>}
      {c.req.query("sync") === "failed" && <SyncWarning />}
      <EventList slug={t.slug} zone={t.timeZone} structure={structure} occupancy={occ} />
      <h2 id="add-event">Add an event</h2>
      <EventForm
        action={`/admin/t/${t.slug}/events`}
        csrf={c.get("csrf")}
        revision={t.revision}
        values={form.values}
        errors={form.errors}
        submitLabel="Add event"
        stale={form.stale ? `/admin/t/${t.slug}/events` : undefined}
      />
    </AdminPage>,
    status,
  );
}

eventRoutes.get("/t/:slug/events", editors, (c) => eventsPage(c, { values: { title: "", discipline: "" }, errors: {} }));

eventRoutes.post("/t/:slug/events", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const body = await c.req.parseBody();
  const values = formText(body, EVENT_FIELDS);
  const revision = revisionField.safeParse(body.revision);
  if (!revision.success) return eventsPage(c, { values, errors: { form: "This form is incomplete; reload the page." } }, 422);
  const parsed = parseEvent(values);
  if ("errors" in parsed) return eventsPage(c, { values, errors: parsed.errors }, 422);
  if (revision.data !== t.revision) return eventsPage(c, { values, errors: {}, stale: true }, 409);
  const outcome = await addEvent(db, { t, revision: revision.data, actorId: c.get("me").id }, parsed.data);
  if (!outcome.committed) return eventsPage(c, { values, errors: {}, stale: true }, 409);
  const synced = await pushSafely(c.env, db, t.id);
  return redirectWith(c, `/admin/t/${t.slug}/events`, synced ? { done: "added" } : { done: "added", sync: "failed" });
});

async function eventPage(c: Context<AdminEnv>, eventId: number, form: { values?: Values; errors: Errors; stale?: boolean }, status: 200 | 409 | 422 = 200) {
  const t = c.get("tournament");
  const event = await eventOf(c.get("db"), t.id, eventId);
  if (!event) return notHere(c, "Event");
  const entries = await tournamentStub(c.env, t.id).allEntries();
  const base = `/admin/t/${t.slug}/events/${event.id}`;
  return c.html(
    <AdminPage {...frame(c)} section="events" title={`Edit ${event.title}`}>
      <EventForm
        action={base}
        csrf={c.get("csrf")}
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
        csrf={c.get("csrf")}
        revision={t.revision}
        label={`Delete ${event.title}`}
        blockedBy={activeEntries(entries, { eventId: event.id })}
      />
    </AdminPage>,
    status,
  );
}

eventRoutes.get("/t/:slug/events/:eventId", editors, (c) => {
  const eventId = idParam(c.req.param("eventId"));
  return eventId === null ? notHere(c, "Event") : eventPage(c, eventId, { errors: {} });
});

eventRoutes.post("/t/:slug/events/:eventId", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const eventId = idParam(c.req.param("eventId"));
  const event = eventId === null ? null : await eventOf(db, t.id, eventId);
  if (!event) return notHere(c, "Event");
  const body = await c.req.parseBody();
  const values = formText(body, EVENT_FIELDS);
  const revision = revisionField.safeParse(body.revision);
  if (!revision.success) return eventPage(c, event.id, { values, errors: { form: "This form is incomplete; reload the page." } }, 422);
  const parsed = parseEvent(values);
  if ("errors" in parsed) return eventPage(c, event.id, { values, errors: parsed.errors }, 422);
  if (parsed.data.discipline !== event.discipline) {
    const standings = await tournamentStub(c.env, t.id).results(event.id);
    if (standings?.rows.some((r) => r.shotsFired > 0)) {
      return eventPage(c, event.id, { values, errors: { discipline: "Shots were already entered in this event's discipline: it cannot change now." } }, 422);
    }
  }
  if (revision.data !== t.revision) return eventPage(c, event.id, { values, errors: {}, stale: true }, 409);
  const outcome = await updateEvent(db, { t, revision: revision.data, actorId: c.get("me").id }, event, parsed.data);
  if (!outcome.committed) return eventPage(c, event.id, { values, errors: {}, stale: true }, 409);
  const synced = await pushSafely(c.env, db, t.id);
  return redirectWith(c, `/admin/t/${t.slug}/events`, synced ? { done: "saved" } : { done: "saved", sync: "failed" });
});

eventRoutes.post("/t/:slug/events/:eventId/delete", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const eventId = idParam(c.req.param("eventId"));
  const event = eventId === null ? null : await eventOf(db, t.id, eventId);
  if (!event) return notHere(c, "Event");
  const revision = revisionField.safeParse((await c.req.parseBody()).revision);
  const entries = await tournamentStub(c.env, t.id).allEntries();
  const blocked = activeEntries(entries, { eventId: event.id });
  if (blocked > 0) {
    return eventPage(c, event.id, { errors: { form: `${event.title} has ${blocked} active entries: move or remove them before deleting it.` } }, 422);
  }
  if (!revision.success || revision.data !== t.revision) return eventPage(c, event.id, { errors: {}, stale: true }, 409);
  const outcome = await deleteEvent(db, { t, revision: revision.data, actorId: c.get("me").id }, event);
  if (!outcome.committed) return eventPage(c, event.id, { errors: {}, stale: true }, 409);
  const synced = await pushSafely(c.env, db, t.id);
  return redirectWith(c, `/admin/t/${t.slug}/events`, synced ? { done: "deleted" } : { done: "deleted", sync: "failed" });
});
