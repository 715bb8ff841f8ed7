import { ringRadius, type TargetFace } from "../domain/targets/faces.ts";
import { describeOffset, groupFigures } from "../domain/targets/group.ts";

/** One shot to draw, in mm from the centre (x right, y up, as targets report them). */
export interface PlotShot {
  x: number;
  y: number;
  /** How the shot is named in the text: "Shot 3", "Sighter 1". */
  label: string;
  /** Its value as shown: "10.4". */
  value: string;
  sighter?: boolean;
}

const RINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** The face's colours as SVG attributes, so the plot needs no stylesheet of its own: card, black, marks. */
const PAPER = "#f7f3e8";
const INK = "#1b1f24";
const MARK = "#c2410c";
const mm = (n: number) => Number(n.toFixed(3));

/**
 * A target face at the rulebook's ring sizes with shots drawn on it, and its text equivalent (a caption with
 * the group's size and mean point of impact, and every shot's value and position), server-rendered. Shared
 * by the results pages and the finals scoreboard (whose socket messages the object renders), so it lives
 * here with no dependency but the face. `zoomRing` crops to that ring, for small plots of tight groups.
 */
export function ShotPlot({
  face,
  shots,
  title,
  zoomRing,
  compact = false,
}: {
  face: TargetFace;
  shots: readonly PlotShot[];
  title: string;
  /** Crop to this ring; by default to the ring just outside the widest shot (at the rulebook's scale still). */
  zoomRing?: number;
  compact?: boolean;
}) {
  const outer = ringRadius(face, 1);
  const widest = Math.max(0, ...shots.map((s) => Math.hypot(s.x, s.y) + face.calibreMm));
  const fit = RINGS.filter((n) => ringRadius(face, n) >= widest).at(-1) ?? 1;
  const ring = zoomRing ?? Math.max(1, Math.min(fit - 1, 7));
  const view = Math.max(ringRadius(face, ring), widest) * 1.04;
  const counted = shots.filter((s) => !s.sighter);
  const group = groupFigures(counted);
  const summary =
    group === null
      ? "No shot with a position yet."
      : group.shots === 1
        ? `1 shot, ${describeOffset(counted[0]!)}.`
        : `${group.shots} shots; group size ${group.sizeMm.toFixed(2)} mm; mean point of impact ${describeOffset(group.mean)}.`;
  return (
    <figure class={compact ? "shot-plot compact" : "shot-plot"} data-shots={String(counted.length)}>
      <svg viewBox={`${mm(-view)} ${mm(-view)} ${mm(2 * view)} ${mm(2 * view)}`} role="img" aria-label={`${title}: ${summary}`}>
        <circle fill={PAPER} r={mm(outer)} />
        <circle fill={INK} r={mm(ringRadius(face, face.blackFrom))} />
        <g fill="none" stroke-width="1" vector-effect="non-scaling-stroke">
          {RINGS.map((n) => (
            <circle stroke={n >= face.blackFrom ? PAPER : INK} vector-effect="non-scaling-stroke" r={mm(ringRadius(face, n))} />
          ))}
          {face.innerTenMm !== undefined && <circle stroke={PAPER} vector-effect="non-scaling-stroke" r={mm(face.innerTenMm / 2)} />}
        </g>
        {group !== null && group.shots > 1 && (
          <path
            class="mpi"
            stroke={MARK}
            stroke-width="2"
            vector-effect="non-scaling-stroke"
            d={`M${mm(group.mean.x - face.calibreMm)} ${mm(-group.mean.y)}h${mm(2 * face.calibreMm)}M${mm(group.mean.x)} ${mm(-group.mean.y - face.calibreMm)}v${mm(2 * face.calibreMm)}`}
          />
        )}
        {shots.map((s, i) => (
          <circle
            class={`hole${s.sighter ? " sighter" : ""}`}
            fill={s.sighter ? "none" : i === shots.length - 1 ? "rgba(194,65,12,.85)" : "rgba(11,92,173,.55)"}
            stroke={s.sighter ? "#8a4b00" : "#fff"}
            stroke-dasharray={s.sighter ? "2 2" : undefined}
            vector-effect="non-scaling-stroke"
            cx={mm(s.x)}
            cy={mm(-s.y)}
            r={mm(face.calibreMm / 2)}
          />
        ))}
      </svg>
      <figcaption>
        <span class="plot-title">{title}</span> <span class="plot-summary">{summary}</span>
        {!compact && shots.length > 0 && (
          <details class="plot-text">
            <summary>Shots as text</summary>
            <ol>
              {shots.map((s) => (
                <li>
                  {s.label}: {s.value}, {describeOffset(s)}
                </li>
              ))}
            </ol>
          </details>
        )}
      </figcaption>
    </figure>
  );
}
