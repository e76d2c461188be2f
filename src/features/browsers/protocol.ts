/** The browsers demo speaks HTTP (its routes are in server.ts): no socket messages, one report. */
import type { Tally } from "./tally.ts";

declare module "../../room/protocol.ts" {
  interface FeatureReports {
    browsers: Tally;
  }
}
