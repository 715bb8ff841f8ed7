import { describe, expect, it } from "vitest";
import sample from "../../samples/20261129_sius_shotlog.csv?raw";
import { importSiusShotLog } from "../../src/domain/feeds/sius-shotlog.ts";
import { enter, OFFICER, scoringTournament } from "../helpers/live-scoring.ts";

const at = (time: string) => Date.parse(`2026-11-29T${time}Z`);

describe("the SIUS shot log importer", () => {
  const entries: Record<string, string> = { "101": "1-ann", "102": "1-ben" };
  const result = importSiusShotLog(sample, { day: "2026-11-29", scoring: "decimal", entryFor: (n) => entries[n] });

  it("reads the sample into the expected operations: sighters, match shots numbered per shooter, a final shot", () => {
    expect(result.ops).toEqual([
      { kind: "sighter", opId: "sius-2026-11-29-1", entryId: "1-ann", shotNo: 1, value: 96, decimal: 9.6, innerTen: false, x: 2.1, y: -2.8, enteredAt: at("09:01:12.400"), deviceId: "sius-fp-4", sighter: true },
      { kind: "match", opId: "sius-2026-11-29-2", entryId: "1-ann", shotNo: 1, value: 104, decimal: 10.4, innerTen: true, x: 0.9, y: 1.2, enteredAt: at("09:05:30.100"), deviceId: "sius-fp-4" },
      { kind: "match", opId: "sius-2026-11-29-3", entryId: "1-ann", shotNo: 2, value: 109, decimal: 10.9, innerTen: true, x: 0.15, y: -0.2, enteredAt: at("09:06:41.750"), deviceId: "sius-fp-4" },
      { kind: "match", opId: "sius-2026-11-29-4", entryId: "1-ben", shotNo: 1, value: 98, decimal: 9.8, innerTen: false, x: -1.8, y: 2.4, enteredAt: at("09:06:55.020"), deviceId: "sius-fp-5" },
      { kind: "match", opId: "sius-2026-11-29-7", entryId: "1-ben", shotNo: 2, value: 101, decimal: 10.1, innerTen: false, x: -1.35, y: -1.8, enteredAt: at("09:07:45.900"), deviceId: "sius-fp-5" },
      { kind: "final", opId: "sius-2026-11-29-9", entryId: "1-ann", shotNo: 1, value: 106, decimal: 10.6, innerTen: true, x: 0.6, y: 0.8, enteredAt: at("11:30:05.550"), deviceId: "sius-fp-4" },
    ]);
    expect(result.skipped).toEqual([
      { line: 5, reason: "log type 10: a cross shot (on another shooter's target)" },
      { line: 6, reason: "marked to be ignored (InsDel 2)" },
      { line: 8, reason: "start number 103 has no entry" },
    ]);
  });

  it("integer events take the primary score; the decimal rides along for the position check", () => {
    const pistol = importSiusShotLog(sample, { day: "2026-11-29", scoring: "integer", entryFor: (n) => entries[n] });
    expect(pistol.ops.filter((o) => o.kind === "match").map((o) => [o.value, o.decimal])).toEqual([[10, 10.4], [10, 10.9], [9, 9.8], [10, 10.1]]);
  });

  it("its operations go through the object like any shot: every position matches its value, the sighter does not count", async () => {
    const w = await scoringTournament();
    const ann = (await enter(w.stub, w.events[0]!, "Ann")).entry;
    const ben = (await enter(w.stub, w.events[0]!, "Ben")).entry;
    const ids: Record<string, string> = { "101": ann.id, "102": ben.id };
    const { ops } = importSiusShotLog(sample, { day: "2026-11-29", scoring: "decimal", entryFor: (n) => ids[n] });
    const shots = ops.filter((o) => o.kind !== "final").map(({ kind: _kind, ...op }) => op);
    const first = await w.stub.applyShots(shots, OFFICER);
    expect(first.results.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", "applied", "applied"]);
    const again = await w.stub.applyShots(shots, OFFICER);
    expect(again.results.map((r) => r.outcome)).toEqual(["duplicate", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect((await w.stub.card(ann.id))!.standing!.total).toBe(213);
  });
});
