/** The demos with a server part, in the order their reports go out to a presenter who connects. */
import type { LabDemoFactory } from "../party/features.ts";
import { browsersDemo } from "./browsers/server.ts";
import { deliveryDemo } from "./delivery/server.ts";
import { pagesDemo } from "./pages/server.ts";
import { notifyDemo } from "./notify/server.ts";
import { questionsDemo } from "./questions/server.ts";
import { reactionsDemo } from "./reactions/server.ts";
import { requestsDemo } from "./requests/server.ts";
import { rttDemo } from "./rtt/server.ts";
import { sensorsDemo } from "./sensors/server.ts";

export const DEMO_FACTORIES: readonly LabDemoFactory[] = [browsersDemo, rttDemo, deliveryDemo, requestsDemo, pagesDemo, questionsDemo, reactionsDemo, notifyDemo, sensorsDemo];
