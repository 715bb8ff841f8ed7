/**
 * The offline scoring app (/score/app, and every /score/ page the service worker answers with no connection).
 * Each shot is appended to the device's operation log in IndexedDB first; the card is then computed from the
 * relay's last fetched cards plus the log, by the bundled rules of src/domain/scoring; sync sends the log.
 */
import { discipline, formatTotal, parseShot, validateShotNo } from "./scoring-rules.ts";
import { computeCards, nextShotNo } from "./offline/cards.ts";
import { cardView } from "./offline/card-view.ts";
import { h, replace, timeAgo } from "./offline/dom.ts";
import { appendOp, deviceState, loadRelay, loadSquad, opsOfRelay, recentRelays, recentSquads, relayKey, updateDevice } from "./offline/log.ts";
import { keepSheet, squadHref, squadView } from "./offline/squad-view.ts";
import { type CardsRef, fetchRelay, fetchSquad, onSyncChange, onSyncStatus, refreshStatus, type SyncStatus, syncNow, syncStatus } from "./offline/sync.ts";

const TIMER_MS = 15_000;

interface Route {
  slug?: string;
  relayId?: number;
  entryId?: string;
  /** A practical squad (its id in `relayId`) and the stage picked on it. */
  squad?: boolean;
  stageId?: number;
}

/**
 * /score/t/<slug>/relays/<id>?entry=<id> (an online address opened offline) or #/t/<slug>/relays/<id>/e/<entry>;
 * a practical squad: #/t/<slug>/squads/<id>/s/<stage>/e/<entry>, or the online sheet's address with `squad`.
 */
