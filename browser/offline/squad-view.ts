/**
 * The offline app's practical mode: one squad's stage score sheet (stage → competitor, tap counters A/C/D/M/NS/P,
 * time, the competitor's confirmation, the squad's review). Running points and hit factor come from the bundled
 * rules of src/domain/practical; each save is appended to the operation log first and sent by the same sync.
 */
import {
  describeTargets,
  formatFourDecimals,
  formatTime,
  hitFactor,
  HIT_COUNTERS,
  rawPoints,
  requiredHits,
  secondsToHundredths,
  stageMaxPoints,
  type StageHits,
  validateStageHits,
} from "../practical-rules.ts";
import { h, timeAgo } from "./dom.ts";
import { appendOp, type LoggedOp, type SquadPack, type StageOpHits } from "./log.ts";

type Stage = SquadPack["stages"][number];
type Entry = SquadPack["entries"][number];

export const squadHref = (slug: string, squadId: number, stageId?: number, entryId?: string) =>
  `#/t/${encodeURIComponent(slug)}/squads/${squadId}${stageId ? `/s/${stageId}` : ""}${stageId && entryId ? `/e/${entryId}` : ""}`;

const COUNTERS = HIT_COUNTERS;
type Counter = (typeof COUNTERS)[number][0];

/** One competitor's score on the stage as this device sees it: the server's, else this device's latest save. */
interface StageLine {
  entry: Entry;
  hits: StageHits | null;
  confirmed: boolean;
  /** This device's latest save when the server has not taken it (yet): waiting, or its conflict/refusal. */
  mine: { status: LoggedOp["status"]; message?: string } | null;
}

const opHits = (s: StageOpHits): StageHits => ({ a: s.a, c: s.c, d: s.d, miss: s.miss, noShoot: s.noShoot, procedural: s.procedural, timeHundredths: secondsToHundredths(s.time) ?? Math.round(s.time * 100) });

function stageLines(pack: SquadPack, stage: Stage, ops: LoggedOp[]): StageLine[] {
  return pack.entries.map((entry) => {
    const server = pack.scores.find((s) => s.entryId === entry.entryId && s.stageId === stage.id);
    const latest = ops.filter((o) => o.kind === "stage" && o.entryId === entry.entryId && o.stage?.stage === stage.id).at(-1);
    const unsettled = latest && (latest.status === "pending" || latest.status === "conflict" || latest.status === "rejected") ? latest : null;
    // Not on the server's cards (yet): this device's save, unless the server refused it or kept another.
    if (!server && latest?.stage && latest.status !== "conflict" && latest.status !== "rejected") {
      return { entry, hits: opHits(latest.stage), confirmed: latest.stage.confirmed, mine: latest.status === "pending" ? { status: "pending" } : null };
    }
    return { entry, hits: server?.hits ?? null, confirmed: server?.confirmed ?? false, mine: unsettled ? { status: unsettled.status, message: unsettled.message } : null };
  });
}

function summary(line: StageLine): string {
  if (line.entry.dq) return "DQ";
  if (!line.hits) return "not scored";
  const hf = formatFourDecimals(hitFactor(line.hits, line.entry.powerFactor));
  const state = line.mine?.status === "pending" ? " · waiting" : line.mine ? ` · ${line.mine.status}` : "";
  return `HF ${hf}${line.confirmed ? " · confirmed" : ""}${state}`;
}

let notice: { key: string; tone: "success" | "error"; text: string } | null = null;

/** Reads the sheet's counters and time; null time when it is not a time yet. */
function readSheet(form: HTMLFormElement): { counts: Record<Counter, number>; time: number | null } {
  const counts = Object.fromEntries(COUNTERS.map(([name]) => [name, Math.max(0, Math.floor(Number((form.elements.namedItem(name) as HTMLInputElement).value) || 0))])) as Record<Counter, number>;
  const typed = (form.elements.namedItem("time") as HTMLInputElement).value.trim();
  const time = /^[0-9]{1,4}([.,][0-9]{1,2})?$/.test(typed) ? Number(typed.replace(",", ".")) : null;
  return { counts, time };
}

