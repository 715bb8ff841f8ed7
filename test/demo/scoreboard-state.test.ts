import { describe, expect, it } from "vitest";
import { formatDayTime } from "../../src/domain/time/format.ts";
import { todayIn } from "../../src/domain/time/zoned.ts";
import { select } from "../helpers/html.ts";
import { get } from "../helpers/http.ts";
import { createTournament } from "../helpers/tournaments.ts";

const ZONE = "Europe/Berlin";

async function statusLine(path: string) {
  const res = await get(path);
  expect(res.status).toBe(200);
  const [line] = await select(await res.text(), '[data-testid="match-status"]');
  return { text: line!.text, match: line!.attrs["data-match"], cacheControl: res.headers.get("Cache-Control") };
}

describe("the scoreboard page's state line", () => {
  it("says when the match starts until it does, its cached copy living no longer, then Live", async () => {
    const startsAt = Date.now() + 2_000;
    const today = todayIn(ZONE, startsAt);
    const { tournament, events } = await createTournament({
      timeZone: ZONE,
      startsOn: today,
      endsOn: today,
      events: [{ relays: [{ name: "Relay 1", startsAt, firingPoints: 4 }] }],
    });
    const path = `/t/${tournament.slug}/live/${events[0]!.id}`;
    const before = await statusLine(path);
    expect(before).toMatchObject({ text: `Starts ${formatDayTime(startsAt, ZONE)}`, match: "upcoming" });
    // The page's own TTL is 5 s; the copy made before the start must not outlive it.
    expect(before.cacheControl).toMatch(/s-maxage=[12]$/);

    await new Promise((resolve) => setTimeout(resolve, startsAt - Date.now() + 1_100));
    expect(await statusLine(path)).toMatchObject({ text: "Live", match: "live" });
  });
});
