import {
  formatDateRange,
  formatDateTime,
  formatDayTime,
  formatRemaining,
  formatTime,
  isoDuration,
} from "../../domain/time/format.ts";

function iso(epoch: number): string {
  return new Date(epoch).toISOString();
}

/** An instant in the tournament's zone, machine-readable in UTC. */
export function DateTime({ epoch, zone, style = "full" }: { epoch: number; zone: string; style?: "full" | "day" | "time" }) {
  const text = style === "time" ? formatTime(epoch, zone) : style === "day" ? formatDayTime(epoch, zone) : formatDateTime(epoch, zone);
  return <time datetime={iso(epoch)}>{text}</time>;
}

/** Match days: calendar dates, which have no zone. */
export function DateRange({ startsOn, endsOn }: { startsOn: string; endsOn: string }) {
  const [first, last] = formatDateRange(startsOn, endsOn);
  if (last === undefined) return <time datetime={startsOn}>{first}</time>;
  return (
    <span class="date-range">
      <time datetime={startsOn}>{first}</time> – <time datetime={endsOn}>{last}</time>
    </span>
  );
}

export interface CountdownProps {
  /** The instant counted down to. */
  target: number;
  now: number;
  zone: string;
  label: string;
  /** Shown once the target has passed. */
  doneLabel: string;
  /**
   * What public/scripts/app.js does at zero: reload the page, or fire `registration-opens` on the body so
   * fragments listening for it reload themselves.
   */
  atZero: "reload" | "event";
}

/** Rendered complete on the server (the page works without JS); the script only keeps it ticking. */
export function Countdown({ target, now, zone, label, doneLabel, atZero }: CountdownProps) {
  const left = target - now;
  return (
    <p class="countdown" role="timer" data-countdown={String(target)} data-countdown-zero={atZero} data-countdown-done={doneLabel}>
      <span class="countdown-label">{label}</span>{" "}
      <time class="countdown-left" datetime={isoDuration(left)}>
        {formatRemaining(left)}
      </time>
      <span class="countdown-at">
        {" "}
        (<DateTime epoch={target} zone={zone} />)
      </span>
    </p>
  );
}

/** The script that runs `<Countdown>`s (and the opening second); pages showing one load it. */
export const COUNTDOWN_SCRIPT = "/scripts/countdown.js";
