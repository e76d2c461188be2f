/** The tilt chart's geometry: time (the last few seconds) across, the side tilt (gamma, −90..90°) up. Pure. */
import type { SensorsReport } from "./samples.ts";

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 240;
export const GAMMA_MAX = 90;

export function xOf(t: number, windowMs: number): number {
  return Math.round(((t + windowMs) / windowMs) * CHART_WIDTH * 10) / 10;
}

export function yOf(gamma: number): number {
  const clamped = Math.max(-GAMMA_MAX, Math.min(GAMMA_MAX, gamma));
  return Math.round(((GAMMA_MAX - clamped) / (2 * GAMMA_MAX)) * CHART_HEIGHT * 10) / 10;
}

/** "x,y x,y …" for an SVG polyline. */
export function polyline(points: readonly { t: number; gamma: number }[], windowMs: number): string {
  return points.map((point) => `${xOf(point.t, windowMs)},${yOf(point.gamma)}`).join(" ");
}

/** The mean ± one standard deviation, as a closed SVG polygon (top edge forwards, bottom edge back). */
export function spreadBand(report: SensorsReport): string {
  const top = report.series.map((p) => `${xOf(p.t, report.windowMs)},${yOf(p.gamma.mean + p.gamma.spread)}`);
  const bottom = report.series.map((p) => `${xOf(p.t, report.windowMs)},${yOf(p.gamma.mean - p.gamma.spread)}`).reverse();
  return [...top, ...bottom].join(" ");
}
