import { eq } from "drizzle-orm";
import { entries } from "../../src/db/schema.ts";
import { db } from "../helpers/d1.ts";
import { drainOutboxes } from "../helpers/entries.ts";
import { select } from "../helpers/html.ts";
import { enter, scoringTournament } from "../helpers/live-scoring.ts";
import { staffOf } from "../helpers/staff.ts";

export const relayPage = (slug: string, relayId: number, entryId?: string) =>
  `/score/t/${slug}/relays/${relayId}${entryId ? `?entry=${entryId}` : ""}`;

/** A scored event with named competitors, their entries copied to D1 (as the outbox leaves them), and a range officer. */
export async function scoredRelay(names: string[], spec: { discipline?: string; title?: string } = {}) {
  const made = await scoringTournament([{ discipline: spec.discipline ?? "air-rifle-10m", title: spec.title ?? "Air Rifle Men" }]);
  const event = made.events[0]!;
  const competitors = [];
  for (const name of names) competitors.push(await enter(made.stub, event, name));
  await drainOutboxes(made.stub);
  const officer = await staffOf(made.tournament.id, "range_officer", { name: "Rita Range" });
  return { ...made, event, relay: event.relays[0]!, competitors, officer };
}

/** As an organiser sets it on the start list (null: not assigned yet). */
export async function setFiringPoint(entryId: string, firingPoint: number | null) {
  await db.update(entries).set({ firingPoint }).where(eq(entries.id, entryId)).run();
}

/** The hidden and visible fields of the card's forms, as the browser would send them back. */
export async function formFields(html: string, formSelector: string): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const input of await select(html, `${formSelector} input`)) {
    const name = input.attrs.name;
    if (name && input.attrs.type !== "checkbox") fields[name] = input.attrs.value ?? "";
  }
  return fields;
}