function updateRunning(form: HTMLFormElement, stage: Stage, entry: Entry): void {
  const { counts, time } = readSheet(form);
  const hits: StageHits = { ...counts, timeHundredths: time === null ? 0 : (secondsToHundredths(time) ?? 0) };
  const fired = counts.a + counts.c + counts.d + counts.miss;
  const running = form.querySelector(".running")!;
  running.textContent = `Hits: ${fired} of ${requiredHits(stage)} · Points: ${rawPoints(hits, entry.powerFactor)} · HF ${hits.timeHundredths > 0 ? formatFourDecimals(hitFactor(hits, entry.powerFactor)) : "–"}`;
  running.classList.toggle("off", fired !== requiredHits(stage));
}

function sheet(pack: SquadPack, stage: Stage, line: StageLine, onSaved: (saved: boolean) => Promise<void>): HTMLElement {
  const { entry } = line;
  const key = `${stage.id}/${entry.entryId}`;
  const form = h("form", { class: "stage-sheet", id: "stage-form", "data-key": key, "data-testid": "stage-sheet", novalidate: true }) as HTMLFormElement;
  const counters = COUNTERS.map(([name, label]) => {
    const input = h("input", { id: `count-${name}`, name, type: "number", inputmode: "numeric", min: 0, max: 999, value: "0" }) as HTMLInputElement;
    const step = (by: number) => {
      const b = h("button", { type: "button", class: "secondary", "aria-label": `One ${label} ${by > 0 ? "more" : "less"}` }, by > 0 ? "+" : "−");
      b.addEventListener("click", () => {
        input.value = String(Math.max(0, (Number(input.value) || 0) + by));
        updateRunning(form, stage, entry);
      });
      return b;
    };
    return h("div", { class: `counter counter-${name}` }, h("label", { for: input.id }, label), step(-1), input, step(1));
  });
  const save = async (confirmed: boolean) => {
    const { counts, time } = readSheet(form);
    const problem =
      time === null
        ? "Type the time in seconds with up to two decimals, e.g. 18.70"
        : validateStageHits({ ...counts, timeHundredths: secondsToHundredths(time) ?? 0 }, requiredHits(stage))?.message;
    if (problem || time === null) {
      notice = { key, tone: "error", text: problem ?? "Check the sheet" };
      return onSaved(false);
    }
    await appendOp({ kind: "stage", slug: pack.slug, relayId: pack.squad.id, entryId: entry.entryId, shotNo: stage.id, value: null, innerTen: false, stage: { stage: stage.id, ...counts, time, confirmed } });
    notice = { key: `${stage.id}`, tone: "success", text: `Saved on this device for ${entry.name}${confirmed ? ", confirmed by the competitor" : ""}.` };
    // On to the next competitor without a score (the address names no competitor then).
    const next = squadHref(pack.slug, pack.squad.id, stage.id);
    if (location.hash !== next) history.replaceState(null, "", next);
    await onSaved(true);
  };
  const confirm = h("button", { type: "submit", "data-testid": "confirm" }, "Competitor confirms: save");
  const unconfirmed = h("button", { type: "button", class: "secondary" }, "Save without confirmation");
  unconfirmed.addEventListener("click", () => void save(false));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void save(true);
  });
  form.addEventListener("input", () => updateRunning(form, stage, entry));
  form.append(
    h("h2", { class: "sheet-who" }, entry.name, " ", h("span", { class: "meta" }, `${entry.division} · ${entry.powerFactor}`)),
    line.hits ? h("p", { class: "notice info" }, `Scored: HF ${formatFourDecimals(hitFactor(line.hits, entry.powerFactor))}. Saving a different score keeps the first and flags a conflict for the organiser.`) : "",
    notice?.key === key ? h("p", { class: `notice ${notice.tone}`, role: "alert", "data-testid": "sheet-error" }, notice.text) : "",
    h("div", { class: "counters" }, counters),
    h("label", { class: "sheet-time" }, "Time (s) ", h("input", { name: "time", type: "text", inputmode: "decimal", placeholder: "0.00", autocomplete: "off" })),
    h("p", { class: "running", "aria-live": "polite", "data-testid": "running" }),
    h("div", { class: "form-actions confirm-actions" }, confirm, unconfirmed),
  );
  updateRunning(form, stage, entry);
  return form;
}