function route(): Route {
  const hash = location.hash.replace(/^#/, "");
  const squad = /^\/t\/([^/]+)\/squads\/(\d+)(?:\/s\/(\d+)(?:\/e\/([A-Za-z0-9_-]+))?)?/.exec(hash);
  if (squad) return { squad: true, slug: decodeURIComponent(squad[1]!), relayId: Number(squad[2]), stageId: squad[3] ? Number(squad[3]) : undefined, entryId: squad[4] };
  const sheet = /^\/score\/t\/([^/]+)\/practical\/\d+/.exec(location.pathname);
  const q = new URLSearchParams(location.search);
  if (sheet && Number(q.get("squad")) > 0) return { squad: true, slug: decodeURIComponent(sheet[1]!), relayId: Number(q.get("squad")), stageId: Number(q.get("stage")) || undefined, entryId: q.get("entry") ?? undefined };
  const byHash = /^\/t\/([^/]+)\/relays\/(\d+)(?:\/e\/([A-Za-z0-9_-]+))?/.exec(hash);
  if (byHash) return { slug: decodeURIComponent(byHash[1]!), relayId: Number(byHash[2]), entryId: byHash[3] };
  const byPath = /^\/score\/t\/([^/]+)\/relays\/(\d+)/.exec(location.pathname);
  if (byPath) return { slug: decodeURIComponent(byPath[1]!), relayId: Number(byPath[2]), entryId: new URLSearchParams(location.search).get("entry") ?? undefined };
  return {};
}

const relayHref = (slug: string, relayId: number, entryId?: string) => `#/t/${encodeURIComponent(slug)}/relays/${relayId}${entryId ? `/e/${entryId}` : ""}`;

let message: { entryId: string; kind: string; text: string } | null = null;

function statusBar(s: SyncStatus): void {
  const bar = document.getElementById("sync-bar");
  if (!bar) return;
  const problem =
    s.problem === "signed-out"
      ? h("span", { class: "sync-problem", role: "alert" }, s.detail, " ", h("a", { href: `/account/sign-in?next=${encodeURIComponent(location.pathname + location.hash)}`, "data-testid": "sign-in-again" }, "Sign in again"))
      : s.problem
        ? h("span", { class: "sync-problem" }, s.detail, s.retryAt ? ` Next try ${new Date(s.retryAt).toLocaleTimeString()}.` : "")
        : null;
  replace(
    bar,
    h("strong", { "data-testid": "sync-waiting" }, `${s.pending} waiting`),
    document.createTextNode(" · "),
    h("span", { "data-testid": "sync-last" }, `Last synced ${timeAgo(s.lastSyncAt)}`),
    document.createTextNode(s.syncing ? " · syncing…" : ""),
    navigator.onLine ? document.createTextNode("") : h("span", { "data-testid": "sync-offline" }, " · no connection: operations wait on this device"),
    s.conflicts > 0 ? h("span", { "data-testid": "sync-conflicts" }, ` · ${s.conflicts} conflict${s.conflicts === 1 ? "" : "s"}`) : document.createTextNode(""),
    document.createTextNode(" "),
    syncButton(),
    ...(problem ? [problem] : []),
  );
}

function syncButton(): HTMLElement {
  const b = h("button", { class: "button small", type: "button", "data-testid": "sync-now" }, "Sync now");
  b.addEventListener("click", () => void syncNow(currentRelay()).then(renderIf));
  return b;
}

function currentRelay(): CardsRef[] {
  const r = route();
  return r.slug && r.relayId ? [{ slug: r.slug, relayId: r.relayId, kind: r.squad ? "stage" : "shot" }] : [];
}

async function homeView(): Promise<HTMLElement> {
  const [relays, squads, device] = await Promise.all([recentRelays(), recentSquads(), deviceState()]);
  const enrolled = Object.keys(device.enrolments);
  return h(
    "div",
    {},
    h("h1", {}, "Scoring on this device"),
    h("p", {}, "Open a relay while online and it stays here for scoring with no connection. Shots wait on this device and are sent when a connection is back."),
    enrolled.length > 0 ? h("p", { "data-testid": "enrolled" }, `Enrolled with a scoring token for: ${enrolled.join(", ")}.`) : null,
    h("h2", {}, "Last relays opened"),
    relays.length === 0
      ? h("p", { class: "empty" }, "No relay opened on this device yet. ", h("a", { href: "/score" }, "Pick one under Scoring"), " while online.")
      : h(
          "ul",
          { class: "relay-picks", "data-testid": "offline-relays" },
          relays.map((r) => h("li", {}, h("a", { href: relayHref(r.slug, r.relay.id) }, `${r.tournamentTitle} · ${r.event.title} · ${r.relay.name}`), ` (${r.entries.length} competitors, fetched ${timeAgo(r.fetchedAt)})`)),
        ),
    squads.length > 0 ? h("h2", {}, "Practical squads") : null,
    squads.length > 0 ? h("ul", { class: "relay-picks", "data-testid": "offline-squads" }, squads.map((q) => h("li", {}, h("a", { href: squadHref(q.slug, q.squad.id) }, `${q.tournamentTitle} · ${q.event.title} · ${q.squad.name}`), ` (${q.entries.length} competitors, fetched ${timeAgo(q.fetchedAt)})`))) : null,
    ...(await enrolledRelays(enrolled)),
  );
}

/** An enrolled tablet has no session and no /score pages: it picks relays from the API, when online. */
async function enrolledRelays(slugs: string[]): Promise<HTMLElement[]> {
  const out: HTMLElement[] = [];
  for (const slug of slugs) {
    const token = (await deviceState()).enrolments[slug]!;
    const res = await fetch(`/api/v1/tournaments/${encodeURIComponent(slug)}/scoring/relays`, { headers: { Authorization: `Bearer ${token}` } }).catch(() => null);
    if (!res?.ok) continue;
    const body = (await res.json()) as { title: string; events: { title: string; relays: { id: number; name: string }[] }[] };
    out.push(h("h2", {}, `Relays of ${body.title}`), h("ul", { class: "relay-picks" }, body.events.flatMap((e) => e.relays.map((r) => h("li", {}, h("a", { href: relayHref(slug, r.id) }, `${e.title} · ${r.name}`))))));
  }
  return out;
}

async function relayView(slug: string, relayId: number, entryId: string | undefined): Promise<HTMLElement> {
  const pack = await loadRelay(relayKey(slug, relayId));
  const d = pack ? discipline(pack.discipline) : undefined;
  if (!pack || !d) {
    return h("div", {}, h("h1", {}, "Relay not on this device"), h("p", { class: "notice error", role: "alert" }, "This relay was never opened here while online. Connect, then open it again."), h("p", {}, h("a", { href: "#/" }, "Relays on this device")));
  }
  const [ops, device] = await Promise.all([opsOfRelay(slug, relayId), deviceState()]);
  const cards = computeCards(d, pack, ops);
  const picked = cards.find((c) => c.entryId === entryId) ?? cards[0];
  const list = h(
    "ol",
    { class: "fp-list" },
    cards.map((c) =>
      h("li", {}, h("a", { class: "fp-pick", href: relayHref(slug, relayId, c.entryId), "aria-current": c === picked ? "true" : null }, h("span", { class: "fp" }, `FP ${c.firingPoint ?? "–"}`), h("span", { class: "who" }, h("span", { class: "name" }, c.name)), h("span", { class: "fp-score", "data-testid": `fp-total-${c.entryId}` }, `${c.totals.shotsFired === 0 ? "–" : formatTotal(d, c.totals.total)} · ${c.totals.shotsFired} ${d.shotNoun}s${c.pending ? ` · ${c.pending} waiting` : ""}`))),
    ),
  );
  const pendingShots = new Set(ops.filter((o) => o.entryId === picked?.entryId && o.status === "pending").map((o) => o.shotNo));
  const card = picked
    ? cardView(d, picked, { deviceId: device.deviceId, nextShotNo: nextShotNo(d, picked.slots), message: message?.entryId === picked.entryId ? message : null, pendingShots }, {
        onShot: (no, typed) => void enterShot(slug, relayId, picked.entryId, no, typed),
        onUndo: () => void undoLast(slug, relayId, picked.entryId),
      })
    : h("p", { class: "empty" }, "No competitor is confirmed on this relay.");
  return h(
    "div",
    {},
    h("p", { class: "breadcrumbs" }, h("a", { href: "#/" }, "Relays on this device"), ` › ${pack.tournamentTitle}`),
    h("header", { class: "page-head" }, h("h1", {}, `${pack.event.title} · ${pack.relay.name}`), h("p", { class: "meta" }, `${d.name} · cards fetched ${timeAgo(pack.fetchedAt)}`)),
    h("div", { class: "scoring-layout" }, h("div", { class: "scoring-panel" }, card), h("nav", { class: "firing-points", "aria-label": "Firing points" }, h("h2", {}, "Firing points"), list)),
  );
}

async function squadPage(slug: string, squadId: number, stageId: number | undefined, entryId: string | undefined): Promise<HTMLElement> {
  const pack = await loadSquad(relayKey(slug, squadId));
  if (!pack) return h("div", {}, h("h1", {}, "Squad not on this device"), h("p", { class: "notice error", role: "alert" }, "This squad was never opened here while online. Connect, then open it again."), h("p", {}, h("a", { href: "#/" }, "On this device")));
  return squadView(pack, await opsOfRelay(slug, squadId), stageId, entryId, (saved) => {
    formDone = saved;
    return saved ? afterAppend() : render();
  });
}

async function enterShot(slug: string, relayId: number, entryId: string, shotNo: number, typed: string): Promise<void> {
  const pack = await loadRelay(relayKey(slug, relayId));
  const d = pack ? discipline(pack.discipline) : undefined;
  if (!pack || !d) return;
  const read = parseShot(d, typed);
  const noProblem = validateShotNo(d, shotNo);
  const cards = computeCards(d, pack, await opsOfRelay(slug, relayId));
  const filled = cards.find((c) => c.entryId === entryId)?.slots.get(shotNo);
  if (noProblem || !read.ok || filled) {
    const text = noProblem?.message ?? (!read.ok ? read.message : `${d.shotNoun === "shot" ? "Shot" : "Target"} ${shotNo} is filled: undo it first to enter it again.`);
    message = { entryId, kind: "error", text };
    return render();
  }
  await appendOp({ kind: "shot", slug, relayId, entryId, shotNo, value: read.value, innerTen: read.innerTen });
  message = { entryId, kind: "saved", text: `Saved on this device: ${d.shotNoun} ${shotNo}.` };
  formDone = true;
  await afterAppend();
}

async function undoLast(slug: string, relayId: number, entryId: string): Promise<void> {
  const pack = await loadRelay(relayKey(slug, relayId));
  const d = pack ? discipline(pack.discipline) : undefined;
  if (!pack || !d) return;
  const last = computeCards(d, pack, await opsOfRelay(slug, relayId)).find((c) => c.entryId === entryId)?.last;
  if (!last) return;
  await appendOp({ kind: "shot", slug, relayId, entryId, shotNo: last.shotNo, value: null, innerTen: false, replaces: { value: last.value, innerTen: last.innerTen }, reason: "undo" });
  message = { entryId, kind: "undone", text: `${d.shotNoun === "shot" ? "Shot" : "Target"} ${last.shotNo} undone.` };
  formDone = true;
  await afterAppend();
}

async function afterAppend(): Promise<void> {
  await render();
  await refreshStatus();
  requestBackgroundSync();
  if (navigator.onLine) void syncNow(currentRelay()).then(renderIf);
}

function requestBackgroundSync(): void {
  void navigator.serviceWorker?.ready
    .then((r) => (r as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register("tenring-sync"))
    .catch(() => undefined);
}

/** After a sync: redraw only when something it shows changed, so a redraw never races the officer's typing. */
function renderIf(changed: boolean): Promise<void> | undefined {
  return changed ? render() : undefined;
}

let rendering = Promise.resolve();
/** Set when a shot or undo was just logged: the next render starts the form afresh. */
let formDone = false;

/** Redraws the view; what the officer is typing survives a redraw caused by sync (same card, form not sent). */
function render(): Promise<void> {
  // A failed redraw must not stop the next ones: each starts after the last has settled, whatever its outcome.
  rendering = rendering.then(draw).catch((error: unknown) => {
    console.error("scoring app: redraw failed", error);
    const bar = document.getElementById("sync-bar");
    bar?.append(h("span", { class: "sync-problem", role: "alert" }, "This page could not redraw; the log is safe. Reload the page."));
  });
  return rendering;
}

async function draw(): Promise<void> {
  const view = document.getElementById("score-view");
  if (!view) return;
  const r = route();
  const before = document.getElementById("scorecard")?.getAttribute("data-entry");
  const typed = formDone ? null : { value: fieldValue("shot-value"), shotNo: fieldValue("shot-no") };
  const restoreSheet = formDone ? () => undefined : keepSheet();
  formDone = false;
  const focused = document.activeElement?.id;
  replace(view, r.slug && r.relayId ? await (r.squad ? squadPage(r.slug, r.relayId, r.stageId, r.entryId) : relayView(r.slug, r.relayId, r.entryId)) : await homeView());
  restoreSheet();
  if (typed && before && before === document.getElementById("scorecard")?.getAttribute("data-entry")) {
    setField("shot-value", typed.value);
    setField("shot-no", typed.shotNo);
  }
  const again = focused ? document.getElementById(focused) : null;
  (again ?? document.getElementById("shot-value"))?.focus();
}

function fieldValue(id: string): string | null {
  const el = document.getElementById(id);
  return el instanceof HTMLInputElement ? el.value : null;
}

function setField(id: string, value: string | null): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLInputElement && value !== null) el.value = value;
}

