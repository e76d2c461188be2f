/** The demos with a server part, in the order their reports go out to a presenter who connects. */
import type { LabDemoFactory } from "../lab.ts";

export const DEMO_FACTORIES: readonly LabDemoFactory[] = [];
