import { describe, expect, it, onTestFinished, vi } from "vitest";
import { SNAPSHOT_INTERVAL_MS, SOCKETS_PER_CLIENT } from "../../src/object/scoreboard/limits.ts";
import { enter, OFFICER, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { marker, watch, type Viewer } from "../helpers/socket.ts";

const snapshots = (v: Viewer) => v.frames.filter((f) => f.includes('data-kind="snapshot"')).length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Issue 10, finding 4: one client cannot flood the scoreboard. */
describe("the scoreboard socket under a flood", () => {
  it("answers 1,000 stale hellos with one snapshot, closes the socket with a reason, logs it once, and keeps serving others", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const { entry } = await enter(stub, event, "Flo Flood");
    await stub.applyShots([shot(entry.id, 1, 100)], OFFICER);
    const bystander = await watch(tournament.slug, event.id);
    const flooder = await watch(tournament.slug, event.id);

    for (let i = 0; i < 1000; i++) {
      try {
        flooder.send(JSON.stringify({ type: "hello", seq: 999_999 }));
      } catch {
        break; // closed by the server meanwhile
      }
    }
    expect(await flooder.closed).toEqual({ code: 1008, reason: expect.stringContaining("Too many messages") });
    expect(snapshots(flooder)).toBeLessThanOrEqual(1);
    const floods = warn.mock.calls.map((call) => JSON.parse(String(call[0])) as { message: string; eventId: number });
    expect(floods.filter((l) => l.message === "live: closed a scoreboard socket that sent too many messages")).toEqual([
      expect.objectContaining({ eventId: event.id }),
    ]);

    await stub.applyShots([shot(entry.id, 2, 101)], OFFICER);
    expect(marker(await bystander.next())).toEqual({ seq: 2, kind: "update" });
  });

  it("sends at most one snapshot per socket per interval: further hellos are answered by the next one", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const { entry } = await enter(stub, event, "Sam Snap");
    await stub.applyShots([shot(entry.id, 1, 100)], OFFICER);
    const viewer = await watch(tournament.slug, event.id);
    for (let i = 0; i < 5; i++) viewer.send(JSON.stringify({ type: "hello", seq: 0 }));
    expect(marker(await viewer.next())).toEqual({ seq: 1, kind: "snapshot" });
    await pause(SNAPSHOT_INTERVAL_MS / 2);
    expect(snapshots(viewer)).toBe(1);
    // The hellos sent meanwhile are answered once, when the interval is over.
    await pause(SNAPSHOT_INTERVAL_MS / 2 + 500);
    expect(snapshots(viewer)).toBe(2);
    await pause(SNAPSHOT_INTERVAL_MS);
    expect(snapshots(viewer)).toBe(2);
  }, 15_000);

  it("caps the sockets per client address and event, closing the next one with a reason", async () => {
    const { events, tournament } = await scoringTournament([{ discipline: "air-rifle-10m" }, { discipline: "air-pistol-10m" }]);
    const [rifle, pistol] = [events[0]!, events[1]!];
    const address = "192.0.2.77";
    const kept = [];
    for (let i = 0; i < SOCKETS_PER_CLIENT; i++) kept.push(await watch(tournament.slug, rifle.id, address));
    const extra = await watch(tournament.slug, rifle.id, address);
    expect(await extra.closed).toEqual({ code: 1008, reason: expect.stringContaining("Too many scoreboard connections") });

    // Another address, and the same address on another event, are still welcome.
    const other = await watch(tournament.slug, rifle.id, "192.0.2.78");
    const otherEvent = await watch(tournament.slug, pistol.id, address);
    other.send(JSON.stringify({ type: "hello", seq: 5 }));
    otherEvent.send(JSON.stringify({ type: "hello", seq: 5 }));
    expect(marker(await other.next()).kind).toBe("snapshot");
    expect(marker(await otherEvent.next()).kind).toBe("snapshot");
    expect(kept).toHaveLength(SOCKETS_PER_CLIENT);
  });
});
