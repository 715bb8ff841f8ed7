import { Hono } from "hono";
import { EDITORS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { tournamentDevices } from "../../queries/scoring/devices.ts";
import { DevicesView } from "../../views/admin/devices.tsx";
import { forStaff } from "./loaders.ts";
import { adminPage, appContext } from "./respond.tsx";

/** The scoring devices page: every device that synced shots, as it last reported, beside the open conflicts. */
export const deviceRoutes = new Hono<AppEnv>();

deviceRoutes.get("/t/:slug/devices", forStaff(EDITORS), async (c) => {
  const t = c.get("tournament");
  const [devices, conflicts] = await Promise.all([
    tournamentDevices(c.get("db"), t.id),
    TournamentClient.of(appContext(c)).call("conflicts", null, false),
  ]);
  // Open conflicts per device that sent the value that did not stand, from the object's own list.
  const open = new Map<string, number>();
  for (const x of conflicts) if (x.incoming.deviceId) open.set(x.incoming.deviceId, (open.get(x.incoming.deviceId) ?? 0) + 1);
  return adminPage(
    c,
    { section: "devices", title: "Scoring devices", wide: true },
    <DevicesView slug={t.slug} zone={t.timeZone} devices={devices.map((d) => ({ ...d, openConflicts: open.get(d.deviceId) ?? 0 }))} />,
  );
});
