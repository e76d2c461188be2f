/** The pages demo speaks HTTP (its routes are in server.ts): no socket messages, one report. */
import type { PagesReport } from "./pageTally.ts";

declare module "../../room/protocol.ts" {
  interface FeatureReports {
    pages: PagesReport;
  }
}
