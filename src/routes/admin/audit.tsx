import { Hono } from "hono";
import { EDITORS } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";
import { loadAudit } from "../../queries/admin/audit.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { AuditView } from "../../views/admin/audit.tsx";
import { forStaff } from "./loaders.ts";
import { adminPage } from "./respond.tsx";

/** The audit log: read-only (no route here or anywhere else edits or deletes it). */
export const auditRoutes = new Hono<AppEnv>();

auditRoutes.get("/t/:slug/audit", forStaff(EDITORS), async (c) => {
  const t = c.get("tournament");
  const action = (c.req.query("action") ?? "").trim().slice(0, 60) || null;
  const filter = { action, actorId: idParam(c.req.query("actor")), page: Math.min(idParam(c.req.query("page")) ?? 1, 10_000) };
  const log = await loadAudit(c.get("db"), t.id, filter);
  return adminPage(c, { section: "audit", title: "Audit log", wide: true }, <AuditView slug={t.slug} zone={t.timeZone} currency={t.currency} filter={filter} {...log} />);
});
