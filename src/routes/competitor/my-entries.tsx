import { type Context, Hono } from "hono";
import { currentUser, requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { cacheControl } from "../../middleware/cache-control.ts";
import { refuse } from "../../lib/refuse.tsx";
import type { ChangeResult } from "../../object/contract/index.ts";
import { retryOnce, stubForEntry } from "../../object-client/stub.ts";
import { type Notice, NoticeLine } from "../../views/competitor/event-block.tsx";
import { ConfirmWithdrawalCard, EntryCard, MyEntriesPage, TournamentGroup } from "../../views/competitor/my-entries.tsx";
import { isHtmx } from "../account/respond.ts";
import { tournamentById } from "../../queries/tournament-lookup.ts";
import { freshIds, loadMyEntries } from "../../queries/competitor/my-entries.ts";

/** "My entries": every entry of the signed-in competitor, and withdrawal in two steps. Never cached. */
export const myEntriesRoutes = new Hono<AppEnv>();

for (const path of ["/me/entries", "/me/entries/*"]) {
  myEntriesRoutes.use(path, requireUser, cacheControl("no-store"));
}

myEntriesRoutes.get("/me/entries", async (c) => {
  const user = currentUser(c);
  const tournaments = await loadMyEntries(c.env, c.get("db"), user.id, freshIds(c.req.query("fresh")));
  return c.html(<MyEntriesPage nonce={c.get("nonce")} user={user} csrf={c.get("csrf")} tournaments={tournaments} />);
});

/** The user's own entry, found through its tournament's object; null for anyone else's or an invented id. */
async function ownEntry(c: Context<AppEnv>, entryId: string) {
  const found = stubForEntry(c.env, entryId);
  // Only existing tournaments get their object woken (an invented id must not create storage).
  if (!found || !(await tournamentById(c.get("db"), found.tournamentId))) return null;
  const entry = await found.stub.entry(entryId);
  if (!entry || entry.userId !== currentUser(c).id) return null;
  return { entry, stub: found.stub, tournamentId: found.tournamentId };
}

/** The entry's tournament as the page shows it, read fresh from the object. */
async function freshGroup(c: Context<AppEnv>, tournamentId: number) {
  const groups = await loadMyEntries(c.env, c.get("db"), currentUser(c).id, [tournamentId]);
  return groups.find((g) => g.id === tournamentId) ?? null;
}

function refused(c: Context<AppEnv>, status: 404 | 409, title: string, detail: string) {
  if (!isHtmx(c)) return refuse(c, status, title, detail);
  // The page's notice slot, not the card or group the request aimed at: those stay as they are.
  c.header("HX-Retarget", "#my-entries-notice");
  c.header("HX-Reswap", "innerHTML");
  return c.html(<NoticeLine notice={{ tone: "error", text: detail }} />, status);
}

const NOT_YOURS = "There is no entry of yours with this id. It may belong to someone else, or the link may be mistyped.";

/** One entry's card (htmx: "Keep my entry" puts it back); without script, the whole page. */
myEntriesRoutes.get("/me/entries/:id", async (c) => {
  const id = c.req.param("id");
  if (!isHtmx(c)) return c.redirect("/me/entries", 303);
  const found = await ownEntry(c, id);
  const group = found && (await freshGroup(c, found.tournamentId));
  const entry = group?.entries.find((e) => e.figures.id === id);
  if (!group || !entry) return refused(c, 404, "Entry not found", NOT_YOURS);
  return c.html(<EntryCard entry={entry} zone={group.timeZone} />);
});

/** The confirmation step: the card asks once more (htmx), or the page shows it in place. */
myEntriesRoutes.get("/me/entries/:id/withdraw", async (c) => {
  const id = c.req.param("id");
  const found = await ownEntry(c, id);
  const group = found && (await freshGroup(c, found.tournamentId));
  const entry = group?.entries.find((e) => e.figures.id === id);
  if (!group || !entry) return refused(c, 404, "Entry not found", NOT_YOURS);
  if (isHtmx(c)) return c.html(<ConfirmWithdrawalCard entry={entry} tournamentId={group.id} zone={group.timeZone} csrf={c.get("csrf")} />);
  const user = currentUser(c);
  const tournaments = await loadMyEntries(c.env, c.get("db"), user.id, [group.id]);
  return c.html(<MyEntriesPage nonce={c.get("nonce")} user={user} csrf={c.get("csrf")} tournaments={tournaments} confirming={id} />);
});

/** Withdraws; the freed place goes to the waitlist in the same decision. Withdrawing twice changes nothing. */
myEntriesRoutes.post("/me/entries/:id/withdraw", async (c) => {
  const id = c.req.param("id");
  const user = currentUser(c);
  const found = await ownEntry(c, id);
  if (!found) return refused(c, 404, "Entry not found", NOT_YOURS);
  const result = await retryOnce<ChangeResult>(() => found.stub.withdraw({ entryId: id, userId: user.id }));
  if (result.outcome === "refused") return refused(c, 409, "Entry not withdrawn", result.message);
  if (!isHtmx(c)) return c.redirect(`/me/entries?fresh=${found.tournamentId}`, 303);
  const group = await freshGroup(c, found.tournamentId);
  if (!group) return c.redirect(`/me/entries?fresh=${found.tournamentId}`, 303);
  const eventTitle = group.entries.find((e) => e.figures.id === id)?.eventTitle ?? "the event";
  const notice: Notice = { tone: "success", text: `You withdrew from ${eventTitle}.` };
  return c.html(<TournamentGroup tournament={group} csrf={c.get("csrf")} notice={notice} />);
});
