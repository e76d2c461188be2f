/**
 * The requests demo ("HTTP ao vivo"): a phone presses a button and a real HTTP request reaches
 * the room; the projector sees each one arrive and its answer go back, with its sizes.
 *
 *   GET /parties/main/<CODE>/requests/hello?pid=<participant id>[&lang=en]
 *     200 {"message":"Olá, celular 3!","number":12,"who":"celular 3","requestBytes":498}
 *         (with lang=en: {"message":"Hello, phone 3!",…,"who":"phone 3",…})
 *     400 bad or missing pid, unknown lang · 405 not a GET · 429 too fast (per pid) · 404 any other path
 *
 * The projector's record keeps who asked as data (the nth phone), for each screen to name it in
 * its own language; the greeting is words, so it comes in the language the phone asked in.
 */
import { JSON_HEADERS, json } from "../../room/http.ts";
import { errorMessage } from "../../room/errors.ts";
import { defineFeature } from "../../room/feature.ts";
import { addExchange, emptyRequestsReport, nextExchangeId, publicPath, requestsExport, type RequestsReport } from "./exchangeLog.ts";
import type { Hello } from "./hello.ts";
import { ParticipantNames } from "./participantNames.ts";
import { helloStrings } from "./strings.ts";
import { langOf } from "../../i18n/param.ts";
import { KeyedLimiter } from "../../room/keyedLimiter.ts";
import { requestSize, sizedResponse } from "../measure/bytes.ts";

export const requests = defineFeature("requests", {}, (host) => {
  let report: RequestsReport = emptyRequestsReport();
  const names = new ParticipantNames();
  const limiter = new KeyedLimiter();

  const onPhone = (pid: string) => host.participant(pid).length > 0;

  return {

    async request(request, rest) {
      if (rest.length !== 1 || rest[0] !== "hello") return null;
      if (request.method !== "GET") {
        return json(405, errorMessage("bad_request", { detail: "method" }), { allow: "GET, OPTIONS" });
      }
      const url = new URL(request.url);
      const pid = url.searchParams.get("pid");
      // Only ids the room issued: a made-up one would get a greeting and a place on the projector.
      if (pid === null || !(await host.isParticipant(pid))) {
        return json(400, errorMessage("bad_request", { detail: "pid" }));
      }
      const locale = langOf(url.searchParams);
      if (locale === null) return json(400, errorMessage("bad_request", { detail: "lang" }));

      const now = host.now();
      const requestBytes = requestSize(request);
      const who = names.nameOf(pid, () => onPhone(pid));
      const allowed = limiter.allow(pid, now);
      const number = nextExchangeId(report);
      const { sender, greeting } = helloStrings[locale];
      const name = sender(who);
      const body = allowed
        ? ({ message: greeting(name), number, who: name, requestBytes } satisfies Hello)
        : errorMessage("rate_limited");
      const status = allowed ? 200 : 429;
      const answer = sizedResponse(status, JSON.stringify(body), JSON_HEADERS);
      report = addExchange(report, {
        method: request.method,
        path: publicPath(url.pathname),
        status,
        requestBytes,
        responseBytes: answer.headBytes + answer.bodyBytes,
        at: now,
        who,
      });
      host.changed();
      return answer.response;
    },

    reset() {
      report = emptyRequestsReport();
      names.clear();
      limiter.clear();
    },

    report: () => report,
    export: () => requestsExport(report),
  };
});
