import type { Child } from "hono/jsx";
import type { SignedInUser } from "../../env.ts";
import { Page } from "../layout.tsx";

export type Section = "dashboard" | "tournament" | "events" | "entries" | "check-in" | "staff" | "results" | "audit";
export type Role = "owner" | "organiser" | "range_officer";

export interface AdminFrame {
  nonce: string;
  csrf: string;
  user: SignedInUser;
}

export interface TournamentFrame extends AdminFrame {
  tournament: { slug: string; title: string; status: "draft" | "published" };
  role: Role;
}

const SECTIONS: { key: Section; label: string; path: string; roles: Role[] }[] = [
  { key: "dashboard", label: "Dashboard", path: "", roles: ["owner", "organiser", "range_officer"] },
  { key: "tournament", label: "Details", path: "/edit", roles: ["owner", "organiser"] },
  { key: "events", label: "Events & relays", path: "/events", roles: ["owner", "organiser"] },
  { key: "entries", label: "Entries", path: "/entries", roles: ["owner", "organiser"] },
  { key: "check-in", label: "Check-in", path: "/check-in", roles: ["owner", "organiser", "range_officer"] },
  { key: "staff", label: "Staff", path: "/staff", roles: ["owner", "organiser"] },
  { key: "results", label: "Results", path: "/results", roles: ["owner", "organiser"] },
  { key: "audit", label: "Audit log", path: "/audit", roles: ["owner", "organiser"] },
];

export const ROLE_LABEL: Record<Role, string> = { owner: "Owner", organiser: "Organiser", range_officer: "Range officer" };

/** Every admin page of one tournament: its name, status and the areas this role may open. */
export function AdminPage(props: TournamentFrame & { section: Section; title: string; scripts?: string[]; wide?: boolean; children: Child }) {
  const { tournament, role, section } = props;
  const base = `/admin/t/${tournament.slug}`;
  return (
    <Page
      title={`${props.title} · ${tournament.title}`}
      nonce={props.nonce}
      account={{ user: props.user, csrf: props.csrf }}
      scripts={["/scripts/admin.js", ...(props.scripts ?? [])]}
      noindex
    >
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
                  <a href={base + s.path} aria-current={s.key === section ? "page" : undefined}>
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
    </Page>
  );
}

/** Admin pages outside a tournament: the landing list and the new-tournament form. */
export function AdminHome(props: AdminFrame & { title: string; children: Child }) {
  return (
    <Page title={props.title} nonce={props.nonce} account={{ user: props.user, csrf: props.csrf }} noindex scripts={["/scripts/admin.js"]}>
      <div class="admin">
        <p class="eyebrow">
          <a href="/admin">Your tournaments</a>
        </p>
        <h1 id="admin-title">{props.title}</h1>
        {props.children}
      </div>
    </Page>
  );
}
