/**
 * "Polling × long polling × WebSocket": one event stream (a ticker, or the presenter's button),
 * delivered three ways, each way's cost counted here as it goes on the wire.
 *
 *   GET /parties/main/<code>/delivery/events?since=N          plain poll: answers at once
 *   GET /parties/main/<code>/delivery/events?since=N&wait=S   long poll: held until news or S s
 *   GET /parties/main/<code>/delivery/last                    the newest id (a first cursor; not counted)
 *   socket `event` frames                                     to the phones on the "ws" lane
 *
 * Phones say which lane they watch (`lane`) and when an event reached their screen (`seen`).
 */
import { frameBytes, requestSize, sizedResponse } from "../measure/bytes.ts";
import { phonesPerLane, type Watcher } from "./lanes.ts";
import { checkDeliveryRequest, HELD_MAX } from "./query.ts";
import { deliveryExport, type DeliveryReport, type EventsAnswer, type LastAnswer } from "./report.ts";
import { SeenLedger } from "./seen.ts";
import { countAnswer, countFrame, countLatency, countRequest, emptyCounters, laneReport, type LaneCounters } from "./stats.ts";
import { EventLog, nextTickDelay, TICKS_PER_RUN } from "./stream.ts";
import { DELIVERY_MESSAGES, type Lane } from "./protocol.ts";
import { errorMessage } from "../../room/errors.ts";
import { defineFeature } from "../../room/feature.ts";
import { json, JSON_HEADERS } from "../../room/http.ts";
import { utf8Length } from "../../room/utf8.ts";
import type { ServerMessage } from "../../room/wire.ts";

/** A long poll waiting for news. */
interface Held {
  /** The phone holding it: one long poll per phone. */
  pid: string;
  since: number;
  /** The counters' generation when it arrived: a request from before "Zerar" is not counted after it. */
  epoch: number;
  timer: ReturnType<typeof setTimeout>;
  answer(body: EventsAnswer): void;
  drop(): void;
}

function freshCounters(): Record<Lane, LaneCounters> {
  return { poll: emptyCounters(), longpoll: emptyCounters(), ws: emptyCounters() };
}

