import type { Child } from "hono/jsx";
import { useRequestContext } from "hono/jsx-renderer";
import { ALL_STAFF, EDITORS, type StaffRole } from "../../auth/roles.ts";
import type { AppEnv } from "../../env.ts";

export type Section = "dashboard" | "tournament" | "events" | "entries" | "payments" | "check-in" | "staff" | "results" | "finals" | "devices" | "audit";

const SECTIONS: { key: Section; label: string; path: string; roles: readonly StaffRole[] }[] = [
  { key: "dashboard", label: "Dashboard", path: "", roles: ALL_STAFF },
  { key: "tournament", label: "Details", path: "/edit", roles: EDITORS },
  { key: "events", label: "Events & relays", path: "/events", roles: EDITORS },
  { key: "entries", label: "Entries", path: "/entries", roles: EDITORS },
  { key: "payments", label: "Payments", path: "/payments", roles: EDITORS },
  { key: "check-in", label: "Check-in", path: "/check-in", roles: ALL_STAFF },
  { key: "staff", label: "Staff", path: "/staff", roles: EDITORS },
  { key: "results", label: "Results", path: "/results", roles: EDITORS },
  { key: "finals", label: "Finals", path: "/finals", roles: ALL_STAFF },
  { key: "devices", label: "Devices", path: "/devices", roles: EDITORS },
  { key: "audit", label: "Audit log", path: "/audit", roles: EDITORS },
];

export const ROLE_LABEL: Record<StaffRole, string> = { owner: "Owner", organiser: "Organiser", range_officer: "Range officer" };

/** Every admin page's script (public/scripts/admin.js), loaded by the layout with the page's nonce. */
export const ADMIN_SCRIPTS = ["/scripts/admin.js"];

/**
 * The frame of every admin page of one tournament: its name, status and the areas this role may open.
 * The tournament and the role come from the request (`tournamentBySlug()`, `requireStaff()`).
 */
export function AdminFrame(props: { section: Section; title: string; wide?: boolean | undefined; children?: Child }) {
  const c = useRequestContext<AppEnv>();
  const tournament = c.get("tournament");
  const role = c.get("role");
  const base = `/admin/t/${tournament.slug}`;
  return (
    <div class={props.wide ? "admin wide" : "admin"}>
      <header class="admin-head">
        <p class="eyebrow">
          <a href="/admin">Your tournaments</a> · {ROLE_LABEL[role]}
        </p>
        <p class="admin-tournament">
          <strong>{tournament.title}</strong>{" "}
          <span class={`badge ${tournament.status === "published" ? "open" : "soon"}`} data-testid="tournament-status">
            {tournament.status === "published" ? "Published" : "Draft"}
          </span>{" "}
          {tournament.status === "published" ? <a href={`/t/${tournament.slug}`}>Public page</a> : null}
        </p>
        <nav class="admin-nav" aria-label="Tournament admin">
          <ul>
            {SECTIONS.filter((s) => s.roles.includes(role)).map((s) => (
              <li>
                <a href={base + s.path} aria-current={s.key === props.section ? "page" : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
            <li>
              <a href={`/score/t/${tournament.slug}`}>Scoring</a>
            </li>
          </ul>
        </nav>
      </header>
      <section class="admin-body" aria-labelledby="admin-title">
        <h1 id="admin-title">{props.title}</h1>
        {props.children}
      </section>
    </div>
  );
}

/** Admin pages outside a tournament: the landing list and the new-tournament form. */
export function AdminHomeFrame(props: { title: string; children?: Child }) {
  return (
    <div class="admin">
      <p class="eyebrow">
        <a href="/admin">Your tournaments</a>
      </p>
      <h1 id="admin-title">{props.title}</h1>
      {props.children}
    </div>
  );
}
