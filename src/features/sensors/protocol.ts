/** Sensors: phones stream their tilt. */
import * as v from "valibot";
import { message, type MessagesOf } from "../../room/messages.ts";
import type { SensorsReport } from "./samples.ts";

export const SENSORS_MESSAGES = {
  /** This phone's tilt (front-back `beta`, left-right `gamma`, degrees), up to ~10 a second. */
  tilt: {
    schema: message("tilt", {
      beta: v.pipe(v.number(), v.finite(), v.minValue(-180), v.maxValue(180)),
      gamma: v.pipe(v.number(), v.finite(), v.minValue(-90), v.maxValue(90)),
    }),
    from: "audience",
  },
} as const;

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof SENSORS_MESSAGES> {}
  interface FeatureReports {
    sensors: SensorsReport;
  }
}
