import { type Context, Hono } from "hono";
import { ALL_STAFF } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { type EntryRow, loadEntries, searchable } from "../../queries/admin/entries.ts";
import { setCheckedIn } from "../../queries/admin/entry-actions.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { loadStructure } from "../../queries/admin/structure.ts";
import { CheckInCounts, CheckInList, type CheckInRelay, CheckInRow, CheckInView } from "../../views/admin/check-in.tsx";
import { ENTRY_PATH, entryFromPath, forStaff } from "./loaders.ts";
import { actor, adminPage, appContext, redirectWith } from "./respond.tsx";

/** Check-in at the range: owners, organisers and range officers. */
export const checkInRoutes = new Hono<AppEnv>();
const staff = forStaff(ALL_STAFF);

const placed = (e: EntryRow) => e.status === "confirmed" || e.status === "held";

/** Competitors with a place, fresh from the object, with the counts per relay. */
async function checkInModel<E extends AppEnv>(c: Context<E>, q: string, relayId: number | null) {
  const t = c.get("tournament");
  const db = c.get("db");
  const [structure, entries] = await Promise.all([loadStructure(db, t.id), loadEntries(TournamentClient.of(appContext(c)), db)]);
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
  return { slug: t.slug, zone: t.timeZone, q, relayId, relays, rows, total: withPlace.length };
}

const isHtmx = (c: Context) => c.req.header("HX-Request") === "true";

checkInRoutes.get("/t/:slug/check-in", staff, async (c) => {
  const q = (c.req.query("q") ?? "").slice(0, 100);
  const model = await checkInModel(c, q, idParam(c.req.query("relay")));
  if (isHtmx(c)) return c.render(<CheckInList {...model} />, { title: "", fragment: true });
  return adminPage(c, { section: "check-in", title: "Check-in" }, <CheckInView {...model} />);
});

/** One tap: check in (or undo). htmx gets the row and the counts; a plain form goes back to the list. */
checkInRoutes.post(`/t/:slug/check-in/${ENTRY_PATH}`, staff, entryFromPath, async (c) => {
  const t = c.get("tournament");
  const entry = c.get("entry");
  const body = await c.req.parseBody();
  const checkedIn = body.checkedIn !== "0";
  const q = typeof body.q === "string" ? body.q.slice(0, 100) : "";
  const result = await setCheckedIn(actor(c), entry, checkedIn);
  if (isHtmx(c)) {
    const model = await checkInModel(c, q, null);
    const fresh = model.rows.find((e) => e.id === entry.id) ?? { ...entry, checkedInAt: result.outcome === "refused" ? entry.checkedInAt : null };
    const relay = model.relays.find((r) => r.id === fresh.relayId);
    c.status(result.outcome === "refused" ? 422 : 200);
    return c.render(
      <>
        <CheckInRow slug={t.slug} zone={t.timeZone} q={q} entry={fresh} relay={relay} />
        <CheckInCounts relays={model.relays} oob />
      </>,
      { title: "", fragment: true },
    );
  }
  if (body.back === "entry") {
    return redirectWith(c, `/admin/t/${t.slug}/entries/${entry.id}`, result.outcome === "refused" ? {} : { done: checkedIn ? "checked-in" : "check-in-undone" });
  }
  return redirectWith(c, `/admin/t/${t.slug}/check-in`, q ? { q } : {});
});
