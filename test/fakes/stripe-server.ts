/**
 * A fake of the few Stripe endpoints Tenring uses (Checkout Sessions create/retrieve/expire, refunds,
 * accounts, account links), for tests, benchmarks and `npm start`: the Worker's real Stripe client talks to
 * it through STRIPE_API_BASE. It serves a stand-in checkout page whose "Pay" button completes the session,
 * and signs every event with the stripe library's own test-header helper. Events are delivered to
 * `webhookUrl` when one is given (wrangler dev); otherwise tests read them from `/__fake/events` and deliver
 * them themselves, in whatever order they like.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export interface FakeStripeOptions {
  webhookSecret: string;
  /** Where events are POSTed as they happen; none: they only queue up for `/__fake/events`. */
  webhookUrl?: string | undefined;
  port?: number;
}

export interface SignedEvent {
  id: string;
  type: string;
  payload: string;
  signature: string;
}

type Obj = Record<string, any>;

const id = (prefix: string) => `${prefix}_fake${randomBytes(9).toString("hex")}`;

/** Stripe's form encoding (`a[b][0][c]=1`) into nested objects. */
function parseForm(body: string): Obj {
  const out: Obj = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let at = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) at[part] = value;
      else at = at[part] ??= {};
    });
  }
  return out;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export async function startFakeStripe(opts: FakeStripeOptions): Promise<{ server: Server; base: string; close: () => Promise<void> }> {
  const sessions = new Map<string, Obj>();
  const accounts = new Map<string, Obj>();
  const idempotent = new Map<string, Obj>();
  const events: SignedEvent[] = [];
  let base = "";

  async function emit(type: string, object: Obj, account: string | null): Promise<SignedEvent> {
    const event = { id: id("evt"), object: "event", type, account, created: Math.floor(Date.now() / 1000), data: { object }, livemode: false, api_version: null };
    const payload = JSON.stringify(event);
    const signature = await Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: opts.webhookSecret });
    const signed = { id: event.id, type, payload, signature };
    events.push(signed);
    if (opts.webhookUrl) void deliver(signed);
    return signed;
  }

  async function deliver(e: SignedEvent, tries = 0): Promise<void> {
    try {
      const res = await fetch(opts.webhookUrl!, { method: "POST", body: e.payload, headers: { "stripe-signature": e.signature, "content-type": "application/json" } });
      await res.arrayBuffer();
      if (res.ok || tries >= 8) return;
    } catch {
      if (tries >= 8) return;
    }
    setTimeout(() => void deliver(e, tries + 1), 250 * 2 ** tries).unref();
  }

  const refuse = (res: ServerResponse, status: number, message: string) => json(res, status, { error: { type: "invalid_request_error", message } });
  function json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  /**
   * Pays an open session as the stand-in page's button does: complete, paid, and its event sent. With a
   * delayed method (`async`) it completes unpaid, and `settle` later succeeds or fails it.
   */
  async function pay(s: Obj, delayed = false): Promise<SignedEvent | null> {
    if (s.status !== "open") return null;
    Object.assign(s, { status: "complete", payment_status: delayed ? "unpaid" : "paid", payment_intent: id("pi") });
    return emit("checkout.session.completed", s, s._account);
  }

  async function settle(s: Obj, ok: boolean): Promise<SignedEvent | null> {
    if (s.status !== "complete" || s.payment_status !== "unpaid") return null;
    if (ok) s.payment_status = "paid";
    return emit(ok ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", s, s._account);
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string, form: Obj): Promise<void> {
    const account = (req.headers["stripe-account"] as string | undefined) ?? null;
    const key = req.headers["idempotency-key"] as string | undefined;
    if (key && idempotent.has(`${account}:${key}`)) return json(res, 200, idempotent.get(`${account}:${key}`));
    const remember = (body: Obj) => {
      if (key) idempotent.set(`${account}:${key}`, body);
      json(res, 200, body);
    };
    let m: RegExpMatchArray | null;
    if (req.method === "POST" && path === "/v1/checkout/sessions") {
      const item = form.line_items?.["0"] ?? {};
      const sid = id("cs_test");
      const amount = Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1);
      const session = {
        id: sid, object: "checkout.session", status: "open", payment_status: "unpaid", mode: "payment", url: `${base}/checkout/${sid}`,
        amount_total: amount, currency: item.price_data?.currency ?? "eur", metadata: form.metadata ?? {}, client_reference_id: form.client_reference_id ?? null,
        expires_at: Number(form.expires_at), success_url: form.success_url, cancel_url: form.cancel_url, payment_intent: null,
        _account: account, _fee: Number(form.payment_intent_data?.application_fee_amount ?? 0),
      };
      const now = Date.now() / 1000;
      if (session.expires_at < now + 30 * 60 - 5 || session.expires_at > now + 24 * 3600) return refuse(res, 400, "expires_at must be 30 minutes to 24 hours from now");
      sessions.set(sid, session);
      return remember(session);
    }
    if ((m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/))) {
      const s = sessions.get(m[1]!);
      if (!s || s._account !== account) return refuse(res, 404, "No such checkout.session");
      if (req.method === "GET") return json(res, 200, s);
      if (s.status !== "open") return refuse(res, 400, `Only open sessions can be expired; this one is ${s.status}`);
      s.status = "expired";
      await emit("checkout.session.expired", s, account);
      return remember(s);
    }
    if (req.method === "POST" && path === "/v1/refunds") {
      const s = [...sessions.values()].find((x) => x.payment_intent === form.payment_intent && x._account === account);
      if (!s) return refuse(res, 404, "No such payment_intent");
      const amount = Number(form.amount ?? s.amount_total - (s._refunded ?? 0));
      if (amount <= 0 || (s._refunded ?? 0) + amount > s.amount_total) return refuse(res, 400, "Refund is greater than the unrefunded amount");
      s._refunded = (s._refunded ?? 0) + amount;
      const refund = { id: id("re"), object: "refund", amount, payment_intent: s.payment_intent, status: "succeeded", metadata: form.metadata ?? {} };
      remember(refund);
      await emit("charge.refunded", { id: id("ch"), object: "charge", payment_intent: s.payment_intent, amount: s.amount_total, amount_refunded: s._refunded, refunded: s._refunded >= s.amount_total }, account);
      return;
    }
    if (req.method === "POST" && path === "/v1/accounts") {
      const a = { id: id("acct"), object: "account", type: form.type ?? "standard", charges_enabled: false, details_submitted: false, email: form.email ?? null };
      accounts.set(a.id, a);
      return remember(a);
    }
    if (req.method === "POST" && path === "/v1/account_links") {
      if (!accounts.has(form.account)) return refuse(res, 404, "No such account");
      const q = new URLSearchParams({ return_url: form.return_url, refresh_url: form.refresh_url });
      return remember({ object: "account_link", url: `${base}/onboard/${form.account}?${q}`, expires_at: Math.floor(Date.now() / 1000) + 300 });
    }
    return refuse(res, 404, `The fake Stripe does not implement ${req.method} ${path}`);
  }

  async function page(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let m: RegExpMatchArray | null;
    const html = (body: string) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stand-in Stripe</title><meta name="viewport" content="width=device-width">
<style>body{font:16px system-ui;max-width:28rem;margin:3rem auto;padding:1rem}button{font:inherit;padding:.6rem 1.4rem;background:#635bff;color:#fff;border:0;border-radius:6px}</style></head><body>${body}</body></html>`);
    };
    if ((m = url.pathname.match(/^\/checkout\/([^/]+)(\/pay)?$/))) {
      const s = sessions.get(m[1]!);
      if (!s) return html("<h1>No such checkout</h1>");
      if (req.method === "POST" && m[2]) {
        await pay(s);
        res.writeHead(303, { location: String(s.success_url).replace("{CHECKOUT_SESSION_ID}", s.id) });
        return void res.end();
      }
      const amount = (s.amount_total / 100).toFixed(2);
      if (s.status !== "open") return html(`<h1>This checkout is ${escape(s.status)}</h1>`);
      return html(`<p>Stand-in checkout (test mode)</p><h1>Pay ${amount} ${escape(String(s.currency).toUpperCase())}</h1>
<form method="post" action="/checkout/${s.id}/pay"><button type="submit">Pay</button></form>`);
    }
    if ((m = url.pathname.match(/^\/onboard\/([^/]+)$/))) {
      const a = accounts.get(m[1]!);
      if (!a) return html("<h1>No such account</h1>");
      if (req.method === "POST") {
        Object.assign(a, { charges_enabled: true, details_submitted: true });
        await emit("account.updated", a, a.id);
        res.writeHead(303, { location: url.searchParams.get("return_url") ?? "/" });
        return void res.end();
      }
      return html(`<h1>Stand-in Stripe onboarding</h1><form method="post"><button type="submit">Complete onboarding</button></form>`);
    }
    if (url.pathname === "/__fake/events") {
      const session = url.searchParams.get("session");
      const list = session ? events.filter((e) => e.payload.includes(session)) : events;
      return json(res, 200, list);
    }
    if ((m = url.pathname.match(/^\/__fake\/(pay|settle)\/([^/]+)$/)) && req.method === "POST") {
      const s = sessions.get(m[2]!);
      if (!s) return json(res, 404, null);
      const delayed = url.searchParams.get("delayed") === "1";
      return json(res, 200, m[1] === "pay" ? await pay(s, delayed) : await settle(s, url.searchParams.get("ok") !== "0"));
    }
    if ((m = url.pathname.match(/^\/__fake\/sessions\/([^/]+)$/))) return json(res, 200, sessions.get(m[1]!) ?? null);
    if (url.pathname === "/__fake/sessions") return json(res, 200, [...sessions.values()]);
    res.writeHead(404);
    res.end();
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", base);
      const body = Buffer.concat(chunks).toString("utf8");
      const run = url.pathname.startsWith("/v1/") ? api(req, res, url.pathname, parseForm(body)) : page(req, res, url);
      run.catch((err) => refuse(res, 500, String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.unref();
  return { server, base, close: () => new Promise<void>((r) => server.close(() => r())) };
}
