import { Badge } from "../components/badge.tsx";

/** Seconds between two places-left refreshes on an open tournament's page. */
const PLACES_POLL_SECONDS = 5;

export const placesCellId = (relayId: number) => `places-cell-${relayId}`;

/** The figure in a relay's "Places" cell; /t/:slug/places re-renders it while registration is open. */
export function PlacesLeftFigure({ relay }: { relay: { id: number; placesLeft: number } }) {
  return (
    <>
      <span data-testid="places-left" id={`places-${relay.id}`}>
        {relay.placesLeft} left
      </span>
      {relay.placesLeft === 0 && <Badge kind="full" />}
    </>
  );
}

/**
 * The tournament page's hook for fresh places-left figures. "open" asks after a pause; "at-opening" waits
 * for the countdown's `registration-opens` event. Each answer brings the next poller, or a silent one once
 * registration has closed, so the (cached) page stops asking by itself.
 */
export function PlacesPoller({ slug, mode }: { slug: string; mode: "open" | "at-opening" | "stopped" }) {
  if (mode === "stopped") return <div id="places-poller" hidden></div>;
  const trigger = mode === "open" ? `load delay:${PLACES_POLL_SECONDS}s` : "registration-opens from:body";
  // A failed refresh leaves the figures as they were (and stops asking) rather than swapping an error in.
  const keep = { "hx-status:4xx": "swap:none", "hx-status:5xx": "swap:none" };
  return <div id="places-poller" hidden hx-get={`/t/${slug}/places`} hx-trigger={trigger} hx-swap="outerHTML" {...keep}></div>;
}

/** The answer of /t/:slug/places: one partial per relay cell, then the next poller. The same for everyone. */
export function PlacesUpdate({ slug, relays, polling }: { slug: string; relays: { id: number; placesLeft: number }[]; polling: boolean }) {
  return (
    <>
      {relays.map((r) => (
        <hx-partial hx-target={`#${placesCellId(r.id)}`} hx-swap="innerHTML">
          <PlacesLeftFigure relay={r} />
        </hx-partial>
      ))}
      <PlacesPoller slug={slug} mode={polling ? "open" : "stopped"} />
    </>
  );
}
