import type { OpeningFigures } from "../../object/contract/monitoring.ts";
import { Figure } from "./dashboard.tsx";

/** How often the dashboard asks for the figures again. */
export const OPENING_FIGURES_SECONDS = 3;

function rate(n: number): string {
  return n.toFixed(n > 0 && n < 10 ? 1 : 0);
}

/**
 * The figures an organiser watches while registration opens, live: the panel replaces itself with a fresh
 * copy every few seconds (one RPC to the tournament object, no D1 read beyond the staff check).
 */
export function OpeningFiguresPanel({ slug, figures }: { slug: string; figures: OpeningFigures }) {
  const lag = figures.outboxLagSeconds;
  return (
    <section
      id="opening-figures"
      class="opening-figures"
      aria-labelledby="opening-figures-title"
      hx-get={`/admin/t/${slug}/opening-figures`}
      hx-trigger={`every ${OPENING_FIGURES_SECONDS}s`}
      hx-swap="outerHTML"
    >
      <h2 id="opening-figures-title">Right now</h2>
      <dl class="figures">
        <Figure testid="live-rate" label="Registrations per second" value={rate(figures.registrationsPerSecond)} note={`${figures.registrationsLastMinute} in the last minute`} />
        <Figure testid="live-left" label="Places left" value={String(figures.placesLeft)} />
        <Figure
          testid="live-outbox"
          label="Waiting for the database"
          value={String(figures.outboxPending)}
          note={figures.outboxPending === 0 ? "all copied" : `oldest ${lag} s ago`}
        />
        <Figure testid="live-sockets" label="Scoreboards open" value={String(figures.socketsOpen)} />
      </dl>
      <p class="hint">Updated every {OPENING_FIGURES_SECONDS} seconds.</p>
    </section>
  );
}
