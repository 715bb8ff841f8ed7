import { Hono } from "hono";
import { loadEntries } from "../../queries/admin/entries.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { loadStructure } from "../../queries/admin/structure.ts";
import { AdminPage } from "../../views/admin/layout.tsx";
import { StartLists, type StartListRelay } from "../../views/admin/start-list.tsx";
import { type AdminEnv, ALL_STAFF, notHere, requireStaff } from "./guard.ts";
import { frame } from "./respond.ts";

/** Printable start lists: one relay (`?relay=`) or every relay of an event (`?event=`); staff read them at the range. */
export const startListRoutes = new Hono<AdminEnv>();

startListRoutes.get("/t/:slug/start-list", requireStaff(ALL_STAFF), async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const relayId = idParam(c.req.query("relay"));
  const eventId = idParam(c.req.query("event"));
  const [structure, entries] = await Promise.all([loadStructure(db, t.id), loadEntries(c.env, db, t.id)]);
  const relays: StartListRelay[] = structure.flatMap((e) =>
    e.relays
      .filter((r) => (relayId !== null ? r.id === relayId : eventId !== null ? e.id === eventId : true))
      .map((r) => ({
        id: r.id,
        name: r.name,
        startsAt: r.startsAt,
        firingPoints: r.firingPoints,
        eventTitle: e.title,
        entries: entries.filter((x) => x.relayId === r.id && (x.status === "confirmed" || x.status === "held")),
      })),
  );
  if ((relayId !== null || eventId !== null) && relays.length === 0) return notHere(c, relayId !== null ? "Relay" : "Event");
  const title = relays.length === 1 ? `Start list · ${relays[0]!.name}` : "Start lists";
  return c.html(
    <AdminPage {...frame(c)} section="entries" title={title} wide>
      <StartLists relays={relays} zone={t.timeZone} title={t.title} />
    </AdminPage>,
  );
});
