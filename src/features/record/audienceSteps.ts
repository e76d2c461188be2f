/**
 * The audience over time as a step line: the record keeps each minute's peak where it changed
 * (schema.ts), and the count holds until the next, so a minute left out drew what came before it.
 */
import type { RecordAudience } from "./schema.ts";

export interface StepChart {
  /** SVG path in a `width`×`height` box (y grows down), or null with fewer than two points to join. */
  path: string | null;
  first: number;
  peak: number;
  /** Minutes the line spans (the last sample's minute + 1). */
  minutes: number;
}

export function audienceSteps({ samples, peak }: RecordAudience, width: number, height: number): StepChart {
  const minutes = (samples.at(-1)?.minute ?? 0) + 1;
  const first = samples[0]?.count ?? 0;
  if (samples.length === 0 || peak === 0) return { path: null, first, peak, minutes };
  const x = (minute: number) => ((minute / minutes) * width).toFixed(1);
  const y = (count: number) => (height - (count / peak) * height).toFixed(1);
  // Across each minute at its peak, then up or down to the next sample's.
  const points = samples.flatMap(({ minute, count }, i) => {
    const end = samples[i + 1]?.minute ?? minutes;
    return [`${x(minute)},${y(count)}`, `${x(end)},${y(count)}`];
  });
  return { path: `M${points.join("L")}`, first, peak, minutes };
}
