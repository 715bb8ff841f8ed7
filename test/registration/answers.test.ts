import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ANSWERS_KEPT_MS } from "../../src/domain/registration/register.ts";
import { createUsers } from "../helpers/accounts.ts";
import { freshKey } from "../helpers/entries.ts";
import { createTournament } from "../helpers/tournaments.ts";

describe("remembered registration answers", () => {
  it("are replayed while kept and let go by the alarm once they are older than a week", async () => {
    const { stub, events, relays } = await createTournament({ events: [{ relays: [{ firingPoints: 4 }] }] });
    const [oldUser, newUser] = await createUsers(2);
    const request = (userId: number, idempotencyKey: string) => ({ userId, eventId: events[0]!.id, relayId: relays[0]!.id, idempotencyKey });
    const oldKey = freshKey();
    const newKey = freshKey();
    const first = await stub.register(request(oldUser!, oldKey));
    await stub.register(request(newUser!, newKey));
    expect(first.outcome).toBe("confirmed");

    await runInDurableObject(stub, (_o, state) => {
      state.storage.sql.exec("UPDATE idempotency SET at = ? WHERE key = ?", Date.now() - ANSWERS_KEPT_MS - 1_000, oldKey);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);

    const kept = await runInDurableObject(stub, (_o, state) =>
      state.storage.sql.exec<{ key: string }>("SELECT key FROM idempotency ORDER BY key").toArray().map((r) => r.key),
    );
    expect(kept).toEqual([newKey]);
    expect(await stub.register(request(newUser!, newKey))).toMatchObject({ replayed: true });
    // The forgotten key is a new attempt now: the competitor's entry stands, no second one is made.
    expect(await stub.register(request(oldUser!, oldKey))).toMatchObject({ outcome: "refused", reason: "already_entered" });
  });
});
