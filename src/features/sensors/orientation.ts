/**
 * The phone's tilt sensor (DeviceOrientationEvent): iOS asks the user first, and only from a
 * tap (`requestPermission`); Android and desktop browsers just fire events, or never do (no
 * sensor). `startOrientation` resolves once the first real reading arrives, or says why not.
 */

export type SensorOutcome = "on" | "denied" | "absent";

interface IosOrientation {
  requestPermission?: () => Promise<"granted" | "denied">;
}

/** How long to wait for a first reading before deciding there is no sensor. */
const FIRST_READING_MS = 1_500;

export function hasOrientationApi(): boolean {
  return typeof window !== "undefined" && "DeviceOrientationEvent" in window;
}

/**
 * Call from a click handler (iOS's permission prompt needs the user's gesture). `onTilt` gets
 * every reading until `stop()`. Readings with null angles (no sensor) don't count.
 */
export async function startOrientation(onTilt: (beta: number, gamma: number) => void): Promise<{ outcome: SensorOutcome; stop: () => void }> {
  const none = { stop: () => {} };
  if (!hasOrientationApi()) return { outcome: "absent", ...none };
  const api = window.DeviceOrientationEvent as unknown as IosOrientation;
  if (typeof api.requestPermission === "function") {
    try {
      if ((await api.requestPermission()) !== "granted") return { outcome: "denied", ...none };
    } catch {
      return { outcome: "denied", ...none };
    }
  }
  let heard: () => void = () => {};
  const first = new Promise<void>((resolve) => (heard = resolve));
  const listener = (event: DeviceOrientationEvent) => {
    if (event.beta === null || event.gamma === null) return;
    heard();
    onTilt(event.beta, event.gamma);
  };
  window.addEventListener("deviceorientation", listener);
  const stop = () => window.removeEventListener("deviceorientation", listener);
  const timeout = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), FIRST_READING_MS));
  if ((await Promise.race([first, timeout])) === "late") {
    stop();
    return { outcome: "absent", ...none };
  }
  return { outcome: "on", stop };
}

/** The protocol's ranges (beta −180..180, gamma −90..90), one decimal: a few bytes less per frame. */
export function tiltMessage(beta: number, gamma: number): { type: "tilt"; beta: number; gamma: number } {
  const clamp = (value: number, limit: number) => Math.round(Math.max(-limit, Math.min(limit, value)) * 10) / 10;
  return { type: "tilt", beta: clamp(beta, 180), gamma: clamp(gamma, 90) };
}
