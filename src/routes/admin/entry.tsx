import { type Context, Hono } from "hono";
import { type EntryRow, loadEntry, relayRoom } from "../../queries/admin/entries.ts";
import { markPaidOnSite, moveEntry, moveForm, pointForm, removeEntry, removeForm, setFiringPoint } from "../../queries/admin/entry-actions.ts";
import { loadStructure } from "../../queries/admin/structure.ts";
import { type Errors, fieldErrors, formText } from "../../lib/forms.ts";
import { tournamentOfEntry } from "../../object-client/stub.ts";
import type { ChangeResult } from "../../object/contract/index.ts";
import { EntryView } from "../../views/admin/entry.tsx";
import { AdminPage } from "../../views/admin/layout.tsx";
import { feeLabel } from "./entries.tsx";
import { type AdminEnv, EDITORS, notHere, requireStaff } from "./guard.ts";
import { frame, redirectWith } from "./respond.ts";

export const entryRoutes = new Hono<AdminEnv>();
const editors = requireStaff(EDITORS);

/** Entry ids name their tournament (`<tournamentId>-<random>`); the route only takes that shape. */
export const ENTRY_PATH = ":entryId{[1-9][0-9]{0,14}-[A-Za-z0-9_-]{8,64}}";

const NOTICES: Record<string, string> = {
  moved: "Moved.",
  removed: "Removed. The place went to the waitlist, if anyone was waiting.",
  paid: "Marked paid: the entry is confirmed.",
  point: "Firing point changed.",
  "walk-up": "Walk-up entry added and confirmed.",
  "walk-up-account": "Walk-up entry added to the competitor's existing account and confirmed.",
  "checked-in": "Checked in.",
  "check-in-undone": "Check-in undone.",
};

/** The entry of the URL if it belongs to this tournament (an id of another tournament is "not found"). */
export async function entryFromPath(c: Context<AdminEnv>): Promise<EntryRow | null> {
  const t = c.get("tournament");
  const id = c.req.param("entryId") ?? "";
  if (tournamentOfEntry(id) !== t.id) return null;
  return loadEntry(c.env, c.get("db"), t.id, id);
}

async function entryPage(c: Context<AdminEnv>, entry: EntryRow, form: { errors: Errors; values?: Record<string, string> }, status: 200 | 409 | 422 = 200) {
  const t = c.get("tournament");
  const [structure, room] = await Promise.all([loadStructure(c.get("db"), t.id), relayRoom(c.env, t.id)]);
  const event = structure.find((e) => e.id === entry.eventId);
  return c.html(
    <AdminPage {...frame(c)} section="entries" title={entry.name}>
      <p class="eyebrow">
        <a href={`/admin/t/${t.slug}/entries?event=${entry.eventId}`}>← {event?.title ?? "Entries"}</a>
      </p>
      <EntryView
        slug={t.slug}
        zone={t.timeZone}
        csrf={c.get("csrf")}
        entry={entry}
        eventTitle={event?.title ?? `Event ${entry.eventId}`}
        relays={(event?.relays ?? []).map((r) => ({ id: r.id, name: r.name, startsAt: r.startsAt, firingPoints: r.firingPoints, free: room.get(r.id) ?? 0 }))}
        errors={form.errors}
        values={form.values ?? {}}
        notice={NOTICES[c.req.query("done") ?? ""]}
        feeLabel={feeLabel(t)}
      />
    </AdminPage>,
    status,
  );
}

entryRoutes.get(`/t/:slug/entries/${ENTRY_PATH}`, editors, async (c) => {
  const entry = await entryFromPath(c);
  return entry ? entryPage(c, entry, { errors: {} }) : notHere(c, "Entry");
});

/** Runs one change: the object's refusal comes back as a message by the form, its success as a redirect. */
function settle(c: Context<AdminEnv>, entry: EntryRow, result: ChangeResult, field: string, done: string, values: Record<string, string>) {
  if (result.outcome === "refused") {
    const status = result.reason === "not_found" ? 409 : 422;
    return entryPage(c, entry, { errors: { [field]: result.message }, values }, status);
  }
  return redirectWith(c, `/admin/t/${c.get("tournament").slug}/entries/${entry.id}`, { done });
}

function actor(c: Context<AdminEnv>) {
  return { env: c.env, db: c.get("db"), tournament: c.get("tournament"), actorId: c.get("me").id };
}

entryRoutes.post(`/t/:slug/entries/${ENTRY_PATH}/move`, editors, async (c) => {
  const entry = await entryFromPath(c);
  if (!entry) return notHere(c, "Entry");
  const values = formText(await c.req.parseBody(), ["relayId"]);
  const parsed = moveForm.safeParse(values);
  if (!parsed.success) return entryPage(c, entry, { errors: fieldErrors(parsed.error), values }, 422);
  const structure = await loadStructure(c.get("db"), c.get("tournament").id);
  const sameEvent = structure.find((e) => e.id === entry.eventId)?.relays.some((r) => r.id === parsed.data.relayId);
  if (!sameEvent) return entryPage(c, entry, { errors: { relayId: "Choose a relay of this entry's event." }, values }, 422);
  return settle(c, entry, await moveEntry(actor(c), entry, parsed.data.relayId), "relayId", "moved", values);
});

entryRoutes.post(`/t/:slug/entries/${ENTRY_PATH}/remove`, editors, async (c) => {
  const entry = await entryFromPath(c);
  if (!entry) return notHere(c, "Entry");
  const values = formText(await c.req.parseBody(), ["reason"]);
  const parsed = removeForm.safeParse(values);
  if (!parsed.success) return entryPage(c, entry, { errors: fieldErrors(parsed.error), values }, 422);
  return settle(c, entry, await removeEntry(actor(c), entry, parsed.data.reason), "reason", "removed", values);
});

entryRoutes.post(`/t/:slug/entries/${ENTRY_PATH}/paid`, editors, async (c) => {
  const entry = await entryFromPath(c);
  if (!entry) return notHere(c, "Entry");
  return settle(c, entry, await markPaidOnSite(actor(c), entry), "paid", "paid", {});
});

entryRoutes.post(`/t/:slug/entries/${ENTRY_PATH}/firing-point`, editors, async (c) => {
  const entry = await entryFromPath(c);
  if (!entry) return notHere(c, "Entry");
  const values = formText(await c.req.parseBody(), ["firingPoint"]);
  const parsed = pointForm.safeParse(values);
  if (!parsed.success) return entryPage(c, entry, { errors: fieldErrors(parsed.error), values }, 422);
  return settle(c, entry, await setFiringPoint(actor(c), entry, parsed.data.firingPoint), "firingPoint", "point", values);
});
