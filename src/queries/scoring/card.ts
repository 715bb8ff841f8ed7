import { cardTotals, type CardTotals, type Discipline } from "../../domain/scoring/index.ts";
import type { EntryCard } from "../../object/contract/index.ts";
import type { CardNotice, ScorecardModel, ShotFormState } from "../../views/scoring/scorecard.tsx";

/** The shot the form offers next: after the highest one fired, else the first gap; null once complete. */
export function nextShotNo(d: Discipline, totals: CardTotals): number | null {
  if (totals.lastShotNo === null) return 1;
  if (totals.lastShotNo < d.shots) return totals.lastShotNo + 1;
  const gap = totals.slots.findIndex((slot) => slot === null);
  return gap === -1 ? null : gap + 1;
}

export interface CardInput {
  slug: string;
  card: EntryCard;
  d: Discipline;
  competitor: { name: string; club: string; firingPoint: number | null };
  /** After a refused shot: what was sent, and why it was refused, kept in the form. */
  refused?: { shotNo: number | null; value: string; errors: ShotFormState["errors"]; skip?: ShotFormState["skip"] };
  notice?: CardNotice | null;
}

/** A card as the page shows it; every render gets new operation ids, so each form submits one new operation. */
export function scorecardModel(input: CardInput): ScorecardModel {
  const { card, d, refused } = input;
  const totals = cardTotals(d, card.shots);
  const next = nextShotNo(d, totals);
  const shotNo = refused?.shotNo ?? next;
  const form: ShotFormState | null =
    shotNo === null && !refused
      ? null
      : {
          opId: crypto.randomUUID(),
          shotNo: shotNo ?? d.shots,
          value: refused?.value ?? "",
          errors: refused?.errors ?? {},
          ...(refused?.skip ? { skip: refused.skip } : {}),
        };
  const last = totals.lastShotNo === null ? null : totals.slots[totals.lastShotNo - 1];
  return {
    slug: input.slug,
    entryId: card.entryId,
    name: input.competitor.name,
    club: input.competitor.club,
    firingPoint: input.competitor.firingPoint,
    d,
    totals,
    rankLabel: card.standing?.rankLabel ?? "",
    status: card.status,
    official: card.official,
    // Official results change only through an organiser's correction: no shot form, no undo here.
    form: card.official ? null : form,
    undo:
      !card.official && totals.lastShotNo !== null && last
        ? { opId: crypto.randomUUID(), shotNo: totals.lastShotNo, value: last.value, innerTen: last.innerTen }
        : null,
    notice: input.notice ?? null,
  };
}