export const delivery = defineFeature("delivery", DELIVERY_MESSAGES, (host) => {
  const log = new EventLog();
  const seen = new SeenLedger();
  /** Audience connections watching the stream, by connection id. */
  const watchers = new Map<string, Watcher>();
  const held = new Set<Held>();
  /** The long poll each phone holds. */
  const heldBy = new Map<string, Held>();
  let counters = freshCounters();
  let epoch = 0;
  let ticker: ReturnType<typeof setTimeout> | null = null;
  let ticksLeft = 0;

  const changed = () => host.changed();

  /** A JSON answer on an HTTP lane, its head and body counted as they will go out (uncompressed: see sizedResponse). */
  function answer(lane: Lane, body: EventsAnswer, requestEpoch: number): Response {
    const { response, headBytes, bodyBytes } = sizedResponse(200, JSON.stringify(body), JSON_HEADERS);
    if (requestEpoch === epoch) countAnswer(counters[lane], { bytes: headBytes + bodyBytes, headerBytes: headBytes, events: body.events.length });
    changed();
    return response;
  }

  function hold(pid: string, since: number, wait: number, signal: AbortSignal | undefined): Promise<Response> {
    // A phone's earlier long poll is abandoned (a reload, a second tab): answer it now. When the room
    // is full, the oldest held one is answered to make room: an honest poll is never turned away.
    heldBy.get(pid)?.answer({ events: [], last: log.last });
    if (held.size >= HELD_MAX) held.values().next().value?.answer({ events: [], last: log.last });
    return new Promise((resolve) => {
      const entry: Held = {
        pid,
        since,
        epoch,
        timer: setTimeout(() => entry.answer({ events: [], last: log.last, timeout: wait }), wait * 1000),
        answer(body) {
          if (!held.delete(entry)) return;
          if (heldBy.get(pid) === entry) heldBy.delete(pid);
          clearTimeout(entry.timer);
          resolve(answer("longpoll", body, entry.epoch));
        },
        drop() {
          if (!held.delete(entry)) return;
          if (heldBy.get(pid) === entry) heldBy.delete(pid);
          clearTimeout(entry.timer);
          changed();
          resolve(new Response(null, { status: 204 })); // nobody is listening any more
        },
      };
      held.add(entry);
      heldBy.set(pid, entry);
      // Where the runtime reports that the client went away (a phone switched lanes), stop holding.
      // partykit dev never does: there an abandoned long poll is held, and counted, to its timeout.
      signal?.addEventListener("abort", () => entry.drop(), { once: true });
      changed();
    });
  }

  async function events(request: Request, since: number, wait: number | null, pid: string | null): Promise<Response> {
    const lane: Lane = wait === null ? "poll" : "longpoll";
    // A long poll is held for a phone the room knows: made-up ids can't fill the room's slots.
    if (wait !== null && (pid === null || !(await host.isParticipant(pid)))) return json(400, errorMessage("bad_request", { detail: "pid" }));
    const head = requestSize(request);
    countRequest(counters[lane], { bytes: head, headerBytes: head });
    const news = log.since(since);
    // A cursor ahead of the stream (a phone from before a server restart) is answered at once,
    // with the newest id to start again from.
    if (wait === null || news.length > 0 || since > log.last) return answer(lane, { events: news, last: log.last }, epoch);
    return hold(pid!, since, wait, request.signal as AbortSignal | undefined); // checked above: a long poll has one
  }

  function publish(): void {
    const event = log.append(host.now());
    if (!event) return;
    for (const entry of [...held]) entry.answer({ events: log.since(entry.since), last: log.last });
    const text = JSON.stringify({ type: "event", id: event.id, at: event.at } satisfies ServerMessage);
    const payload = utf8Length(text);
    const bytes = frameBytes(payload, false);
    for (const { link } of host.audience()) {
      if (watchers.get(link.id)?.lane !== "ws") continue;
      host.send(link, text);
      countFrame(counters.ws, { bytes, headerBytes: bytes - payload });
    }
    changed();
  }

  function report(): DeliveryReport {
    const phones = phonesPerLane(watchers.values());
    const lane = (name: Lane) => laneReport(name, counters[name], phones[name]);
    return { running: ticker !== null, last: log.lastEvent, held: held.size, lanes: { poll: lane("poll"), longpoll: lane("longpoll"), ws: lane("ws") } };
  }

  function tick(): void {
    ticker = setTimeout(() => {
      ticker = null;
      if (ticksLeft <= 0) return changed(); // a forgotten ticker stops by itself
      ticksLeft -= 1;
      publish();
      tick();
    }, nextTickDelay());
  }

  function stream(action: "start" | "stop" | "fire"): void {
    if (action === "fire") return publish();
    if (action === "start" && ticker === null) {
      ticksLeft = TICKS_PER_RUN - 1;
      publish(); // something happens the moment the presenter presses the button
      tick();
    }
    if (action === "stop" && ticker !== null) {
      clearTimeout(ticker);
      ticker = null;
      changed();
    }
  }

  return {
    request(request, rest) {
      const checked = checkDeliveryRequest(request.method, request.url, request.headers, rest);
      if (!checked.ok) {
        if (checked.status === 404) return null;
        const allow = checked.status === 405 ? { allow: "GET, OPTIONS" } : undefined;
        return json(checked.status, errorMessage("bad_request", { detail: checked.detail }), allow);
      }
      const route = checked.request;
      if (route.route === "last") return json(200, { last: log.last } satisfies LastAnswer);
      return events(request, route.since, route.wait, route.pid);
    },
    message(message, { link, member }) {
      const pid = member.role === "audience" ? member.pid : undefined;
      switch (message.type) {
        case "stream":
          return stream(message.action);
        case "lane": {
          if (pid === undefined) return;
          const before = watchers.get(link.id)?.lane ?? null;
          if (message.lane === null) watchers.delete(link.id);
          else watchers.set(link.id, { pid, lane: message.lane });
          if (before !== message.lane) changed(); // phones repeat their lane now and then
          return;
        }
        case "seen": {
          const lane = watchers.get(link.id)?.lane;
          // Only phones on a lane, only events that exist, only the first report per phone and event.
          if (pid === undefined || lane === undefined || message.id > log.last || !seen.accept(pid, message.id)) return;
          countLatency(counters[lane], message.latency);
          return changed();
        }
      }
    },
    leave(link) {
      if (watchers.delete(link.id)) changed();
    },
    reset() {
      counters = freshCounters();
      seen.clear();
      epoch += 1;
    },
    report,
    export: () => deliveryExport(report()),
  };
});
