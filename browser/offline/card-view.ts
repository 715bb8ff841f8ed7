import { type Discipline, formatAverage, formatShot, formatTotal, seriesCount } from "../scoring-rules.ts";
import type { ComputedCard } from "./cards.ts";
import { h } from "./dom.ts";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function deviceName(id: string | null, mine: string): string {
  if (id === null) return "a page without a device id";
  return id === mine ? "this device" : `device ${id.slice(0, 8)}`;
}

/** Conflicts on the card: which shot, the value that stands, the other value and the device that sent it. */
function conflictList(d: Discipline, card: ComputedCard, deviceId: string): HTMLElement | null {
  if (card.conflicts.length === 0) return null;
  const noun = capital(d.shotNoun);
  return h(
    "div",
    { class: "notice error", role: "alert", "data-testid": "card-conflicts" },
    h("strong", {}, "Conflict: the organiser decides."),
    h(
      "ul",
      {},
      card.conflicts.map((c) =>
        h(
          "li",
          { "data-testid": "card-conflict", "data-shot": c.shotNo },
          `${noun} ${c.shotNo}: ${formatShot(d, c.standing.value, c.standing.innerTen)} stands${c.standingOurs ? " (entered here)" : ""}; `,
          `${formatShot(d, c.other.value, c.other.innerTen)} from ${deviceName(c.other.deviceId, deviceId)} is kept as a conflict.`,
        ),
      ),
    ),
  );
}

export interface CardHandlers {
  onShot(shotNo: number, value: string): void;
  onUndo(): void;
}

/** One competitor's card, computed on this device; the same classes and test ids as the online card. */
export function cardView(d: Discipline, card: ComputedCard, opts: { deviceId: string; nextShotNo: number | null; message: { kind: string; text: string } | null; pendingShots: Set<number> }, on: CardHandlers): HTMLElement {
  const t = card.totals;
  const current = t.series.find((s) => s.shotsFired < s.shotsInSeries)?.series ?? seriesCount(d);
  // The slots shown: the series being shot, or the one just finished until the next is started.
  const shown = t.series[current - 1]?.shotsFired === 0 && current > 1 ? current - 1 : current;
  const slots = Array.from({ length: d.shots }, (_, i) => i + 1).filter((n) => d.seriesLength * (shown - 1) < n && n <= d.seriesLength * shown);
  const form = h("form", { class: "shot-form", "data-testid": "offline-shot-form", novalidate: true });
  if (opts.nextShotNo !== null && card.status === "confirmed") {
    const no = h("input", { id: "shot-no", name: "shotNo", type: "number", inputmode: "numeric", min: 1, max: d.shots, value: opts.nextShotNo }) as HTMLInputElement;
    const value = h("input", { id: "shot-value", name: "value", type: "text", autocomplete: "off", autocapitalize: "off", spellcheck: "false", enterkeyhint: "send", maxlength: 20, inputmode: d.scoring === "decimal" ? "decimal" : "text", autofocus: true }) as HTMLInputElement;
    form.append(
      h(
        "fieldset",
        {},
        h("legend", { class: "visually-hidden" }, `Enter a ${d.shotNoun}`),
        h(
          "div",
          { class: "shot-fields" },
          h("div", { class: "field shot-no-field" }, h("label", { for: "shot-no" }, capital(d.shotNoun)), no),
          h("div", { class: "field shot-value-field" }, h("label", { for: "shot-value" }, "Score"), value),
          h("button", { class: "enter-shot", type: "submit" }, "Enter"),
        ),
      ),
    );
    form.addEventListener("submit", (evt) => {
      evt.preventDefault();
      on.onShot(Number(no.value), value.value);
    });
  } else {
    form.append(h("p", { class: "notice success", "data-testid": "card-complete" }, `All ${d.shots} ${d.shotNoun}s are entered.`));
  }
  const undo = card.last
    ? h("button", { class: "secondary undo", type: "button", "data-testid": "offline-undo" }, `Undo ${d.shotNoun} ${card.last.shotNo} (${formatShot(d, card.last.value, card.last.innerTen)})`)
    : null;
  undo?.addEventListener("click", () => on.onUndo());
  return h(
    "section",
    { id: "scorecard", class: "scorecard", "aria-labelledby": "scorecard-name", "data-entry": card.entryId },
    h("header", { class: "scorecard-head" }, h("h2", { id: "scorecard-name" }, h("span", { class: "fp" }, `FP ${card.firingPoint ?? "–"}`), " ", h("span", { class: "name" }, card.name)), card.club ? h("p", { class: "club" }, card.club) : null),
    h(
      "dl",
      { class: "scorecard-totals" },
      h("div", {}, h("dt", {}, "Total"), h("dd", { "data-testid": "card-total" }, t.shotsFired === 0 ? "–" : formatTotal(d, t.total))),
      d.scoring !== "hitmiss" ? h("div", {}, h("dt", {}, "Inner tens"), h("dd", { "data-testid": "card-inner-tens" }, t.innerTens)) : null,
      h("div", {}, h("dt", {}, capital(`${d.shotNoun}s`)), h("dd", { "data-testid": "card-shots" }, `${t.shotsFired} / ${d.shots}`)),
      h("div", {}, h("dt", {}, "Rank on relay"), h("dd", { "data-testid": "card-rank" }, card.rankLabel || "–")),
      h("div", {}, h("dt", {}, "Average"), h("dd", {}, formatAverage(d, t))),
    ),
    h(
      "table",
      { class: "series-strip" },
      h("thead", {}, h("tr", {}, t.series.map((s) => h("th", { scope: "col", class: "num", "aria-current": s.series === current ? "true" : null }, `${d.seriesNoun === "round" ? "R" : "S"}${s.series}`)))),
      h("tbody", {}, h("tr", {}, t.series.map((s) => h("td", { class: "num", "data-testid": `series-${s.series}` }, s.shotsFired === 0 ? "–" : formatTotal(d, s.total))))),
    ),
    h(
      "ol",
      { class: "slots", "aria-label": `${capital(d.seriesNoun)} ${shown}` },
      slots.map((n) => {
        const v = t.slots[n - 1];
        const pending = opts.pendingShots.has(n);
        return h("li", { class: "slot", value: n, "data-testid": `slot-${n}`, "data-pending": pending ? "true" : null, title: pending ? "Waiting to sync" : null }, h("span", { class: "no" }, n), " ", v ? formatShot(d, v.value, v.innerTen) : "·", pending ? " ⋯" : "");
      }),
    ),
    conflictList(d, card, opts.deviceId),
    h("p", { id: "scorecard-status", class: `card-notice ${opts.message?.kind ?? ""}`, role: opts.message?.kind === "error" ? "alert" : "status" }, opts.message?.text ?? ""),
    form,
    undo ? h("div", { class: "undo-form" }, undo) : null,
  );
}
