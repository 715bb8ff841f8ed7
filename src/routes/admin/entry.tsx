import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EDITORS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import type { Errors, Values } from "../../lib/forms.ts";
import { formBody, type FormState } from "../../middleware/validate.ts";
import type { ChangeResult } from "../../object/contract/index.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { relayRoom } from "../../queries/admin/entries.ts";
import { markPaidOnSite, moveEntry, moveForm, pointForm, removeEntry, removeForm, setFiringPoint } from "../../queries/admin/entry-actions.ts";
import { loadStructure } from "../../queries/admin/structure.ts";
import { EntryView } from "../../views/admin/entry.tsx";
import { feeLabel } from "./entries.tsx";
import { ENTRY_PATH, type EntryEnv, entryFromPath, forStaff } from "./loaders.ts";
import { actor, adminPage, appContext, redirectWith, typedValues } from "./respond.tsx";

export const entryRoutes = new Hono<AppEnv>();
const editors = forStaff(EDITORS);

const NOTICES: Record<string, string> = {
  moved: "Moved.",
  removed: "Removed. The place went to the waitlist, if anyone was waiting.",
  paid: "Marked paid: the entry is confirmed.",
  point: "Firing point changed.",
  "walk-up": "Walk-up entry added and confirmed.",
  "walk-up-claim": "Walk-up entry added and confirmed. A link was mailed to the address so the competitor can add the entry to their account.",
  "checked-in": "Checked in.",
  "check-in-undone": "Check-in undone.",
};

/** The entry of the URL with its forms (status already set when a form was refused). */
async function entryPage(c: Context<EntryEnv>, form: { errors: Errors; values?: Values }, status?: ContentfulStatusCode) {
  const t = c.get("tournament");
  const entry = c.get("entry");
  const [structure, room] = await Promise.all([loadStructure(c.get("db"), t.id), relayRoom(TournamentClient.of(appContext(c)))]);
  const event = structure.find((e) => e.id === entry.eventId);
  return adminPage(
    c,
    { section: "entries", title: entry.name, status },
    <>
      <p class="eyebrow">
        <a href={`/admin/t/${t.slug}/entries?event=${entry.eventId}`}>← {event?.title ?? "Entries"}</a>
      </p>
      <EntryView
        slug={t.slug}
        zone={t.timeZone}
        entry={entry}
        eventTitle={event?.title ?? `Event ${entry.eventId}`}
        relays={(event?.relays ?? []).map((r) => ({ id: r.id, name: r.name, startsAt: r.startsAt, firingPoints: r.firingPoints, free: room.get(r.id) ?? 0 }))}
        errors={form.errors}
        values={form.values ?? {}}
        notice={NOTICES[c.req.query("done") ?? ""]}
        feeLabel={feeLabel(t)}
      />
    </>,
  );
}

/** A refused form comes back on the entry's page, with what was typed. */
const again = (c: Context<EntryEnv>, { values, errors }: FormState) => entryPage(c, { errors, values });

entryRoutes.get(`/t/:slug/entries/${ENTRY_PATH}`, editors, entryFromPath, (c) => entryPage(c, { errors: {} }));

/** The object's refusal comes back as a message by the form, its success as a redirect. */
function settle(c: Context<EntryEnv>, result: ChangeResult, field: string, done: string, values: Values) {
  if (result.outcome === "refused") return entryPage(c, { errors: { [field]: result.message }, values }, result.reason === "not_found" ? 409 : 422);
  return redirectWith(c, `/admin/t/${c.get("tournament").slug}/entries/${c.get("entry").id}`, { done });
}

entryRoutes.post(
  `/t/:slug/entries/${ENTRY_PATH}/move`,
  editors,
  entryFromPath,
  formBody(moveForm, { fields: ["relayId"], invalid: again }),
  async (c) => {
    const entry = c.get("entry");
    const { relayId } = c.req.valid("form");
    const values = await typedValues(c, ["relayId"]);
    const structure = await loadStructure(c.get("db"), c.get("tournament").id);
    const sameEvent = structure.find((e) => e.id === entry.eventId)?.relays.some((r) => r.id === relayId);
    if (!sameEvent) return entryPage(c, { errors: { relayId: "Choose a relay of this entry's event." }, values }, 422);
    return settle(c, await moveEntry(actor(c), entry, relayId), "relayId", "moved", values);
  },
);

entryRoutes.post(
  `/t/:slug/entries/${ENTRY_PATH}/remove`,
  editors,
  entryFromPath,
  formBody(removeForm, { fields: ["reason"], invalid: again }),
  async (c) => {
    const { reason } = c.req.valid("form");
    return settle(c, await removeEntry(actor(c), c.get("entry"), reason), "reason", "removed", await typedValues(c, ["reason"]));
  },
);

entryRoutes.post(`/t/:slug/entries/${ENTRY_PATH}/paid`, editors, entryFromPath, async (c) =>
  settle(c, await markPaidOnSite(actor(c), c.get("entry")), "paid", "paid", {}),
);

entryRoutes.post(
  `/t/:slug/entries/${ENTRY_PATH}/firing-point`,
  editors,
  entryFromPath,
  formBody(pointForm, { fields: ["firingPoint"], invalid: again }),
  async (c) => {
    const { firingPoint } = c.req.valid("form");
    return settle(c, await setFiringPoint(actor(c), c.get("entry"), firingPoint), "firingPoint", "point", await typedValues(c, ["firingPoint"]));
  },
);
