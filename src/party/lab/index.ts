/** The demos with a server part, in the order their reports go out to a presenter who connects. */
import type { LabDemoFactory } from "../lab.ts";
import { browsersDemo } from "./browsers.ts";
import { deliveryDemo } from "./delivery.ts";
import { pagesDemo } from "./pages.ts";
import { notifyDemo } from "./notify.ts";
import { questionsDemo } from "./questions.ts";
import { reactionsDemo } from "./reactions.ts";
import { requestsDemo } from "./requests.ts";
import { rttDemo } from "./rtt.ts";
import { sensorsDemo } from "./sensors.ts";

export const DEMO_FACTORIES: readonly LabDemoFactory[] = [browsersDemo, rttDemo, deliveryDemo, requestsDemo, pagesDemo, questionsDemo, reactionsDemo, notifyDemo, sensorsDemo];
