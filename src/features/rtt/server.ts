/**
 * The full-duplex ping's server: each device reports its recent round-trip time (`rtt`, about
 * once a second, while it pings the room twice a second); the room sends the distribution to the
 * projector and pushes the room's median to the phones at the same time: the server talking
 * while the phone talks, on one socket.
 */
import { defineFeature, perDevice } from "../../room/feature.ts";
import { sweeper } from "../../room/sweep.ts";
import { RttSamples } from "./samples.ts";
import { RTT_MESSAGES } from "./protocol.ts";
import { rttAudienceReport, rttExport, RttPeak, rttReport } from "./report.ts";

/** How often stale entries are looked for while anyone is reporting. */
const SWEEP_MS = 1_000;

export const rtt = defineFeature("rtt", RTT_MESSAGES, (host) => {
  const samples = new RttSamples();
  const peak = new RttPeak();
  // A device that stops reporting sends nothing more: only a timer notices it went quiet.
  const armSweep = sweeper(SWEEP_MS, () => {
    if (samples.prune(host.now())) host.changed();
    return samples.size > 0;
  });

  return {
    message(message, { link, member }) {
      const pid = member.role === "audience" ? member.pid : undefined;
      const device = pid === undefined ? `c:${link.id}` : `p:${pid}`;
      samples.put(device, { ms: message.ms, at: host.now(), connection: link.id, phone: pid !== undefined });
      host.changed();
      armSweep();
    },
    ...perDevice(samples, host),
    reset() {
      samples.clear();
      peak.clear();
    },
    // The busiest moment is looked for at the reports' pace, not on each of a thousand phones' pings.
    report: () => {
      const fresh = samples.fresh(host.now());
      peak.see(fresh);
      return rttReport(fresh);
    },
    audienceReport: () => rttAudienceReport(samples.fresh(host.now())),
    // The busiest moment, not now: by the time the talk ends, nobody is pinging.
    export: () => rttExport(peak.entries),
  };
});
