import { type Context, Hono } from "hono";
import { loadDashboard } from "../../queries/admin/dashboard.ts";
import { revisionField } from "../../queries/admin/form-fields.ts";
import { publishProblems, setPublished } from "../../queries/admin/tournaments.ts";
import { DashboardView, PublishPanel } from "../../views/admin/dashboard.tsx";
import { AdminPage } from "../../views/admin/layout.tsx";
import { type AdminEnv, ALL_STAFF, EDITORS, requireStaff } from "./guard.ts";
import { frame, redirectWith } from "./respond.ts";

export const dashboardRoutes = new Hono<AdminEnv>();

const NOTICES: Record<string, string> = {
  published: "Published: the tournament is on the home page now.",
  unpublished: "Back to draft: the public no longer sees it.",
};

const STALE = "Someone else changed this tournament meanwhile, so nothing was done. Check the figures below and try again.";

async function dashboardPage(c: Context<AdminEnv>, problem?: string, status: 200 | 409 | 422 = 200) {
  const t = c.get("tournament");
  const db = c.get("db");
  const canEdit = EDITORS.includes(c.get("role"));
  const [data, problems] = await Promise.all([
    loadDashboard(c.env, db, t.id),
    t.status === "draft" && canEdit ? publishProblems(db, t.id) : Promise.resolve([]),
  ]);
  return c.html(
    <AdminPage {...frame(c)} section="dashboard" title="Dashboard" wide>
      <PublishPanel slug={t.slug} csrf={c.get("csrf")} revision={t.revision} status={t.status} problems={problems} canEdit={canEdit} />
      <DashboardView slug={t.slug} zone={t.timeZone} data={data} problem={problem} notice={NOTICES[c.req.query("done") ?? ""]} />
    </AdminPage>,
    status,
  );
}

dashboardRoutes.get("/t/:slug", requireStaff(ALL_STAFF), (c) => dashboardPage(c));

dashboardRoutes.post("/t/:slug/publish", requireStaff(EDITORS), async (c) => {
  const t = c.get("tournament");
  const db = c.get("db");
  const body = await c.req.parseBody();
  const revision = revisionField.safeParse(body.revision);
  const publish = body.publish !== "0";
  if (!revision.success) return dashboardPage(c, "This form is incomplete; reload the page.", 422);
  if (publish) {
    const problems = await publishProblems(db, t.id);
    if (problems.length > 0) return dashboardPage(c, `Not published yet: ${problems.join(" ")}`, 422);
  }
  if (revision.data !== t.revision) return dashboardPage(c, STALE, 409);
  const outcome = await setPublished(db, t, publish, revision.data, c.get("me").id);
  if (!outcome.committed) return dashboardPage(c, STALE, 409);
  return redirectWith(c, `/admin/t/${t.slug}`, { done: publish ? "published" : "unpublished" });
});
