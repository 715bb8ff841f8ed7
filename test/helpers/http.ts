import { exports } from "cloudflare:workers";

export const ORIGIN = "https://tenring.test";

export interface Call {
  cookie?: string;
  /** Send as htmx does (adds HX-Request: true). */
  hx?: boolean;
  headers?: Record<string, string>;
}

function headersFor(call: Call, extra: Record<string, string> = {}): Headers {
  const h = new Headers({ ...extra, ...call.headers });
  if (call.cookie) h.set("Cookie", call.cookie);
  if (call.hx) h.set("HX-Request", "true");
  return h;
}

export function get(path: string, call: Call = {}): Promise<Response> {
  return exports.default.fetch(ORIGIN + path, { headers: headersFor(call), redirect: "manual" });
}

/** A same-origin form post, as a browser sends it. */
export function postForm(path: string, fields: Record<string, string>, call: Call = {}): Promise<Response> {
  return exports.default.fetch(ORIGIN + path, {
    method: "POST",
    headers: headersFor(call, { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" }),
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

export function sendJson(method: string, path: string, body: unknown, call: Call = {}): Promise<Response> {
  return exports.default.fetch(ORIGIN + path, {
    method,
    headers: headersFor(call, { Origin: ORIGIN, "Content-Type": "application/json" }),
    body: typeof body === "string" ? body : JSON.stringify(body),
    redirect: "manual",
  });
}

/** The `name=value` pair of a Set-Cookie header, ready to send back. */
export function cookieFrom(res: Response, name = "__Host-tenring_session"): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return undefined;
}

/** A call authorised by an API token (personal or scoring), with any further headers. */
export function bearer(token: string, extra: Record<string, string> = {}): Call {
  return { headers: { Authorization: `Bearer ${token}`, ...extra } };
}
