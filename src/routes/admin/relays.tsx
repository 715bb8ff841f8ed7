import { type Context, Hono } from "hono";
import { pushSafely } from "../../queries/admin/commit.ts";
import { idParam, revisionField } from "../../queries/admin/form-fields.ts";
import {
  activeEntries,
  addRelay,
  deleteRelay,
  type EventRow,
  eventOf,
  loadStructure,
  newRelayValues,
  parseRelay,
  RELAY_FIELDS,
  type RelayRow,
  relayLoad,
  relayOf,
  relayValues,
  updateRelay,
} from "../../queries/admin/structure.ts";
import { formatDate, zoneAbbreviation } from "../../domain/time/format.ts";
import { type Errors, formText, type Values } from "../../lib/forms.ts";
import { tournamentStub } from "../../object-client/stub.ts";
import { AdminPage } from "../../views/admin/layout.tsx";
import { DeleteForm, RelayForm } from "../../views/admin/structure.tsx";
import { type AdminEnv, EDITORS, notHere, type Tournament, requireStaff } from "./guard.ts";
import { frame, redirectWith } from "./respond.ts";

export const relayRoutes = new Hono<AdminEnv>();
const editors = requireStaff(EDITORS);

function zoneNote(t: Tournament): string {
  return `In ${t.timeZone} (${zoneAbbreviation(Date.now(), t.timeZone)}), on a match day from ${formatDate(t.startsOn)} to ${formatDate(t.endsOn)}.`;
}

const INCOMPLETE: Errors = { form: "This form is incomplete; reload the page." };

// ---------- New relay of an event ----------

function newRelayPage(c: Context<AdminEnv>, event: EventRow, form: { values: Values; errors: Errors; stale?: boolean }, status: 200 | 409 | 422 = 200) {
  const t = c.get("tournament");
  const action = `/admin/t/${t.slug}/events/${event.id}/relays/new`;
  return c.html(
    <AdminPage {...frame(c)} section="events" title={`New relay of ${event.title}`}>
      <RelayForm
        action={action}
        csrf={c.get("csrf")}
        revision={t.revision}
        values={form.values}
        errors={form.errors}
        submitLabel="Add relay"
        cancel={`/admin/t/${t.slug}/events`}
        zoneNote={zoneNote(t)}
        stale={form.stale ? `/admin/t/${t.slug}/events` : undefined}
      />
    </AdminPage>,
    status,
  );
}

async function eventFromPath(c: Context<AdminEnv>): Promise<EventRow | null> {
  const eventId = idParam(c.req.param("eventId"));
  return eventId === null ? null : eventOf(c.get("db"), c.get("tournament").id, eventId);
}

relayRoutes.get("/t/:slug/events/:eventId/relays/new", editors, async (c) => {
  const t = c.get("tournament");
  const event = await eventFromPath(c);
  if (!event) return notHere(c, "Event");
  const structure = await loadStructure(c.get("db"), t.id);
  const existing = structure.find((e) => e.id === event.id)?.relays ?? [];
  return newRelayPage(c, event, { values: newRelayValues(t, existing), errors: {} });
});

relayRoutes.post("/t/:slug/events/:eventId/relays/new", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const event = await eventFromPath(c);
  if (!event) return notHere(c, "Event");
  const body = await c.req.parseBody();
  const values = formText(body, RELAY_FIELDS);
  const revision = revisionField.safeParse(body.revision);
  if (!revision.success) return newRelayPage(c, event, { values, errors: INCOMPLETE }, 422);
  const parsed = parseRelay(values, t, null, { taken: 0, points: [] });
  if ("errors" in parsed) return newRelayPage(c, event, { values, errors: parsed.errors }, 422);
  if (revision.data !== t.revision) return newRelayPage(c, event, { values, errors: {}, stale: true }, 409);
  const outcome = await addRelay(db, { t, revision: revision.data, actorId: c.get("me").id }, event, parsed.data);
  if (!outcome.committed) return newRelayPage(c, event, { values, errors: {}, stale: true }, 409);
  const synced = await pushSafely(c.env, db, t.id);
  return redirectWith(c, `/admin/t/${t.slug}/events`, synced ? { done: "relay" } : { done: "relay", sync: "failed" });
});

