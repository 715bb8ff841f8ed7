import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { currentUser, loadUser, requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { cacheControl } from "../../middleware/cache-control.ts";
import { csrf } from "../../middleware/csrf.ts";
import { isHtmx } from "../../middleware/errors.tsx";
import { scopeOf, TournamentClient } from "../../object-client/client.ts";
import { REFUSALS } from "../../object-client/refusals.ts";
import { freshIds, loadMyEntries } from "../../queries/competitor/my-entries.ts";
import { tournamentById } from "../../queries/tournament-lookup.ts";
import { type Notice, NoticeLine } from "../../views/competitor/event-block.tsx";
import { ConfirmWithdrawalCard, EntryCard, MyEntriesPage, TournamentGroup } from "../../views/competitor/my-entries.tsx";
import { COUNTDOWN_SCRIPT } from "../../views/components/time.tsx";
import { PaymentReturnPage, PaymentStatus } from "../../views/competitor/payment.tsx";
import { checkoutUrl } from "../../payments/checkout.ts";
import { allowStripeForms } from "../../payments/stripe.ts";
import { paymentState, tournamentForPayment } from "../../queries/payments/entry-payment.ts";

/** "My entries": every entry of the signed-in competitor, and withdrawal in two steps. Never cached. */
export const myEntriesRoutes = new Hono<AppEnv>();

/**
 * A refusal inside an htmx swap goes to the page's notice slot, not the card or group the request aimed
 * at: those stay as they are.
 */
const noticeOnRefusal = createMiddleware<AppEnv>(async (c, next) => {
  c.set("refusalFragment", (r) => {
    c.header("HX-Retarget", "#my-entries-notice");
    c.header("HX-Reswap", "innerHTML");
    return <NoticeLine notice={{ tone: "error", text: r.detail }} />;
  });
  await next();
});

for (const path of ["/me/entries", "/me/entries/*"]) {
  myEntriesRoutes.use(path, loadUser(), csrf(), requireUser, cacheControl("no-store"), noticeOnRefusal, allowStripeForms);
}

const page = (c: Context<AppEnv>, content: string | Promise<string>) => c.render(content, { title: "My entries", noindex: true, scripts: [COUNTDOWN_SCRIPT] });
const fragment = (c: Context<AppEnv>, content: string | Promise<string>) => c.render(content, { title: "", fragment: true });

myEntriesRoutes.get("/me/entries", async (c) => {
  const tournaments = await loadMyEntries(c.env, c.get("db"), currentUser(c).id, freshIds(c.req.query("fresh")), scopeOf(c));
  return page(c, <MyEntriesPage tournaments={tournaments} />);
});

const notYours = () =>
  new Refusal(404, {
    title: "Entry not found",
    detail: "There is no entry of yours with this id. It may belong to someone else, or the link may be mistyped.",
  });

/** The user's own entry, found through its tournament's object; 404 for anyone else's or an invented id. */
async function ownEntry(c: Context<AppEnv>, entryId: string) {
  const client = TournamentClient.forEntry(c, entryId);
  // Only existing tournaments get their object woken (an invented id must not create storage).
  if (!client || !(await tournamentById(c.get("db"), client.tournamentId))) throw notYours();
  const entry = await client.call("entry", entryId);
  if (!entry || entry.userId !== currentUser(c).id) throw notYours();
  return { entry, client };
}

/** The entry's tournament as the page shows it, read fresh from the object, with the entry's card. */
async function freshCard(c: Context<AppEnv>, entryId: string) {
  const { client } = await ownEntry(c, entryId);
  const groups = await loadMyEntries(c.env, c.get("db"), currentUser(c).id, [client.tournamentId], scopeOf(c));
  const group = groups.find((g) => g.id === client.tournamentId);
  const entry = group?.entries.find((e) => e.figures.id === entryId);
  if (!group || !entry) throw notYours();
  return { group, entry, groups };
}

/** One entry's card (htmx: "Keep my entry" puts it back); without script, the whole page. */
myEntriesRoutes.get("/me/entries/:id", async (c) => {
  if (!isHtmx(c)) return c.redirect("/me/entries", 303);
  const { group, entry } = await freshCard(c, c.req.param("id"));
  return fragment(c, <EntryCard entry={entry} zone={group.timeZone} payOnline={group.payOnline} />);
});

/** The confirmation step: the card asks once more (htmx), or the page shows it in place. */
myEntriesRoutes.get("/me/entries/:id/withdraw", async (c) => {
  const id = c.req.param("id");
  const { group, entry, groups } = await freshCard(c, id);
  if (isHtmx(c)) return fragment(c, <ConfirmWithdrawalCard entry={entry} tournamentId={group.id} zone={group.timeZone} />);
  return page(c, <MyEntriesPage tournaments={groups} confirming={id} />);
});

/** Withdraws; the freed place goes to the waitlist in the same decision. Withdrawing twice changes nothing. */
myEntriesRoutes.post("/me/entries/:id/withdraw", async (c) => {
  const id = c.req.param("id");
  const { client } = await ownEntry(c, id);
  const result = await client.call("withdraw", { entryId: id, userId: currentUser(c).id });
  if (result.outcome === "refused") {
    throw new Refusal(REFUSALS[result.reason].status, { title: "Entry not withdrawn", detail: result.message, reason: result.reason });
  }
  const back = `/me/entries?fresh=${client.tournamentId}`;
  if (!isHtmx(c)) return c.redirect(back, 303);
  const group = (await loadMyEntries(c.env, c.get("db"), currentUser(c).id, [client.tournamentId], scopeOf(c))).find((g) => g.id === client.tournamentId);
  if (!group) return c.redirect(back, 303);
  const eventTitle = group.entries.find((e) => e.figures.id === id)?.eventTitle ?? "the event";
  const notice: Notice = { tone: "success", text: `You withdrew from ${eventTitle}.` };
  return fragment(c, <TournamentGroup tournament={group} notice={notice} />);
});

/** "Pay now": to Stripe's Checkout page for the held entry (a session still open is reused). */
myEntriesRoutes.post("/me/entries/:id/pay", async (c) => {
  const { entry, client } = await ownEntry(c, c.req.param("id"));
  const url = await checkoutUrl(c, client, entry, await tournamentForPayment(c.get("db"), client.tournamentId));
  return c.redirect(url, 303);
});

/** Where Stripe sends the competitor back: "payment received, confirming…" until the webhook has confirmed it. */
myEntriesRoutes.get("/me/entries/:id/paid", async (c) => {
  const { entry, client } = await ownEntry(c, c.req.param("id"));
  return c.render(<PaymentReturnPage entryId={entry.id} state={await paymentState(client, entry)} />, { title: "Entry fee", noindex: true });
});

/** The return page's status line (htmx polls it). */
myEntriesRoutes.get("/me/entries/:id/payment", async (c) => {
  const { entry, client } = await ownEntry(c, c.req.param("id"));
  return fragment(c, <PaymentStatus entryId={entry.id} state={await paymentState(client, entry)} />);
});
