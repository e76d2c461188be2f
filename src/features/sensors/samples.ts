/**
 * The room's tilt, as the server keeps it: each phone's recent samples (the last few seconds),
 * and a report for the projector: how many phones, the mean and spread of their latest tilt,
 * the room's mean and spread over time, and a few phones' own traces. Pure: time comes in.
 */

export interface TiltSample {
  beta: number;
  gamma: number;
  /** Server time (ms). */
  at: number;
}

/** The chart's window, and how long a quiet phone still counts. */
export const WINDOW_MS = 5_000;
/** The room's series: one point per slice of the window. */
export const SLICE_MS = 250;
/** Phones drawn one by one (the rest only count in the mean and spread). */
export const TRACES_MAX = 5;
/** Samples closer than this to the phone's previous one are dropped: phones send ≤ 10 a second. */
export const MIN_INTERVAL_MS = 80;

export interface Stats {
  mean: number;
  /** Population standard deviation. */
  spread: number;
}

export interface SeriesPoint {
  /** ms relative to the report's time (≤ 0). */
  t: number;
  phones: number;
  beta: Stats;
  gamma: Stats;
}

export interface Trace {
  /** The phone's number, in order of its first sample (never its id): each screen names it in its language. */
  phone: number;
  samples: { t: number; beta: number; gamma: number }[];
}

export interface SensorsReport {
  windowMs: number;
  /** Phones with a sample in the window. */
  phones: number;
  /** Over each phone's latest sample; null when nobody is streaming. */
  beta: Stats | null;
  gamma: Stats | null;
  series: SeriesPoint[];
  traces: Trace[];
  /** Samples received in the window, all phones (a rate: divide by the window). */
  samples: number;
}

export function stats(values: readonly number[]): Stats | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean, spread: Math.sqrt(variance) };
}

const round = (value: number) => Math.round(value * 10) / 10;
const rounded = (value: Stats | null): Stats | null => value && { mean: round(value.mean), spread: round(value.spread) };

interface Phone {
  number: number;
  connection: string;
  samples: TiltSample[];
}

export class TiltSamples {
  private readonly phones = new Map<string, Phone>();
  private numbered = 0;

  get size(): number {
    return this.phones.size;
  }

  /** A sample from participant `pid` on `connection`; false when it came too soon (dropped). */
  put(pid: string, connection: string, sample: TiltSample): boolean {
    let phone = this.phones.get(pid);
    if (!phone) this.phones.set(pid, (phone = { number: ++this.numbered, connection, samples: [] }));
    const last = phone.samples.at(-1);
    if (last && sample.at - last.at < MIN_INTERVAL_MS) return false;
    phone.connection = connection;
    phone.samples.push(sample);
    return true;
  }

  /** The connection closed: its phone stops counting at once. */
  leave(connection: string): boolean {
    let changed = false;
    for (const [pid, phone] of this.phones) {
      if (phone.connection === connection) changed = this.phones.delete(pid);
    }
    return changed;
  }

  /** Forgets samples older than the window, and phones left with none. True if anything went. */
  prune(now: number): boolean {
    let changed = false;
    for (const [pid, phone] of this.phones) {
      const kept = phone.samples.filter((sample) => now - sample.at < WINDOW_MS);
      if (kept.length !== phone.samples.length) changed = true;
      if (kept.length === 0) this.phones.delete(pid);
      else phone.samples = kept;
    }
    return changed;
  }

  clear(): void {
    this.phones.clear();
    this.numbered = 0;
  }

  report(now: number): SensorsReport {
    this.prune(now);
    const phones = [...this.phones.values()];
    const latest = phones.map((phone) => phone.samples.at(-1)!);
    const series: SeriesPoint[] = [];
    for (let end = now; end > now - WINDOW_MS; end -= SLICE_MS) {
      // Each phone's last sample at or before this slice's end, if it is within the window.
      const seen = phones.flatMap((phone) => {
        const sample = phone.samples.findLast((s) => s.at <= end);
        return sample && end - sample.at < WINDOW_MS ? [sample] : [];
      });
      const beta = rounded(stats(seen.map((s) => s.beta)));
      const gamma = rounded(stats(seen.map((s) => s.gamma)));
      if (beta && gamma) series.unshift({ t: end - now, phones: seen.length, beta, gamma });
    }
    return {
      windowMs: WINDOW_MS,
      phones: phones.length,
      beta: rounded(stats(latest.map((s) => s.beta))),
      gamma: rounded(stats(latest.map((s) => s.gamma))),
      series,
      traces: phones.slice(0, TRACES_MAX).map((phone) => ({
        phone: phone.number,
        samples: phone.samples.map((s) => ({ t: s.at - now, beta: round(s.beta), gamma: round(s.gamma) })),
      })),
      samples: phones.reduce((sum, phone) => sum + phone.samples.length, 0),
    };
  }
}
