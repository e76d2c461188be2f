/**
 * The pages demo ("Página inteira × AJAX"): the same update — the site's visit counter — sent
 * as a whole HTML page or as JSON, and the bytes of each, counted by the server.
 *
 *   GET /parties/main/<CODE>/pages/page?pid=…   200 text/html: a 2005 news page with the counter
 *   GET /parties/main/<CODE>/pages/data?pid=…   200 application/json: {"visits":1234,"time":"21:04:05 GMT-3"}
 *     &lang=en on either: the page in English (the JSON has no words)
 *     &tz=America/Sao_Paulo on either: the clock in the viewer's zone (UTC without it, or for a zone unknown here)
 *     400 bad or missing pid, unknown lang · 405 not a GET · 429 too fast (per pid, both routes together) · 404 other paths
 */
import { CORS_HEADERS, json } from "../../room/http.ts";
import { errorMessage } from "../../room/errors.ts";
import { defineFeature } from "../../room/feature.ts";
import { KeyedLimiter } from "../../room/keyedLimiter.ts";
import { requestSize, sizedResponse } from "../measure/bytes.ts";
import { newsPage, visitJson, wallClock, zoneOf } from "./newsPage.ts";
import { langOf } from "../../i18n/param.ts";
import { addLoad, emptyPagesReport, isRoute, type PagesReport } from "./pageTally.ts";

const COMMON_HEADERS = { "cache-control": "no-store", ...CORS_HEADERS };
const CONTENT_TYPES = { page: "text/html; charset=utf-8", data: "application/json" } as const;

export const pages = defineFeature("pages", {}, (host) => {
  let report: PagesReport = emptyPagesReport();
  const limiter = new KeyedLimiter();

  return {

    async request(request, rest) {
      const route = rest[0];
      if (rest.length !== 1 || !isRoute(route)) return null;
      if (request.method !== "GET") return json(405, errorMessage("bad_request", { detail: "method" }), { allow: "GET, OPTIONS" });
      const params = new URL(request.url).searchParams;
      const pid = params.get("pid");
      if (pid === null || !(await host.isParticipant(pid))) return json(400, errorMessage("bad_request", { detail: "pid" }));
      const locale = langOf(params);
      if (locale === null) return json(400, errorMessage("bad_request", { detail: "lang" }));
      const now = host.now();
      if (!limiter.allow(pid, now)) return json(429, errorMessage("rate_limited"));

      const visit = { visits: report.visits + 1, time: wallClock(now, zoneOf(params)) };
      const text = route === "page" ? newsPage(visit, locale) : visitJson(visit);
      const answer = sizedResponse(200, text, { "content-type": CONTENT_TYPES[route], ...COMMON_HEADERS });
      report = {
        ...addLoad(report, route, { requestBytes: requestSize(request), responseHeadBytes: answer.headBytes, responseBodyBytes: answer.bodyBytes }),
        visits: visit.visits,
      };
      host.changed();
      return answer.response;
    },

    reset() {
      report = emptyPagesReport();
      limiter.clear();
    },

    report: () => report,
    // Already totals only: loads and bytes per route, and the visit counter.
    export: (): PagesReport => report,
  };
});
