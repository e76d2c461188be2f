/**
 * What the integration tests share besides servers (server.ts) and rooms (rooms.ts): waiting,
 * reading the room's reports, and a long test's phases. This file alone knows a report's shape
 * on the wire — `{ type: "report", feature, data }` whole, `{ …, patch }` as changes — so
 * renaming it touches no test.
 */
import type { TestContext } from "node:test";
import type { FeatureReports, PatchedFeature } from "../../src/room/protocol.ts";
import type { MergePatch } from "../../src/room/patch.ts";
import { foldReport, type ReportMessage, type ReportPatch, type ServerMessage, type WholeReport } from "../../src/room/wire.ts";

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export interface UntilOptions {
  /** What is awaited, for the error: "every phone's snapshot". */
  what: string;
  timeoutMs?: number;
  stepMs?: number;
}

/** Polls `predicate` until it holds; past `timeoutMs`, throws an error naming `what`. */
export async function until(predicate: () => boolean | Promise<boolean>, { what, timeoutMs = 5_000, stepMs = 20 }: UntilOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(stepMs);
  }
}

// ── Reports ──────────────────────────────────────────────────────────────────────────────────

/** A room module that sends reports ("rtt", "reactions", …). */
export type Feature = ReportMessage["feature"];

const parsed = (message: ServerMessage | string): ServerMessage => (typeof message === "string" ? (JSON.parse(message) as ServerMessage) : message);

/** True when `message` (parsed, or a raw frame) is a report of `feature`, whole or a patch. */
export function isReport(message: ServerMessage | string, feature: Feature): boolean {
  const m = parsed(message);
  return m.type === "report" && m.feature === feature;
}

// The union in the parameter lets the generic ReportMessage<F> be a narrowing of it.
function isReportOf<F extends Feature>(message: ServerMessage | ReportMessage<F>, feature: F): message is ReportMessage<F> {
  return message.type === "report" && message.feature === feature;
}

/** The data of `message` (parsed, or a raw frame) if it is a whole report of `feature`, else null. */
export function reportOf<T>(message: ServerMessage | string, feature: Feature): T | null {
  const m = parsed(message);
  return m.type === "report" && m.feature === feature && "data" in m ? (m.data as T) : null;
}

/** The data of every whole report of `feature` among raw frames, oldest first. */
export function reportsIn<T>(frames: readonly string[], feature: Feature): T[] {
  return frames.flatMap((frame) => {
    const data = reportOf<T>(frame, feature);
    return data === null ? [] : [data];
  });
}

/**
 * `feature`'s report as a browser holds it after these raw frames (src/live/room.ts folds the
 * same way): each whole report replaces it, each patch is applied. Null before the first.
 */
export function foldedReport<F extends Feature>(frames: readonly string[], feature: F): FeatureReports[F] | null {
  let whole: WholeReport<F> | undefined;
  for (const frame of frames) {
    const message = parsed(frame);
    // The narrowing picks the F member out of the union; with several patched features TS can't see that.
    if (isReportOf(message, feature)) whole = foldReport(whole, message as ReportMessage<F>) ?? whole;
  }
  return whole?.data ?? null;
}

/** Waits until `feature`'s folded report on `socket` satisfies `match`; returns it. */
export async function foldedWhere<F extends Feature>(socket: { frames: readonly string[] }, feature: F, match: (report: FeatureReports[F]) => boolean, timeoutMs = 5_000): Promise<FeatureReports[F]> {
  let report: FeatureReports[F] | null = null;
  await until(() => (report = foldedReport(socket.frames, feature)) !== null && match(report), { what: `a ${feature} report that matches`, timeoutMs });
  return report!;
}

function isPatchOf<F extends PatchedFeature>(message: ServerMessage, feature: F): boolean {
  return isReportOf(message, feature) && "patch" in message;
}

/** The patch in `message` (parsed, or a raw frame) if it is a patch of `feature`, else null. */
export function patchOf<F extends PatchedFeature>(message: ServerMessage | string, feature: F): MergePatch<FeatureReports[F]> | null {
  const m = parsed(message);
  return isPatchOf(m, feature) ? (m as ReportPatch<F>).patch : null;
}

/** Waits for a patch of `feature` on `socket` that satisfies `match` (an acknowledgement for one phone); returns it. */
export async function patchWhere<F extends PatchedFeature>(socket: Inbox, feature: F, match: (patch: MergePatch<FeatureReports[F]>) => boolean, timeoutMs = 5_000): Promise<MergePatch<FeatureReports[F]>> {
  const message = (await socket.next((m) => isPatchOf(m, feature) && match((m as ReportPatch<F>).patch), timeoutMs)) as ReportPatch<F>;
  return message.patch;
}

/** Anything that hands out its next matching message: a TestSocket, or a test's own client. */
export interface Inbox {
  next(match: (message: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
}

/** Waits for a report of `feature` on `socket` whose data satisfies `match`; returns its data. */
export async function reportWhere<T>(socket: Inbox, feature: Feature, match: (data: T) => boolean = () => true, timeoutMs = 5_000): Promise<T> {
  const message = await socket.next((m) => isReport(m, feature) && match(reportOf<T>(m, feature) as T), timeoutMs);
  return reportOf<T>(message, feature) as T;
}

/** How a report of `feature` starts when a Python client prints the parsed message (its repr). */
export const pythonPrintedReport = (feature: Feature): string => `'feature': '${feature}'`;

/**
 * A long test's phases as subtests run in order, so a failure names its phase. Each phase builds
 * on the ones before: after a failure, the rest are skipped rather than failing in its wake.
 */
export function phases(t: TestContext): (name: string, run: (t: TestContext) => Promise<void>) => Promise<void> {
  let failed: string | null = null;
  return async (name, run) => {
    await t.test(name, { skip: failed === null ? false : `after the failed phase "${failed}"` }, async (phase) => {
      try {
        await run(phase);
      } catch (error) {
        failed = name;
        throw error;
      }
    });
  };
}