// ---------- One relay ----------

async function relayFromPath(c: Context<AdminEnv>): Promise<RelayRow | null> {
  const relayId = idParam(c.req.param("relayId"));
  return relayId === null ? null : relayOf(c.get("db"), c.get("tournament").id, relayId);
}

async function relayPage(c: Context<AdminEnv>, relay: RelayRow, form: { values?: Values; errors: Errors; stale?: boolean }, status: 200 | 409 | 422 = 200) {
  const t = c.get("tournament");
  const entries = await tournamentStub(c.env, t.id).allEntries();
  const base = `/admin/t/${t.slug}/relays/${relay.id}`;
  return c.html(
    <AdminPage {...frame(c)} section="events" title={`Edit ${relay.name}`}>
      <RelayForm
        action={base}
        csrf={c.get("csrf")}
        revision={t.revision}
        values={form.values ?? relayValues(relay, t.timeZone)}
        errors={form.errors}
        submitLabel="Save relay"
        cancel={`/admin/t/${t.slug}/events`}
        zoneNote={zoneNote(t)}
        stale={form.stale ? base : undefined}
      />
      <h2>Delete this relay</h2>
      <DeleteForm
        action={`${base}/delete`}
        csrf={c.get("csrf")}
        revision={t.revision}
        label={`Delete ${relay.name}`}
        blockedBy={activeEntries(entries, { relayId: relay.id })}
      />
    </AdminPage>,
    status,
  );
}

relayRoutes.get("/t/:slug/relays/:relayId", editors, async (c) => {
  const relay = await relayFromPath(c);
  return relay ? relayPage(c, relay, { errors: {} }) : notHere(c, "Relay");
});

relayRoutes.post("/t/:slug/relays/:relayId", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const relay = await relayFromPath(c);
  if (!relay) return notHere(c, "Relay");
  const body = await c.req.parseBody();
  const values = formText(body, RELAY_FIELDS);
  const revision = revisionField.safeParse(body.revision);
  if (!revision.success) return relayPage(c, relay, { values, errors: INCOMPLETE }, 422);
  // Who holds a place now comes from the tournament object, the one writer of entries.
  const entries = await tournamentStub(c.env, t.id).allEntries();
  const parsed = parseRelay(values, t, relay, relayLoad(entries, relay.id));
  if ("errors" in parsed) return relayPage(c, relay, { values, errors: parsed.errors }, 422);
  if (revision.data !== t.revision) return relayPage(c, relay, { values, errors: {}, stale: true }, 409);
  const outcome = await updateRelay(db, { t, revision: revision.data, actorId: c.get("me").id }, relay, parsed.data);
  if (!outcome.committed) return relayPage(c, relay, { values, errors: {}, stale: true }, 409);
  const synced = await pushSafely(c.env, db, t.id);
  return redirectWith(c, `/admin/t/${t.slug}/events`, synced ? { done: "relay" } : { done: "relay", sync: "failed" });
});

relayRoutes.post("/t/:slug/relays/:relayId/delete", editors, async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const relay = await relayFromPath(c);
  if (!relay) return notHere(c, "Relay");
  const revision = revisionField.safeParse((await c.req.parseBody()).revision);
  const entries = await tournamentStub(c.env, t.id).allEntries();
  const blocked = activeEntries(entries, { relayId: relay.id });
  if (blocked > 0) {
    return relayPage(c, relay, { errors: { form: `${relay.name} has ${blocked} active entries: move or remove them before deleting it.` } }, 422);
  }
  if (!revision.success || revision.data !== t.revision) return relayPage(c, relay, { errors: {}, stale: true }, 409);
  const outcome = await deleteRelay(db, { t, revision: revision.data, actorId: c.get("me").id }, relay);
  if (!outcome.committed) return relayPage(c, relay, { errors: {}, stale: true }, 409);
  const synced = await pushSafely(c.env, db, t.id);
  return redirectWith(c, `/admin/t/${t.slug}/events`, synced ? { done: "deleted" } : { done: "deleted", sync: "failed" });
});
