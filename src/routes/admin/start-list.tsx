import { Hono } from "hono";
import { ALL_STAFF } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { notHere } from "../../lib/refusal.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { loadEntries } from "../../queries/admin/entries.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { loadStructure } from "../../queries/admin/structure.ts";
import { StartLists, type StartListRelay } from "../../views/admin/start-list.tsx";
import { forStaff } from "./loaders.ts";
import { adminPage } from "./respond.tsx";

/** Printable start lists: one relay (`?relay=`) or every relay of an event (`?event=`); staff read them at the range. */
export const startListRoutes = new Hono<AppEnv>();

startListRoutes.get("/t/:slug/start-list", forStaff(ALL_STAFF), async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const relayId = idParam(c.req.query("relay"));
  const eventId = idParam(c.req.query("event"));
  const [structure, entries] = await Promise.all([loadStructure(db, t.id), loadEntries(TournamentClient.of(c), db)]);
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
  if ((relayId !== null || eventId !== null) && relays.length === 0) throw notHere(relayId !== null ? "Relay" : "Event");
  const title = relays.length === 1 ? `Start list · ${relays[0]!.name}` : "Start lists";
  return adminPage(c, { section: "entries", title, wide: true }, <StartLists relays={relays} zone={t.timeZone} title={t.title} />);
});
