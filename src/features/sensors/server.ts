/**
 * Sensors: phones stream their tilt (`tilt`, up to ~10 a second, while the slide is on screen);
 * the projector gets the room's mean, spread and a few traces, at most 4 times a second (the
 * room's report pace). Live data only: nothing is stored, and a phone that goes quiet drops out.
 */
import { defineFeature, perDevice } from "../../room/feature.ts";
import { sweeper } from "../../room/sweep.ts";
import { TiltSamples } from "./samples.ts";
import { SENSORS_MESSAGES } from "./protocol.ts";

/** While anyone streams, the chart keeps scrolling (and empties) even between samples. */
const SWEEP_MS = 500;

export const sensors = defineFeature("sensors", SENSORS_MESSAGES, (host) => {
  const samples = new TiltSamples();
  const armSweep = sweeper(SWEEP_MS, () => {
    samples.prune(host.now());
    host.changed();
    return samples.size > 0;
  });

  return {
    message(message, { link, member }) {
      // Only phones send tilt (the table says so): a presenter tilting would be no one in the room.
      if (member.role !== "audience") return;
      if (!samples.put(member.pid, link.id, { beta: message.beta, gamma: message.gamma, at: host.now() })) return;
      host.changed();
      armSweep();
    },
    ...perDevice(samples, host),
    report: () => samples.report(host.now()),
  };
});
