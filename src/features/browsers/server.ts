/**
 * "Onde vive?" — POST /parties/main/<code>/browsers/report {pid, websocket}. Over plain HTTP on
 * purpose: a browser without WebSocket can still be counted. The browser and system come from
 * the request's own User-Agent, read here rather than trusted from the page.
 */
import * as v from "valibot";
import { describeBrowser } from "./userAgent.ts";
import { BrowserReportSchema, REPORT_MAX_BYTES, TALLY_MAX_PARTICIPANTS, tally, tallyExport, type Participant } from "./tally.ts";
import { errorMessage } from "../../room/errors.ts";
import { defineFeature } from "../../room/feature.ts";
import { json, readSmallBody } from "../../room/http.ts";

export const browsers = defineFeature("browsers", {}, (host) => {
  const participants = new Map<string, Participant>();
  let round = 0;

  async function report(request: Request): Promise<Response> {
    if (request.method !== "POST") return json(405, errorMessage("bad_request", { detail: "method" }), { allow: "POST, OPTIONS" });
    const body = await readSmallBody(request, REPORT_MAX_BYTES);
    if (body === null) return json(413, errorMessage("too_large", { detail: `body_max_${REPORT_MAX_BYTES}` }));
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return json(400, errorMessage("bad_json"));
    }
    const parsed = v.safeParse(BrowserReportSchema, value);
    if (!parsed.success) return json(400, errorMessage("bad_message", { detail: "expected_pid_websocket" }));
    const { pid, websocket } = parsed.output;
    // Only ids the room issued are counted: made-up ones would stuff the tally.
    if (!(await host.isParticipant(pid))) return json(400, errorMessage("bad_request", { detail: "pid" }));
    if (!participants.has(pid) && participants.size >= TALLY_MAX_PARTICIPANTS) {
      return json(503, errorMessage("bad_request", { detail: "tally_full" }));
    }
    const participant: Participant = { ...describeBrowser(request.headers.get("user-agent")), websocket };
    participants.set(pid, participant);
    host.changed();
    return json(200, { ...participant, round });
  }

  return {
    request: (request, rest) => (rest.length === 1 && rest[0] === "report" ? report(request) : null),
    reset() {
      participants.clear();
      round += 1;
    },
    report: () => tally(participants, round),
    audienceReport: () => tally(participants, round),
    export: () => tallyExport(tally(participants, round)),
  };
});