/** `#enrol=<slug>:<token>` from the organiser's QR code: keep the token, then drop it from the address bar. */
async function enrolFromHash(): Promise<void> {
  const m = /^#enrol=([^:]+):(.+)$/.exec(location.hash);
  if (!m) return;
  const [slug, token] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)];
  await updateDevice((s) => {
    s.enrolments[slug] = token;
  });
  history.replaceState(null, "", "/score/app#/");
}

async function openOnline(): Promise<void> {
  const r = route();
  if (!r.slug || !r.relayId || !navigator.onLine) return;
  await (r.squad ? fetchSquad(r.slug, r.relayId) : fetchRelay(r.slug, r.relayId)).catch(() => undefined);
}

async function start(): Promise<void> {
  const manifest = h("link", { rel: "manifest", href: "/score/manifest.webmanifest" });
  document.head.append(manifest);
  if ("serviceWorker" in navigator) void navigator.serviceWorker.register("/score/sw.js", { scope: "/score/" }).catch(() => undefined);
  await enrolFromHash();
  onSyncStatus(statusBar);
  onSyncChange(() => void render());
  await render();
  statusBar(await syncStatus());
  await openOnline();
  await render();
  void syncNow(currentRelay()).then(renderIf);
  window.addEventListener("online", () => void syncNow(currentRelay()).then(renderIf));
  window.addEventListener("offline", () => void refreshStatus());
  window.addEventListener("hashchange", () => void openOnline().then(render));
  setInterval(() => {
    void syncStatus().then((s) => {
      statusBar(s);
      if (s.pending > 0 && !s.syncing && s.problem !== "signed-out") void syncNow(currentRelay()).then(renderIf);
    });
  }, TIMER_MS);
}

void start();
