/**
 * The server's clock as a phone best knows it, for latency "event made on the server → event on
 * this screen". The room's own estimate comes from its first snapshot (off by that frame's travel
 * time, which is long while a page loads) until a heartbeat 10 s later; the demo probes a few
 * times when it starts and keeps the sample with the shortest round trip, whose error is at most
 * half of it (the NTP idea).
 */

export interface ClockSample {
  /** Server clock minus this device's clock, in ms. */
  offset: number;
  /** The round trip of the probe: the sample's error is at most half of it. */
  rtt: number;
}

/** A ping sent at `sentAt` and answered at `receivedAt` (this device's clock) with the server's `serverNow`. */
export function clockSample(sentAt: number, receivedAt: number, serverNow: number): ClockSample {
  return { offset: serverNow - (sentAt + receivedAt) / 2, rtt: receivedAt - sentAt };
}

/** The more trustworthy of two samples: the one with the shorter round trip. */
export function betterSample(current: ClockSample | null, next: ClockSample): ClockSample {
  return current === null || next.rtt < current.rtt ? next : current;
}
