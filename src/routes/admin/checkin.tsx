import { type Context, Hono } from "hono";
import { type EntryRow, loadEntries, searchable } from "../../queries/admin/entries.ts";
import { setCheckedIn } from "../../queries/admin/entry-actions.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { loadStructure } from "../../queries/admin/structure.ts";
import { CheckInCounts, CheckInList, type CheckInRelay, CheckInRow, CheckInView } from "../../views/admin/check-in.tsx";
import { AdminPage } from "../../views/admin/layout.tsx";
import { ENTRY_PATH, entryFromPath } from "./entry.tsx";
import { type AdminEnv, ALL_STAFF, notHere, requireStaff } from "./guard.ts";
import { frame, redirectWith } from "./respond.ts";

/** Check-in at the range: owners, organisers and range officers. */
export const checkInRoutes = new Hono<AdminEnv>();
const staff = requireStaff(ALL_STAFF);

const placed = (e: EntryRow) => e.status === "confirmed" || e.status === "held";

/** Competitors with a place, fresh from the object, with the counts per relay. */
async function checkInModel(c: Context<AdminEnv>, q: string, relayId: number | null) {
  const t = c.get("tournament");
  const db = c.get("db");
  const [structure, entries] = await Promise.all([loadStructure(db, t.id), loadEntries(c.env, db, t.id)]);
  const withPlace = entries.filter(placed);
  const relays: CheckInRelay[] = structure
    .flatMap((e) => e.relays.map((r) => ({ r, eventTitle: e.title })))
    .sort((a, b) => a.r.startsAt - b.r.startsAt || a.r.id - b.r.id)
    .map(({ r, eventTitle }) => {
      const on = withPlace.filter((e) => e.relayId === r.id);
      return { id: r.id, name: r.name, eventTitle, startsAt: r.startsAt, expected: on.length, checkedIn: on.filter((e) => e.checkedInAt !== null).length };
    });
  const order = new Map(relays.map((r, i) => [r.id, i]));
  const needle = searchable(q.trim());
  const rows = withPlace
    .filter((e) => relayId === null || e.relayId === relayId)
    .filter((e) => needle === "" || searchable(`${e.name} ${e.club}`).includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name) || (order.get(a.relayId ?? 0) ?? 0) - (order.get(b.relayId ?? 0) ?? 0));
  return { slug: t.slug, zone: t.timeZone, csrf: c.get("csrf"), q, relayId, relays, rows, total: withPlace.length };
}

checkInRoutes.get("/t/:slug/check-in", staff, async (c) => {
  const q = (c.req.query("q") ?? "").slice(0, 100);
  const model = await checkInModel(c, q, idParam(c.req.query("relay")));
  if (c.req.header("HX-Request") === "true") return c.html(<CheckInList {...model} />);
  return c.html(
    <AdminPage {...frame(c)} section="check-in" title="Check-in">
      <CheckInView {...model} />
    </AdminPage>,
  );
});

/** One tap: check in (or undo). htmx gets the row and the counts; a plain form goes back to the list. */
checkInRoutes.post(`/t/:slug/check-in/${ENTRY_PATH}`, staff, async (c) => {
  const t = c.get("tournament");
  const entry = await entryFromPath(c);
  if (!entry) return notHere(c, "Entry");
  const body = await c.req.parseBody();
  const checkedIn = body.checkedIn !== "0";
  const q = typeof body.q === "string" ? body.q.slice(0, 100) : "";
  const result = await setCheckedIn({ env: c.env, db: c.get("db"), tournament: t, actorId: c.get("me").id }, entry, checkedIn);
  if (c.req.header("HX-Request") === "true") {
    const model = await checkInModel(c, q, null);
    const fresh = model.rows.find((e) => e.id === entry.id) ?? { ...entry, checkedInAt: result.outcome === "refused" ? entry.checkedInAt : null };
    const relay = model.relays.find((r) => r.id === fresh.relayId);
    return c.html(
      <>
        <CheckInRow slug={t.slug} zone={t.timeZone} csrf={c.get("csrf")} q={q} entry={fresh} relay={relay} />
        <CheckInCounts relays={model.relays} oob />
      </>,
      result.outcome === "refused" ? 422 : 200,
    );
  }
  if (body.back === "entry") {
    return redirectWith(c, `/admin/t/${t.slug}/entries/${entry.id}`, result.outcome === "refused" ? {} : { done: checkedIn ? "checked-in" : "check-in-undone" });
  }
  return redirectWith(c, `/admin/t/${t.slug}/check-in`, q ? { q } : {});
});
