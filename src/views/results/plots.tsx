import { formatShot, seriesCount, seriesOf, type Discipline } from "../../domain/scoring/index.ts";
import { targetFace } from "../../domain/targets/faces.ts";
import { type PlotShot, ShotPlot } from "../../lib/shot-plot.tsx";
import type { ShotPosition } from "../../object/contract/index.ts";

function plotShots(d: Discipline, shots: readonly ShotPosition[]): PlotShot[] {
  return shots.map((s) => ({
    x: s.x / 100,
    y: s.y / 100,
    label: `${s.sighter ? "Sighter" : "Shot"} ${s.shotNo}`,
    value: formatShot(d, s.value, s.innerTen),
    sighter: s.sighter,
  }));
}

/**
 * A competitor's shots on the target face: the whole match, then each series with a shot, then the sighters;
 * each plot with its group size, mean point of impact and the shots as text. Nothing for a discipline without
 * a face, or a card without positions.
 */
export function ShotPlots({ d, shots, who }: { d: Discipline; shots: readonly ShotPosition[]; who?: string }) {
  const face = targetFace(d.id);
  if (!face || shots.length === 0) return null;
  const match = shots.filter((s) => !s.sighter);
  const sighters = shots.filter((s) => s.sighter);
  const word = d.seriesNoun === "round" ? "Round" : "Series";
  const series = Array.from({ length: seriesCount(d) }, (_, i) => match.filter((s) => seriesOf(d, s.shotNo) === i + 1));
  const prefix = who ? `${who}: ` : "";
  return (
    <div class="shot-plots" data-testid="shot-plots">
      {match.length > 0 && <ShotPlot face={face} title={`${prefix}Match`} shots={plotShots(d, match)} />}
      {series.map((s, i) =>
        s.length === 0 ? null : <ShotPlot face={face} title={`${prefix}${word} ${i + 1}`} shots={plotShots(d, s)} />,
      )}
      {sighters.length > 0 && <ShotPlot face={face} title={`${prefix}Sighters (not counted)`} shots={plotShots(d, sighters)} />}
    </div>
  );
}

/** One whole-match plot per competitor, for the compare view. */
export function ComparePlots({ d, picked }: { d: Discipline; picked: { name: string; shots: readonly ShotPosition[] }[] }) {
  const face = targetFace(d.id);
  if (!face || picked.every((p) => p.shots.every((s) => s.sighter))) return null;
  return (
    <div class="shot-plots" data-testid="compare-plots">
      {picked.map((p) => (
        <ShotPlot face={face} title={p.name} shots={plotShots(d, p.shots.filter((s) => !s.sighter))} />
      ))}
    </div>
  );
}
