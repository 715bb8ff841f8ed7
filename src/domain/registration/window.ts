import type { RefusalReason } from "./types.ts";

export type WindowState = "upcoming" | "open" | "closed";

export interface RegistrationWindow {
  opensAt: number;
  closesAt: number;
}

/** Open from `opensAt` (inclusive) until `closesAt` (exclusive). */
export function windowState(now: number, window: RegistrationWindow): WindowState {
  if (now < window.opensAt) return "upcoming";
  if (now >= window.closesAt) return "closed";
  return "open";
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Why a registration at `now` is refused by the window, with the times (ISO, UTC) in the message. */
export function windowRefusal(
  now: number,
  window: RegistrationWindow,
): { reason: Extract<RefusalReason, "not_open" | "closed">; message: string } | null {
  const state = windowState(now, window);
  if (state === "upcoming") {
    return {
      reason: "not_open",
      message: `Registration is not open yet: it opens at ${iso(window.opensAt)} and closes at ${iso(window.closesAt)}.`,
    };
  }
  if (state === "closed") {
    return { reason: "closed", message: `Registration closed at ${iso(window.closesAt)}.` };
  }
  return null;
}
