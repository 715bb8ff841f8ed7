import { type Context, Hono } from "hono";
import { ALL_STAFF, EDITORS } from "../../auth/roles.ts";
import { currentUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { TournamentClient } from "../../object-client/client.ts";
import { loadDashboard } from "../../queries/admin/dashboard.ts";
import { publishProblems, setPublished } from "../../queries/admin/tournaments.ts";
import { DashboardView, PublishPanel } from "../../views/admin/dashboard.tsx";
import { OpeningFiguresPanel } from "../../views/admin/opening-figures.tsx";
import { formBodyWith, forStaff, type Parsed } from "./loaders.ts";
import { adminPage, redirectWith } from "./respond.tsx";

export const dashboardRoutes = new Hono<AppEnv>();

const NOTICES: Record<string, string> = {
  published: "Published: the tournament is on the home page now.",
  unpublished: "Back to draft: the public no longer sees it.",
};

const STALE = "Someone else changed this tournament meanwhile, so nothing was done. Check the figures below and try again.";

async function dashboardPage(c: Context<AppEnv>, problem?: string) {
  const t = c.get("tournament");
  const db = c.get("db");
  const canEdit = EDITORS.includes(c.get("role"));
  const client = TournamentClient.of(c);
  const [data, problems, figures] = await Promise.all([
    loadDashboard(client, db),
    t.status === "draft" && canEdit ? publishProblems(db, t.id) : Promise.resolve([]),
    canEdit ? client.call("openingFigures") : Promise.resolve(null),
  ]);
  return adminPage(
    c,
    { section: "dashboard", title: "Dashboard", wide: true },
    <>
      <PublishPanel slug={t.slug} revision={t.revision} status={t.status} problems={problems} canEdit={canEdit} />
      {figures && <OpeningFiguresPanel slug={t.slug} figures={figures} />}
      <DashboardView slug={t.slug} zone={t.timeZone} data={data} problem={problem} notice={NOTICES[c.req.query("done") ?? ""]} />
    </>,
  );
}

dashboardRoutes.get("/t/:slug", forStaff(ALL_STAFF), (c) => dashboardPage(c));

/** The live panel's refresh (htmx polling): the object's opening figures, nothing from D1. */
dashboardRoutes.get("/t/:slug/opening-figures", forStaff(EDITORS), async (c) => {
  const figures = await TournamentClient.of(c).call("openingFigures");
  return c.render(<OpeningFiguresPanel slug={c.get("tournament").slug} figures={figures} />, { title: "", fragment: true });
});

/** Publishing needs what the draft lacks now (events, relays); going back to draft needs nothing. */
const publishForm = formBodyWith(
  async (c) => ((await c.req.parseBody()).publish !== "0" ? publishProblems(c.get("db"), c.get("tournament").id) : []),
  (values, problems): Parsed<{ publish: boolean }> => {
    const publish = values.publish !== "0";
    if (publish && problems.length > 0) return { errors: { form: `Not published yet: ${problems.join(" ")}` } };
    return { data: { publish } };
  },
  { fields: ["publish"], revision: true, invalid: (c, { errors, stale }) => dashboardPage(c, stale ? STALE : errors.form) },
);

dashboardRoutes.post("/t/:slug/publish", forStaff(EDITORS), publishForm, async (c) => {
  const t = c.get("tournament");
  const { publish } = c.req.valid("form");
  const outcome = await setPublished(c.get("db"), t, publish, t.revision, currentUser(c).id);
  if (!outcome.committed) {
    c.status(409);
    return dashboardPage(c, STALE);
  }
  return redirectWith(c, `/admin/t/${t.slug}`, { done: publish ? "published" : "unpublished" });
});
