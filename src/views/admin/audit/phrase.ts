import { discipline, formatShot } from "../../../domain/scoring/index.ts";
import { formatDate, formatDateTime } from "../../../domain/time/format.ts";
import { formatMoney } from "../../components/money.tsx";

/** A sentence as text and links, so the view renders links and a test reads the words. */
export type Part = string | { text: string; href: string };
export type Phrase = Part[];

/** What the audit log's sentences name, read once per page (src/queries/admin/audit.ts). */
export interface AuditNames {
  slug: string;
  zone: string;
  currency: string;
  events: Map<number, { title: string; discipline: string }>;
  relays: Map<number, { name: string; eventId: number; startsAt: number }>;
  /** Entries the page's rows name, with the competitor's name. */
  entries: Map<string, { name: string; eventId: number }>;
  /** People the page's rows name by id (staff who joined, competitors of API removals). */
  users: Map<number, string>;
}

/** A row's detail as an object; anything else (old or foreign rows) as an empty one. */
export function detailOf(detail: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
export const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
export const quoted = (text: string) => `“${text}”`;

export { entryOfSubject as entryIdOf } from "../../../domain/registration/entry-id.ts";

/** `event:12` → 12 (or null when the subject is something else). */
export function idOf(subject: string, kind: string): number | null {
  const m = new RegExp(`^${kind}:(\\d+)$`).exec(subject);
  return m ? Number(m[1]) : null;
}

const base = (n: AuditNames) => `/admin/t/${n.slug}`;

export function eventLink(n: AuditNames, eventId: number | null, fallbackTitle?: string | null): Part {
  const event = eventId === null ? undefined : n.events.get(eventId);
  if (event && eventId !== null) return { text: event.title, href: `${base(n)}/events/${eventId}` };
  return fallbackTitle ? fallbackTitle : "a deleted event";
}

export function relayLink(n: AuditNames, relayId: number | null): Part {
  const relay = relayId === null ? undefined : n.relays.get(relayId);
  if (relay && relayId !== null) return { text: relay.name, href: `${base(n)}/relays/${relayId}` };
  return relayId === null ? "no relay" : "a deleted relay";
}

/** The competitor's name, linked to the entry; "a competitor" when the entry is not (yet) in D1. */
export function competitorLink(n: AuditNames, entryId: string | null, fallbackName?: string | null): Part {
  const entry = entryId === null ? undefined : n.entries.get(entryId);
  const name = entry?.name ?? fallbackName ?? "a competitor";
  return entryId === null ? name : { text: name, href: `${base(n)}/entries/${entryId}` };
}

/** "Max Hahn's" as a linked possessive. */
export function possessive(part: Part): Phrase {
  return [part, "’s"];
}

export function entryEvent(n: AuditNames, entryId: string | null): Part {
  const entry = entryId === null ? undefined : n.entries.get(entryId);
  return entry ? eventLink(n, entry.eventId) : "its event";
}

export const resultsLink = (n: AuditNames): Part => ({ text: "results", href: `${base(n)}/results` });
export const staffLink = (n: AuditNames, text: string): Part => ({ text, href: `${base(n)}/staff` });

export const money = (n: AuditNames, cents: number, currency?: string | null) => formatMoney(cents, currency ?? n.currency);
export const when = (n: AuditNames, epoch: number) => formatDateTime(epoch, n.zone);
export const day = (date: string) => formatDate(date);

/** A stored shot value as the event's discipline writes it (10.4, 9*, hit). */
export function shotText(n: AuditNames, eventId: number | null, v: unknown): string {
  if (v === null || v === undefined) return "empty";
  if (typeof v === "string") return v;
  const value = num((v as { value?: unknown }).value);
  if (value === null) return "–";
  const innerTen = (v as { innerTen?: unknown }).innerTen === true;
  const d = discipline((eventId === null ? undefined : n.events.get(eventId))?.discipline ?? "");
  return d ? formatShot(d, value, innerTen) : String(value);
}

export const ROLE_WORDS: Record<string, string> = { owner: "owner", organiser: "organiser", range_officer: "range officer" };
export const role = (r: unknown) => ROLE_WORDS[String(r)] ?? String(r);

/** "a, b and c" */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Joins phrases with a separator between them. */
export function joined(phrases: Phrase[], separator: string): Phrase {
  return phrases.flatMap((p, i) => (i === 0 ? p : [separator, ...p]));
}

/** Plain text of a phrase (tests, titles). */
export function phraseText(phrase: Phrase): string {
  return phrase.map((p) => (typeof p === "string" ? p : p.text)).join("");
}
