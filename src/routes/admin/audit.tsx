import { Hono } from "hono";
import { loadAudit } from "../../queries/admin/audit.ts";
import { idParam } from "../../queries/admin/form-fields.ts";
import { AuditView } from "../../views/admin/audit.tsx";
import { AdminPage } from "../../views/admin/layout.tsx";
import { type AdminEnv, EDITORS, requireStaff } from "./guard.ts";
import { frame } from "./respond.ts";

/** The audit log: read-only (no route here or anywhere else edits or deletes it). */
export const auditRoutes = new Hono<AdminEnv>();

auditRoutes.get("/t/:slug/audit", requireStaff(EDITORS), async (c) => {
  const t = c.get("tournament");
  const action = (c.req.query("action") ?? "").trim().slice(0, 60) || null;
  const filter = { action, actorId: idParam(c.req.query("actor")), page: Math.min(idParam(c.req.query("page")) ?? 1, 10_000) };
  const log = await loadAudit(c.get("db"), t.id, filter);
  return c.html(
    <AdminPage {...frame(c)} section="audit" title="Audit log" wide>
      <AuditView slug={t.slug} zone={t.timeZone} filter={filter} {...log} />
    </AdminPage>,
  );
});
