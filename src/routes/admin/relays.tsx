import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EDITORS } from "../../auth/roles.ts";
import { formatDate, zoneAbbreviation } from "../../domain/time/format.ts";
import type { AppEnv, Tournament } from "../../env.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import { TournamentClient } from "../../object-client/client.ts";
import {
  activeEntries,
  addRelay,
  deleteRelay,
  loadStructure,
  newRelayValues,
  parseRelay,
  RELAY_FIELDS,
  type RelayFields,
  type RelayLoad,
  relayLoad,
  relayValues,
  updateRelay,
} from "../../queries/admin/structure.ts";
import { DeleteForm, RelayForm } from "../../views/admin/structure.tsx";
import { type EventEnv, eventFromPath, formBodyWith, forStaff, type Parsed, type RelayEnv, relayFromPath, withoutRevision } from "./loaders.ts";
import { adminPage, afterConfigChange, appContext, changeBy, typedValues } from "./respond.tsx";

export const relayRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);

function zoneNote(t: Tournament): string {
  return `In ${t.timeZone} (${zoneAbbreviation(Date.now(), t.timeZone)}), on a match day from ${formatDate(t.startsOn)} to ${formatDate(t.endsOn)}.`;
}

interface RelayFormState {
  values?: Values;
  errors: Errors;
  stale?: boolean | undefined;
}

// ---------- New relay of an event ----------

/** The new-relay form of the URL's event (status already set when it was refused). */
function newRelayPage(c: Context<EventEnv>, form: RelayFormState & { values: Values }, status?: ContentfulStatusCode) {
  const t = c.get("tournament");
  const event = c.get("event");
  return adminPage(
    c,
    { section: "events", title: `New relay of ${event.title}`, status },
    <RelayForm
      action={`/admin/t/${t.slug}/events/${event.id}/relays/new`}
      revision={t.revision}
      values={form.values}
      errors={form.errors}
      submitLabel="Add relay"
      cancel={`/admin/t/${t.slug}/events`}
      zoneNote={zoneNote(t)}
      stale={form.stale ? `/admin/t/${t.slug}/events` : undefined}
    />,
  );
}

relayRoutes.get("/t/:slug/events/:eventId/relays/new", editors, eventFromPath, async (c) => {
  const t = c.get("tournament");
  const event = c.get("event");
  const structure = await loadStructure(c.get("db"), t.id);
  const existing = structure.find((e) => e.id === event.id)?.relays ?? [];
  return newRelayPage(c, { values: newRelayValues(t, existing), errors: {} });
});

/** A new relay holds nobody yet. */
const EMPTY: RelayLoad = { taken: 0, points: [] };

const newRelayBody = formBodyWith<Tournament, RelayFields, EventEnv>(
  async (c) => c.get("tournament"),
  (values, t): Parsed<RelayFields> => parseRelay(values, t, null, EMPTY),
  { fields: RELAY_FIELDS, revision: true, invalid: (c, state) => newRelayPage(c, state) },
);

relayRoutes.post("/t/:slug/events/:eventId/relays/new", editors, eventFromPath, newRelayBody, async (c) => {
  const t = c.get("tournament");
  const outcome = await addRelay(c.get("db"), changeBy(c), c.get("event"), withoutRevision(c.req.valid("form")));
  if (!outcome.committed) return newRelayPage(c, { values: await typedValues(c, RELAY_FIELDS), errors: {}, stale: true }, 409);
  return afterConfigChange(c, `/admin/t/${t.slug}/events`, { done: "relay" });
});

// ---------- One relay ----------

/** The relay's form and its delete button (status already set when a form was refused). */
async function relayPage(c: Context<RelayEnv>, form: RelayFormState, status?: ContentfulStatusCode) {
  const t = c.get("tournament");
  const relay = c.get("relay");
  const entries = await TournamentClient.of(appContext(c)).call("allEntries");
  const base = `/admin/t/${t.slug}/relays/${relay.id}`;
  return adminPage(
    c,
    { section: "events", title: `Edit ${relay.name}`, status },
    <>
      <RelayForm
        action={base}
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
        revision={t.revision}
        label={`Delete ${relay.name}`}
        blockedBy={activeEntries(entries, { relayId: relay.id })}
      />
    </>,
  );
}

relayRoutes.get("/t/:slug/relays/:relayId", editors, relayFromPath, (c) => relayPage(c, { errors: {} }));

/** Who holds a place now comes from the tournament object, the one writer of entries. */
async function placesOnRelay(c: Context<RelayEnv>): Promise<RelayLoad> {
  return relayLoad(await TournamentClient.of(appContext(c)).call("allEntries"), c.get("relay").id);
}

const editRelayBody = formBodyWith<{ t: Tournament; relay: RelayEnv["Variables"]["relay"]; load: RelayLoad }, RelayFields, RelayEnv>(
  async (c) => ({ t: c.get("tournament"), relay: c.get("relay"), load: await placesOnRelay(c) }),
  (values, { t, relay, load }): Parsed<RelayFields> => parseRelay(values, t, relay, load),
  { fields: RELAY_FIELDS, revision: true, invalid: (c, state) => relayPage(c, state) },
);

relayRoutes.post("/t/:slug/relays/:relayId", editors, relayFromPath, editRelayBody, async (c) => {
  const t = c.get("tournament");
  const outcome = await updateRelay(c.get("db"), changeBy(c), c.get("relay"), withoutRevision(c.req.valid("form")));
  if (!outcome.committed) return relayPage(c, { values: await typedValues(c, RELAY_FIELDS), errors: {}, stale: true }, 409);
  return afterConfigChange(c, `/admin/t/${t.slug}/events`, { done: "relay" });
});

/** A relay with active entries stays: they are moved or removed first. */
async function blockedRelay(c: Context<RelayEnv>): Promise<string | null> {
  const relay = c.get("relay");
  const blocked = activeEntries(await TournamentClient.of(appContext(c)).call("allEntries"), { relayId: relay.id });
  return blocked > 0 ? `${relay.name} has ${blocked} active entries: move or remove them before deleting it.` : null;
}

const deleteRelayBody = formBodyWith<string | null, object, RelayEnv>(
  blockedRelay,
  (_values, blocked): Parsed<object> => (blocked ? { errors: { form: blocked } } : { data: {} }),
  { fields: [], revision: true, invalid: (c, { errors, stale }) => relayPage(c, { errors, stale }) },
);

relayRoutes.post("/t/:slug/relays/:relayId/delete", editors, relayFromPath, deleteRelayBody, async (c) => {
  const t = c.get("tournament");
  const outcome = await deleteRelay(c.get("db"), changeBy(c), c.get("relay"));
  if (!outcome.committed) return relayPage(c, { errors: {}, stale: true }, 409);
  return afterConfigChange(c, `/admin/t/${t.slug}/events`, { done: "deleted" });
});
