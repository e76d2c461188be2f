/**
 * "Onde vive?" — POST /parties/main/<code>/browsers/report {pid, websocket}. Over plain HTTP on
 * purpose: a browser without WebSocket can still be counted. The browser and system come from
 * the request's own User-Agent, read here rather than trusted from the page.
 */
import type * as Party from "partykit/server";
import * as v from "valibot";
import { describeBrowser } from "./userAgent.ts";
import { BrowserReportSchema, REPORT_MAX_BYTES, TALLY_MAX_PARTICIPANTS, tally, type Participant } from "./tally.ts";
import { errorMessage } from "../../room/protocol.ts";
import { json, readSmallBody } from "../../party/http.ts";
import type { LabDemoFactory } from "../../party/features.ts";

export const browsersDemo: LabDemoFactory = (host) => {
  const participants = new Map<string, Participant>();
  let round = 0;

  async function report(request: Party.Request): Promise<Response> {
    if (request.method !== "POST") return json(405, errorMessage("bad_request", { detail: "use POST" }), { allow: "POST, OPTIONS" });
    const body = await readSmallBody(request, REPORT_MAX_BYTES);
    if (body === null) return json(413, errorMessage("too_large", { detail: `relato maior que ${REPORT_MAX_BYTES} bytes` }));
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return json(400, errorMessage("bad_json"));
    }
    const parsed = v.safeParse(BrowserReportSchema, value);
    if (!parsed.success) return json(400, errorMessage("bad_message", { detail: "esperava {pid, websocket}" }));
    const { pid, websocket } = parsed.output;
    if (!participants.has(pid) && participants.size >= TALLY_MAX_PARTICIPANTS) {
      return json(503, errorMessage("bad_request", { detail: "a contagem está cheia" }));
    }
    const participant: Participant = { ...describeBrowser(request.headers.get("user-agent")), websocket };
    participants.set(pid, participant);
    host.changed("browsers");
    return json(200, { ...participant, round });
  }

  return {
    name: "browsers",
    handles: [],
    request: (request, rest) => (rest.length === 1 && rest[0] === "report" ? report(request) : null),
    reset() {
      participants.clear();
      round += 1;
    },
    report: () => tally(participants, round),
    audienceReport: () => tally(participants, round),
  };
};
