import { evictDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SOCKETS_PER_SLICE } from "../../src/object/scoreboard/fanout.ts";
import { enter, OFFICER, scoringTournament, shot } from "../helpers/live-scoring.ts";
import { marker, messagesIn, socketUrl, watch } from "../helpers/socket.ts";

describe("the live scoreboard socket", () => {
  it("sends one fragment per accepted shot, numbered in sequence, with the row and the ranks it moved", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const ada = await enter(stub, event, "Ada Lovelace");
    const bea = await enter(stub, event, "Bea Brown");
    const viewer = await watch(tournament.slug, event.id);

    await stub.applyShots([shot(ada.entry.id, 1, 98)], OFFICER);
    const first = await viewer.next();
    expect(marker(first)).toEqual({ seq: 1, kind: "update" });
    expect(first).toContain(`<hx-partial hx-target="#row-${ada.entry.id}" hx-swap="delete transition:true"></hx-partial>`);
    expect(first).toContain(`<hx-partial hx-target="#standings-rows" hx-swap="afterbegin transition:true"><tr id="row-${ada.entry.id}" class="standing flash"`);
    expect(first).toContain("Ada Lovelace");
    expect(first).toContain("9.8");

    await stub.applyShots([shot(bea.entry.id, 1, 104)], OFFICER);
    const second = await viewer.next();
    expect(marker(second)).toEqual({ seq: 2, kind: "update" });
    expect(second).toContain(`<tr id="row-${bea.entry.id}" class="standing flash"`);
    expect(second).toContain("Bea Brown");
    // Ada is pushed down to second: her rank cell is rewritten, her row is not resent.
    expect(second).toContain(`<hx-partial hx-target="#rank-${ada.entry.id}" hx-swap="innerHTML transition:true">2</hx-partial>`);
    expect(second).not.toContain(`id="row-${ada.entry.id}"`);

    // A rejected operation sends nothing: the next message is the next accepted shot.
    const cy = await enter(stub, event, "Cy Young");
    await stub.applyShots([shot(ada.entry.id, 99, 100)], OFFICER);
    await stub.applyShots([shot(cy.entry.id, 1, 50)], OFFICER);
    const third = await viewer.next();
    expect(marker(third)).toEqual({ seq: 3, kind: "update" });
    expect(third).toContain(`<hx-partial hx-target="#row-${ada.entry.id}" hx-swap="afterend transition:true"><tr id="row-${cy.entry.id}"`);
    expect(third).not.toContain("#rank-");
  });

  it("sends a batch's messages to a socket in one frame, in sequence order", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const shooters = [await enter(stub, event, "Ann One"), await enter(stub, event, "Ben Two"), await enter(stub, event, "Cat Three")];
    const viewer = await watch(tournament.slug, event.id);

    await stub.applyShots(shooters.map((s, i) => shot(s.entry.id, 1, 100 - i)), OFFICER);
    expect(await viewer.seqs(3)).toEqual([1, 2, 3]);
    expect(viewer.frames).toHaveLength(1);
    expect(messagesIn(viewer.frames[0]!).map((m) => marker(m).kind)).toEqual(["update", "update", "update"]);
  });

  it("gets every message to every socket once and in order while shots arrive in the middle of a sweep", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const shooters = [await enter(stub, event), await enter(stub, event), await enter(stub, event)];
    // Enough sockets that a sweep pauses several times, letting the later shots in while it runs.
    const viewers = await Promise.all(Array.from({ length: SOCKETS_PER_SLICE * 6 }, () => watch(tournament.slug, event.id)));

    const batches = [1, 2, 3, 4].map((n) => shooters.map((s) => shot(s.entry.id, n, 90 + n)));
    const answers = await Promise.all(batches.map((ops) => stub.applyShots(ops, OFFICER)));
    expect(answers.flatMap((a) => a.results.map((r) => r.outcome))).toEqual(Array(12).fill("applied"));

    const all = Array.from({ length: 12 }, (_, i) => i + 1);
    for (const viewer of viewers) expect(await viewer.seqs(12)).toEqual(all);
    // Nothing more follows: a late duplicate would arrive with the next message.
    await stub.applyShots([shot(shooters[0]!.entry.id, 5, 100)], OFFICER);
    for (const viewer of viewers) expect(await viewer.seqs(1)).toEqual([13]);
    // Backed-up messages went out together: fewer frames than messages.
    expect(viewers.reduce((n, v) => n + v.frames.length, 0)).toBeLessThan(viewers.length * 13);
  });

  it("sends an event's messages only to that event's sockets", async () => {
    const { stub, events, tournament } = await scoringTournament([{ discipline: "air-rifle-10m" }, { discipline: "air-pistol-10m" }]);
    const rifle = await enter(stub, events[0]!);
    const pistol = await enter(stub, events[1]!);
    const pistolViewer = await watch(tournament.slug, events[1]!.id);

    await stub.applyShots([shot(rifle.entry.id, 1, 100)], OFFICER);
    await stub.applyShots([shot(pistol.entry.id, 1, 9)], OFFICER);
    const message = await pistolViewer.next();
    expect(marker(message)).toEqual({ seq: 1, kind: "update" });
    expect(message).toContain(`row-${pistol.entry.id}`);
  });

  it("keeps hibernated sockets connected and receiving after the object is evicted", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const { entry } = await enter(stub, event);
    const viewer = await watch(tournament.slug, event.id);
    await stub.applyShots([shot(entry.id, 1, 100)], OFFICER);
    expect(marker(await viewer.next()).seq).toBe(1);

    await evictDurableObject(stub);
    await stub.applyShots([shot(entry.id, 2, 101)], OFFICER);
    const after = await viewer.next();
    expect(marker(after)).toEqual({ seq: 2, kind: "update" });
    expect(after).toContain("20.1");

    // The socket's attachment survived too: a hello at the current number asks for nothing.
    viewer.send(JSON.stringify({ type: "hello", seq: 2 }));
    await stub.applyShots([shot(entry.id, 3, 102)], OFFICER);
    expect(marker(await viewer.next())).toEqual({ seq: 3, kind: "update" });
  });

  it("answers a hello with a stale sequence number with a snapshot of the whole standings", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const ada = await enter(stub, event, "Ada Stale");
    const bea = await enter(stub, event, "Bea Stale");
    await stub.applyShots([shot(ada.entry.id, 1, 100)], OFFICER);
    await stub.applyShots([shot(bea.entry.id, 1, 95)], OFFICER);

    const viewer = await watch(tournament.slug, event.id);
    viewer.send(JSON.stringify({ type: "hello", seq: 1 }));
    const snapshot = await viewer.next();
    expect(marker(snapshot)).toEqual({ seq: 2, kind: "snapshot" });
    expect(snapshot).toContain('<hx-partial hx-target="#standings-rows" hx-swap="innerHTML">');
    expect(snapshot.indexOf("Ada Stale")).toBeLessThan(snapshot.indexOf("Bea Stale"));
    expect(snapshot).not.toContain("flash");

    // Caught up: the next update follows on from the snapshot.
    await stub.applyShots([shot(bea.entry.id, 2, 101)], OFFICER);
    expect(marker(await viewer.next())).toEqual({ seq: 3, kind: "update" });
  });

  it("answers application pings with pong", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const viewer = await watch(tournament.slug, events[0]!.id);
    await evictDurableObject(stub);
    viewer.send("ping");
    expect(await viewer.next()).toBe("pong");
  });

  it("closes a socket politely on a malformed message, and the object keeps working", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const { entry } = await enter(stub, event);
    const bystander = await watch(tournament.slug, event.id);

    const garbled = await watch(tournament.slug, event.id);
    garbled.send("{not json");
    expect(await garbled.closed).toEqual({ code: 1003, reason: 'Expected {"type":"hello","seq":N}' });

    const wrongShape = await watch(tournament.slug, event.id);
    wrongShape.send(JSON.stringify({ type: "hello", seq: "seven" }));
    expect((await wrongShape.closed).code).toBe(1003);

    const binary = await watch(tournament.slug, event.id);
    binary.send(new Uint8Array([1, 2, 3]).buffer);
    expect(await binary.closed).toEqual({ code: 1003, reason: "Only text messages are accepted" });

    expect(await stub.results(event.id)).toMatchObject({ eventId: event.id, seq: 0 });
    await stub.applyShots([shot(entry.id, 1, 100)], OFFICER);
    expect(marker(await bystander.next()).seq).toBe(1);
  });

  it("closes a socket politely on a message over 1 KiB, and the object keeps working", async () => {
    const { stub, events, tournament } = await scoringTournament();
    const event = events[0]!;
    const oversized = await watch(tournament.slug, event.id);
    oversized.send(JSON.stringify({ type: "hello", seq: 1, pad: "x".repeat(1100) }));
    expect(await oversized.closed).toEqual({ code: 1009, reason: "Messages are 1024 bytes at most" });

    // Multi-byte text counts in bytes: 400 characters of "é" are 800 bytes plus the envelope, 500 are over.
    const wide = await watch(tournament.slug, event.id);
    wide.send(JSON.stringify({ type: "hello", seq: 1, pad: "é".repeat(500) }));
    expect((await wide.closed).code).toBe(1009);

    expect((await stub.applyShots([shot("nobody", 1, 100)], OFFICER)).results[0]?.reason).toBe("unknown_entry");
    const again = await watch(tournament.slug, event.id);
    again.send(JSON.stringify({ type: "hello", seq: 0 }));
    const { entry } = await enter(stub, event);
    await stub.applyShots([shot(entry.id, 1, 100)], OFFICER);
    expect(marker(await again.next())).toEqual({ seq: 1, kind: "update" });
  });

  it("refuses a plain request and an unknown event", async () => {
    const { events, tournament } = await scoringTournament();
    const plain = await exports.default.fetch(socketUrl(tournament.slug, events[0]!.id));
    expect(plain.status).toBe(426);
    const unknown = await exports.default.fetch(socketUrl(tournament.slug, 999_999), { headers: { Upgrade: "websocket" } });
    expect(unknown.status).toBe(404);
    const noTournament = await exports.default.fetch(socketUrl("no-such-tournament", events[0]!.id), { headers: { Upgrade: "websocket" } });
    expect(noTournament.status).toBe(404);
  });
});
