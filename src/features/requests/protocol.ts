/** The requests demo speaks HTTP (its routes are in server.ts): no socket messages, one report. */
import type { RequestsReport } from "./exchangeLog.ts";

declare module "../../room/protocol.ts" {
  interface FeatureReports {
    requests: RequestsReport;
  }
}
