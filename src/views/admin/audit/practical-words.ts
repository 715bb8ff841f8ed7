import { type AuditNames, competitorLink, eventLink, idOf, listOf, num, type Phrase, quoted, str } from "./phrase.ts";

type Detail = Record<string, unknown>;
type Wording = (n: AuditNames, d: Detail, subject: string, actor: string) => Phrase;

/** `entry:<entryId>/<opId>`: the subject of a practical operation's audit row. */
const entryOf = (subject: string) => /^entry:([^/]+)\//.exec(subject)?.[1] ?? null;

/** Practical shooting's audit sentences (match setup, corrected stage scores, DQs). */
export const PRACTICAL_WORDINGS: Record<string, Wording> = {
  "stage.add": (n, d, s, a) => [
    a, " added stage ", String(num(d.number) ?? "?"), " ", quoted(String(d.name ?? "")), " to ", eventLink(n, idOf(s, "event"), str(d.event)),
    `: ${num(d.paperTargets) ?? 0} paper, ${num(d.steelTargets) ?? 0} steel`,
  ],
  "stage.delete": (n, d, s, a) => [a, " deleted a stage of ", eventLink(n, idOf(s, "event"), str(d.event))],
  "divisions.save": (n, d, s, a) => {
    const divisions = Array.isArray(d.divisions) ? d.divisions.map(String) : [];
    return [a, " set the divisions of ", eventLink(n, idOf(s, "event"), str(d.event)), `: ${divisions.length > 0 ? listOf(divisions) : "none"}`];
  },
  "stage.corrected": (n, d, s, a) => [
    a, " corrected the stage score of ", competitorLink(n, entryOf(s)), `: ${String(d.from ?? "")} → ${String(d.to ?? "")} (${String(d.reason ?? "")})`,
  ],
  "stage.conflict_resolved": (n, d, s, a) => {
    const kept = d.kept === "standing" ? String(d.standing ?? "") : d.kept === "incoming" ? String(d.incoming ?? "") : "a corrected score";
    return [a, " settled a stage conflict of ", competitorLink(n, entryOf(s)), `: kept ${kept} (${String(d.reason ?? "")})`];
  },
  "entry.disqualified": (n, d, s, a) => [a, " disqualified ", competitorLink(n, entryOf(s)), `: ${String(d.reason ?? "")}`],
  "entry.reinstated": (n, d, s, a) => [a, " withdrew the disqualification of ", competitorLink(n, entryOf(s)), `: ${String(d.reason ?? "")}`],
};

export const PRACTICAL_ACTION_LABELS: Record<string, string> = {
  "stage.add": "Stage added",
  "stage.delete": "Stage deleted",
  "divisions.save": "Divisions set",
  "stage.corrected": "Stage score corrected",
  "stage.conflict_resolved": "Stage conflict settled",
  "entry.disqualified": "Disqualified",
  "entry.reinstated": "DQ withdrawn",
};
