import { describe, expect, it } from "vitest";
import { enterPractical, OFFICER, practicalTournament, stageOp } from "../helpers/practical.ts";
import { marker, watch } from "../helpers/socket.ts";

describe("practical results on the event's scoreboard socket", () => {
  it("each accepted score re-renders the match tables and the stage's table, the changed rows flashing; a snapshot after a gap", async () => {
    const { tournament, stub, event, stages } = await practicalTournament({ stages: [{ name: "Plates", paper: 4, steel: 0 }, { paper: 2, steel: 0 }] });
    const stage = stages[0]!.id;
    const ann = await enterPractical(stub, event, "Open", "major", "Ann Archer");
    const ben = await enterPractical(stub, event, "Production", "minor", "Ben Baker");
    const viewer = await watch(tournament.slug, event.id);

    await stub.applyStageScores([stageOp(ann.entry.id, stage, [8, 0, 0, 0, 0, 0], 5)], OFFICER);
    const first = await viewer.next();
    expect(marker(first)).toEqual({ seq: 1, kind: "update" });
    for (const body of ["pm-overall", "pm-open", "pm-standard", "pm-production", `ps-${stage}`]) {
      expect(first).toContain(`<hx-partial hx-target="#${body}" hx-swap="innerHTML">`);
    }
    expect(first).not.toContain(`#ps-${stages[1]!.id}`);
    expect(first).toContain(`<tr id="pm-overall-${ann.entry.id}" class="standing flash" data-entry="${ann.entry.id}">`);
    expect(first).toContain("Ann Archer");

    // Ben is faster: he leads overall and Ann's points fall (stage points are relative to the best).
    await stub.applyStageScores([stageOp(ben.entry.id, stage, [8, 0, 0, 0, 0, 0], 3)], OFFICER);
    const second = await viewer.next();
    expect(marker(second).seq).toBe(2);
    const overall = second.slice(second.indexOf('hx-target="#pm-overall"'), second.indexOf('hx-target="#pm-open"'));
    expect(overall.indexOf(ben.entry.id)).toBeLessThan(overall.indexOf(ann.entry.id));
    expect(overall).toContain(`<tr id="pm-overall-${ben.entry.id}" class="standing flash"`);
    expect(overall).toContain(`<tr id="pm-overall-${ann.entry.id}" class="standing"`);

    // A rejected score sends nothing; a page behind asks with its number and gets the whole board.
    await stub.applyStageScores([stageOp(ann.entry.id, stages[1]!.id, [1, 0, 0, 0, 0, 0], 3)], OFFICER);
    viewer.send(JSON.stringify({ type: "hello", seq: 1 }));
    const snapshot = await viewer.next();
    expect(marker(snapshot)).toEqual({ seq: 2, kind: "snapshot" });
    expect(snapshot).toContain(`#ps-${stages[1]!.id}`);
  });
});