function review(stage: Stage, lines: StageLine[], href: (entryId: string) => string): HTMLElement {
  const cell = (text: string) => h("td", { class: "num" }, text);
  return h(
    "table",
    { class: "sheet-review", "data-testid": "sheet-review" },
    h("caption", {}, `Squad review: stage ${stage.number}`),
    h("thead", {}, h("tr", {}, ["Competitor", "Hits", "Points", "Time", "HF", "Confirmed", "Sync"].map((t) => h("th", { scope: "col" }, t)))),
    h(
      "tbody",
      {},
      lines.map(({ entry, hits, confirmed, mine }) =>
        h(
          "tr",
          { "data-testid": `review-${entry.entryId}` },
          h("th", { scope: "row" }, h("a", { href: href(entry.entryId) }, entry.name)),
          cell(hits ? `${hits.a}/${hits.c}/${hits.d}/${hits.miss}` : ""),
          cell(hits ? String(Math.max(0, rawPoints(hits, entry.powerFactor))) : ""),
          cell(hits ? formatTime(hits.timeHundredths) : ""),
          cell(entry.dq ? "DQ" : hits ? formatFourDecimals(hitFactor(hits, entry.powerFactor)) : "–"),
          h("td", {}, confirmed ? "Yes" : hits ? "No" : ""),
          h("td", { class: mine && mine.status !== "pending" ? "sync-problem" : "" }, mine ? (mine.status === "pending" ? "waiting" : `${mine.status}: ${mine.message ?? ""}`) : hits ? "sent" : ""),
        ),
      ),
    ),
  );
}

/** The squad's sheet for the picked stage and competitor (the next one without a score when none is picked). */
export function squadView(pack: SquadPack, ops: LoggedOp[], stageId: number | undefined, entryId: string | undefined, onSaved: (saved: boolean) => Promise<void>): HTMLElement {
  const stage = pack.stages.find((s) => s.id === stageId) ?? null;
  const lines = stage ? stageLines(pack, stage, ops) : [];
  const picked = lines.find((l) => l.entry.entryId === entryId) ?? lines.find((l) => !l.hits && !l.entry.dq) ?? null;
  const stageNotice = stage && notice?.key === String(stage.id) ? notice : null;
  return h(
    "div",
    {},
    h("p", { class: "breadcrumbs" }, h("a", { href: "#/" }, "On this device"), ` › ${pack.tournamentTitle}`),
    h(
      "header",
      { class: "page-head" },
      h("h1", {}, `${pack.event.title} · ${pack.squad.name}`),
      h("p", { class: "lead" }, stage ? `Stage ${stage.number}: ${stage.name} · ${describeTargets(stage)} · max ${stageMaxPoints(stage)}` : "Pick the stage, then the competitor at the line."),
      h("p", { class: "meta" }, `Cards fetched ${timeAgo(pack.fetchedAt)}`),
    ),
    pack.official ? h("p", { class: "notice warning" }, "The results are official: only an organiser's correction can change them.") : "",
    stageNotice ? h("p", { class: `notice ${stageNotice.tone}`, role: "status", "data-testid": "sheet-notice" }, stageNotice.text) : "",
    pack.stages.length === 0
      ? h("p", { class: "empty" }, "This match has no stages yet.")
      : h("ul", { class: "chip-list", "aria-label": "Stages" }, pack.stages.map((s) => h("li", {}, h("a", { class: s.id === stage?.id ? "chip current" : "chip", href: squadHref(pack.slug, pack.squad.id, s.id) }, `Stage ${s.number}`)))),
    stage && lines.length === 0 ? h("p", { class: "empty" }, "No confirmed competitor in this squad.") : "",
    stage
      ? h("ul", { class: "sheet-competitors", "aria-label": "Competitors" }, lines.map((l) => h("li", {}, h("a", { class: l === picked ? "chip current" : "chip", href: squadHref(pack.slug, pack.squad.id, stage.id, l.entry.entryId) }, h("span", { class: "name" }, l.entry.name), " ", h("span", { class: "meta" }, summary(l))))))
      : "",
    stage && picked && !picked.entry.dq ? sheet(pack, stage, picked, onSaved) : "",
    stage && lines.length > 0 ? review(stage, lines, (e) => squadHref(pack.slug, pack.squad.id, stage.id, e)) : "",
  );
}

/** Keeps what is typed on the sheet across a redraw (a sync): call before, then the returned function after. */
export function keepSheet(): () => void {
  const before = document.getElementById("stage-form");
  if (!(before instanceof HTMLFormElement)) return () => undefined;
  const key = before.dataset.key;
  const values = [...before.querySelectorAll("input")].map((i) => [i.name, i.value] as const);
  return () => {
    const after = document.getElementById("stage-form");
    if (!(after instanceof HTMLFormElement) || after.dataset.key !== key) return;
    for (const [name, value] of values) {
      const input = after.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = value;
    }
    after.dispatchEvent(new Event("input"));
  };
}
