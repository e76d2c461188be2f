import { test } from "node:test";
import assert from "node:assert/strict";
import { frameBytes, requestHeadBytes } from "../../src/features/measure/bytes.ts";
import { betterSample, clockSample } from "../../src/features/delivery/clock.ts";
import { retryDelay, reportableLatency, takeNews } from "../../src/features/delivery/feed.ts";
import { formatBytes, formatCount, formatMs } from "../../src/features/measure/format.ts";
import { deliveryStrings } from "../../src/features/delivery/strings.ts";
import { laneOf, phonesPerLane } from "../../src/features/delivery/lanes.ts";
import type { DeliveryReport } from "../../src/features/delivery/report.ts";
import { checkDeliveryRequest, URL_MAX, WAIT_MAX_S } from "../../src/features/delivery/query.ts";
import { SeenLedger } from "../../src/features/delivery/seen.ts";
import { countAnswer, countFrame, countLatency, countRequest, emptyCounters, laneReport } from "../../src/features/delivery/stats.ts";
import { EventLog, nextTickDelay, TICK_JITTER_MS, TICK_MS } from "../../src/features/delivery/stream.ts";
import type { FeatureHost } from "../../src/room/feature.ts";
import { initialState } from "../../src/room/state.ts";
import { delivery } from "../../src/features/delivery/server.ts";
import { EVENT_ID_MAX } from "../../src/room/protocol.ts";
import { LANES } from "../../src/features/delivery/protocol.ts";

// ── The stream ───────────────────────────────────────────────────────────────────────────────

test("the log numbers events from 1 and answers `since` with the later ones only, oldest first", () => {
  const log = new EventLog();
  assert.equal(log.last, 0);
  assert.equal(log.lastEvent, null);
  assert.deepEqual(log.since(0), []);
  for (let at = 100; at <= 500; at += 100) log.append(at);
  assert.equal(log.last, 5);
  assert.deepEqual(log.lastEvent, { id: 5, at: 500 });
  assert.deepEqual(log.since(0).map((event) => event.id), [1, 2, 3, 4, 5]);
  assert.deepEqual(log.since(3), [
    { id: 4, at: 400 },
    { id: 5, at: 500 },
  ]);
  assert.deepEqual(log.since(5), []);
  assert.deepEqual(log.since(99), [], "a cursor ahead of the stream gets nothing");
});

test("the log is a bounded ring: a client far behind gets the latest events, ids keep growing", () => {
  const log = new EventLog(3);
  for (let i = 0; i < 10; i++) log.append(i);
  assert.equal(log.last, 10);
  assert.deepEqual(log.since(0).map((event) => event.id), [8, 9, 10]);
  assert.deepEqual(log.since(8).map((event) => event.id), [9, 10]);
});

test("the ticker's delay wanders around TICK_MS within the jitter, never phase-locked", () => {
  assert.equal(nextTickDelay(() => 0.5), TICK_MS);
  assert.equal(nextTickDelay(() => 0), TICK_MS - TICK_JITTER_MS);
  assert.ok(nextTickDelay(() => 0.999999) <= TICK_MS + TICK_JITTER_MS);
  assert.notEqual(TICK_MS % 2_000, 0, "polls every 2 s would meet the ticker at the same phase");
});

// ── Counters ─────────────────────────────────────────────────────────────────────────────────

test("polling: every request counts, empty answers too, and the cost per event includes them", () => {
  const poll = emptyCounters();
  for (let i = 0; i < 3; i++) {
    countRequest(poll, { bytes: 500, headerBytes: 500 });
    countAnswer(poll, { bytes: 330, headerBytes: 300, events: i === 2 ? 1 : 0 });
  }
  const report = laneReport("poll", poll, 2);
  assert.equal(report.phones, 2);
  assert.equal(report.requests, 3);
  assert.equal(report.answers, 3);
  assert.equal(report.empty, 2);
  assert.equal(report.delivered, 1);
  assert.equal(report.bytesUp, 1500);
  assert.equal(report.bytesDown, 990);
  assert.equal(report.bytesPerEvent, 2490, "three exchanges paid for one event");
  assert.equal(report.headerBytesPerMessage, 800, "request head + response head per exchange");
  assert.equal(report.frames, 0);
});

test("long polling: a held request counts on arrival; its answer when it comes, with all its events", () => {
  const longpoll = emptyCounters();
  countRequest(longpoll, { bytes: 520, headerBytes: 520 });
  let report = laneReport("longpoll", longpoll, 1);
  assert.equal(report.requests, 1);
  assert.equal(report.answers, 0);
  assert.equal(report.bytesPerEvent, null, "nothing delivered yet: no division by zero");
  assert.equal(report.headerBytesPerMessage, null);
  countAnswer(longpoll, { bytes: 340, headerBytes: 300, events: 2 });
  report = laneReport("longpoll", longpoll, 1);
  assert.equal(report.delivered, 2);
  assert.equal(report.empty, 0);
  assert.equal(report.bytesPerEvent, 430);
  assert.equal(report.headerBytesPerMessage, 820);
});

test("WebSocket: one frame per event per phone, nothing up, frame headers per frame", () => {
  const ws = emptyCounters();
  for (let i = 0; i < 4; i++) countFrame(ws, { bytes: 38, headerBytes: 2 });
  const report = laneReport("ws", ws, 4);
  assert.equal(report.frames, 4);
  assert.equal(report.delivered, 4);
  assert.equal(report.requests, 0);
  assert.equal(report.bytesUp, 0);
  assert.equal(report.bytesDown, 152);
  assert.equal(report.bytesPerEvent, 38);
  assert.equal(report.headerBytesPerMessage, 2);
});

test("latency: count, mean and worst of what phones reported; none yet is null, not zero", () => {
  const counters = emptyCounters();
  assert.deepEqual(laneReport("ws", counters, 0).latency, { count: 0, mean: null, max: null });
  for (const ms of [10, 30, -2, 50]) countLatency(counters, ms);
  assert.deepEqual(laneReport("ws", counters, 0).latency, { count: 4, mean: 22, max: 50 });
  const negative = emptyCounters();
  countLatency(negative, -3);
  assert.equal(laneReport("poll", negative, 0).latency.max, -3, "a clock estimate a little ahead is still the worst seen");
});

test("one latency report per phone and event counts; repeats and older ids are ignored", () => {
  const ledger = new SeenLedger();
  assert.equal(ledger.accept("phone-a", 1), true);
  assert.equal(ledger.accept("phone-a", 1), false);
  assert.equal(ledger.accept("phone-b", 1), true);
  assert.equal(ledger.accept("phone-a", 3), true);
  assert.equal(ledger.accept("phone-a", 2), false);
  ledger.clear();
  assert.equal(ledger.accept("phone-a", 1), true);
  const small = new SeenLedger(2);
  small.accept("a", 5);
  small.accept("b", 5);
  small.accept("c", 5); // forgets "a", the longest quiet
  assert.equal(small.accept("a", 5), true);
  assert.equal(small.accept("c", 5), false);
});

// ── Lanes ────────────────────────────────────────────────────────────────────────────────────

test("a participant id always gets the same lane, and many ids split about evenly", () => {
  assert.equal(laneOf("Xq3v9L0aTzq1bM2cN4dE5f"), laneOf("Xq3v9L0aTzq1bM2cN4dE5f"));
  const counts = { poll: 0, longpoll: 0, ws: 0 };
  for (let i = 0; i < 3000; i++) counts[laneOf(`phone-${i.toString(36)}-${(i * 7919).toString(36)}`)] += 1;
  for (const lane of LANES) assert.ok(counts[lane] > 850 && counts[lane] < 1150, `${lane}: ${counts[lane]}`);
});

test("phones per lane count participants once, even with two tabs", () => {
  const watchers = [
    { pid: "a", lane: "poll" as const },
    { pid: "a", lane: "poll" as const },
    { pid: "b", lane: "ws" as const },
    { pid: "c", lane: "ws" as const },
  ];
  assert.deepEqual(phonesPerLane(watchers), { poll: 1, longpoll: 0, ws: 2 });
});

// ── The HTTP routes' input ───────────────────────────────────────────────────────────────────

const BASE = "http://127.0.0.1:1999/parties/main/K7QXM/delivery";
const none = new Headers();
const check = (query: string, route = "events", method = "GET", headers = none) => checkDeliveryRequest(method, `${BASE}/${route}${query}`, headers, [route]);

test("events: `since` alone is a poll, with `wait` a long poll; /last takes nothing", () => {
  assert.deepEqual(check("?since=0"), { ok: true, request: { route: "events", since: 0, wait: null, pid: null } });
  assert.deepEqual(check("?since=42&wait=25&pid=phone-1"), { ok: true, request: { route: "events", since: 42, wait: 25, pid: "phone-1" } });
  assert.deepEqual(check(`?wait=1&pid=p&since=${EVENT_ID_MAX}`), { ok: true, request: { route: "events", since: EVENT_ID_MAX, wait: 1, pid: "p" } });
  // A long poll is held for a phone: without its id, refused.
  assert.deepEqual(check("?since=0&wait=25"), { ok: false, status: 400, detail: "pid" });
  assert.deepEqual(check("", "last"), { ok: true, request: { route: "last" } });
});

test("bad `since` and `wait` values get a 400 that says what is expected", () => {
  for (const since of ["", "-1", "1.5", "07", "+7", "1e3", "abc", "0x10", String(EVENT_ID_MAX + 1), "99999999999", "%201"]) {
    const result = check(`?since=${since}`);
    assert.equal(result.ok, false, since);
    if (!result.ok) {
      assert.equal(result.status, 400, since);
      assert.equal(result.detail, "since", since);
    }
  }
  const missing = check("");
  assert.ok(!missing.ok && missing.status === 400 && missing.detail === "since_missing");
  for (const wait of ["0", "26", "2.5", "", "x"]) {
    const result = check(`?since=0&wait=${wait}`);
    assert.ok(!result.ok && result.status === 400 && result.detail === "wait", wait);
  }
});

test("unknown or repeated parameters, a body, a long URL, another method or route are refused", () => {
  const unknown = check("?since=0&lane=abc");
  assert.ok(!unknown.ok && unknown.status === 400 && unknown.detail === "param:lane");
  const onLast = check("?since=0", "last");
  assert.ok(!onLast.ok && onLast.status === 400);
  const repeated = check("?since=0&since=1");
  assert.ok(!repeated.ok && repeated.status === 400 && repeated.detail === "repeated:since");
  const long = check(`?since=0&pad=${"a".repeat(URL_MAX)}`);
  assert.ok(!long.ok && long.status === 414);
  const body = check("?since=0", "events", "GET", new Headers({ "content-length": "5" }));
  assert.ok(!body.ok && body.status === 413);
  const chunked = check("?since=0", "events", "GET", new Headers({ "transfer-encoding": "chunked" }));
  assert.ok(!chunked.ok && chunked.status === 413);
  assert.equal(check("?since=0", "events", "GET", new Headers({ "content-length": "0" })).ok, true);
  const post = check("?since=0", "events", "POST");
  assert.ok(!post.ok && post.status === 405);
  const elsewhere = checkDeliveryRequest("GET", `${BASE}/events/more?since=0`, none, ["events", "more"]);
  assert.ok(!elsewhere.ok && elsewhere.status === 404);
});

// ── The phone's side ─────────────────────────────────────────────────────────────────────────

test("a phone's cursor keeps only news and follows the server's newest id, even after a restart", () => {
  const answer = { events: [{ id: 4, at: 1 }, { id: 5, at: 2 }], last: 5 };
  assert.deepEqual(takeNews(3, answer), { cursor: 5, news: [{ id: 4, at: 1 }, { id: 5, at: 2 }] });
  assert.deepEqual(takeNews(4, answer), { cursor: 5, news: [{ id: 5, at: 2 }] });
  assert.deepEqual(takeNews(5, { events: [], last: 5, timeout: 25 }), { cursor: 5, news: [] });
  assert.deepEqual(takeNews(40, { events: [], last: 2 }), { cursor: 2, news: [] }, "a restarted server starts the phone again");
});

test("failed requests back off 1, 2, 4, 8 s and then stay at 10 s", () => {
  assert.deepEqual([1, 2, 3, 4, 5, 9].map(retryDelay), [1000, 2000, 4000, 8000, 10000, 10000]);
});

test("latency is sent with 0.1 ms precision, and not at all when the clock estimate is absurd", () => {
  assert.equal(reportableLatency(12.345, 120_000), 12.3);
  assert.equal(reportableLatency(-4, 120_000), -4);
  assert.equal(reportableLatency(200_000, 120_000), null);
  assert.equal(reportableLatency(Number.NaN, 120_000), null);
});

test("the server's clock: offset from the middle of the probe's round trip; the shortest trip wins", () => {
  // Sent at 1000, answered at 1040 by a server whose clock said 5020 then: 5020 − 1020.
  assert.deepEqual(clockSample(1_000, 1_040, 5_020), { offset: 4_000, rtt: 40 });
  const slow = clockSample(0, 300, 4_100);
  const fast = clockSample(0, 10, 4_006);
  assert.equal(betterSample(null, slow), slow);
  assert.equal(betterSample(slow, fast), fast);
  assert.equal(betterSample(fast, slow), fast);
});

test("numbers read the Brazilian way", () => {
  assert.equal(formatBytes(871), "871 B");
  assert.equal(formatBytes(12_345), "12,3 kB");
  assert.equal(formatBytes(2_500_000), "2,5 MB");
  assert.equal(formatMs(35.4), "35 ms");
  assert.equal(formatMs(1_940), "1,9 s");
});

test("numbers read the English way on English pages, and so do the lanes", () => {
  assert.equal(formatBytes(12_345, "en"), "12.3 kB");
  assert.equal(formatMs(1_940, "en"), "1.9 s");
  assert.equal(formatCount(12_345, "en"), "12,345");
  assert.equal(formatCount(12_345), "12.345");
  assert.equal(deliveryStrings.en.lanes.longpoll.how, `the server holds the question up to ${WAIT_MAX_S} s`);
  assert.equal(deliveryStrings["pt-br"].lanes.poll.how, "pergunta a cada 2 s");
});

// ── The server's demo, with a fake room ──────────────────────────────────────────────────────


function fakeRoom() {
  const sent: { to: string; text: string }[] = [];
  const phones = ["p1", "p2", "p3"].map((id) => ({ link: { id }, member: { role: "audience" as const, pid: `pid-${id}-xyz` } }));
  let changes = 0;
  let clock = 1_000;
  const host: FeatureHost = {
    now: () => clock,
    audience: () => phones,
    participant: (pid) => phones.filter((phone) => phone.member.pid === pid).map((phone) => phone.link),
    presenters: () => [],
    screens: () => [],
    send: (link, message) => void sent.push({ to: link.id, text: typeof message === "string" ? message : JSON.stringify(message) }),
    changed: () => void changes++,
    storage: { get: async () => undefined, put: async () => {}, list: async () => new Map(), delete: async () => {} }, // the delivery demo stores nothing
    isPresenterKey: async () => false,
    isParticipant: async () => true,
    issuedAt: () => undefined,
    state: () => initialState("K7QXM"),
    change: async () => {},
  };
  const demo = delivery.create(host);
  const get = (query: string) =>
    demo.request!(new Request(`http://127.0.0.1:1999/parties/main/K7QXM/delivery/events${query}`, { headers: { host: "127.0.0.1:1999", "user-agent": "test" } }), ["events"]);
  return {
    demo,
    phones,
    sent,
    get,
    tick: (ms: number) => void (clock += ms),
    changes: () => changes,
    report: (): DeliveryReport => demo.report!(),
    presenter: { link: { id: "presenter" }, member: { role: "presenter" as const } },
  };
}

test("the server counts a poll's request and answer bytes as HTTP/1.1 puts them on the wire", async () => {
  const room = fakeRoom();
  const response = (await room.get("?since=0"))!;
  const body = await response.text();
  assert.deepEqual(JSON.parse(body), { events: [], last: 0 });
  const poll = room.report().lanes.poll;
  const target = "/parties/main/K7QXM/delivery/events?since=0";
  assert.equal(poll.bytesUp, requestHeadBytes("GET", target, [["host", "127.0.0.1:1999"], ["user-agent", "test"]]));
  assert.ok(poll.bytesDown > body.length + 100, "status line and headers count too");
  assert.deepEqual([poll.requests, poll.answers, poll.empty, poll.delivered], [1, 1, 1, 0]);
  assert.ok(room.changes() > 0);
});

test("an event goes to held long polls at once, and as one frame to each phone on the ws lane", async () => {
  const room = fakeRoom();
  const [p1, p2, p3] = room.phones;
  room.demo.message!({ type: "lane", lane: "ws" }, p1!);
  room.demo.message!({ type: "lane", lane: "ws" }, p2!);
  room.demo.message!({ type: "lane", lane: "longpoll" }, p3!);
  const held = room.get("?since=0&wait=25&pid=pid-p3-xyz") as Promise<Response>;
  await new Promise((settle) => setImmediate(settle)); // the room checks the id before it holds
  assert.equal(room.report().held, 1);
  room.tick(5);
  room.demo.message!({ type: "stream", action: "fire" }, room.presenter);
  const answer = await held;
  assert.deepEqual(await answer.json(), { events: [{ id: 1, at: 1_005 }], last: 1 });

  const report = room.report();
  assert.equal(report.held, 0);
  assert.deepEqual(report.last, { id: 1, at: 1_005 });
  assert.deepEqual([report.lanes.ws.phones, report.lanes.longpoll.phones, report.lanes.poll.phones], [2, 1, 0]);
  const text = JSON.stringify({ type: "event", id: 1, at: 1_005 });
  assert.deepEqual(room.sent, [{ to: "p1", text }, { to: "p2", text }]);
  assert.equal(report.lanes.ws.frames, 2);
  assert.equal(report.lanes.ws.bytesDown, 2 * frameBytes(text.length, false));
  assert.equal(report.lanes.ws.headerBytesPerMessage, 2);
  assert.equal(report.lanes.longpoll.delivered, 1);
  assert.equal(report.lanes.longpoll.empty, 0);

  // A phone that leaves is no longer pushed to nor counted.
  room.demo.leave!(p1!.link);
  room.demo.message!({ type: "stream", action: "fire" }, room.presenter);
  assert.equal(room.sent.length, 3);
  assert.equal(room.report().lanes.ws.phones, 1);
});

test("latency reports count once per phone and event, on the phone's lane, for events that exist", () => {
  const room = fakeRoom();
  const [p1, p2] = room.phones;
  room.demo.message!({ type: "lane", lane: "ws" }, p1!);
  room.demo.message!({ type: "stream", action: "fire" }, room.presenter);
  room.demo.message!({ type: "seen", id: 1, latency: 12 }, p1!);
  room.demo.message!({ type: "seen", id: 1, latency: 99 }, p1!); // a duplicate
  room.demo.message!({ type: "seen", id: 7, latency: 5 }, p1!); // an event that doesn't exist yet
  room.demo.message!({ type: "seen", id: 1, latency: 30 }, p2!); // a phone on no lane
  room.demo.message!({ type: "seen", id: 1, latency: 30 }, room.presenter); // not a phone
  assert.deepEqual(room.report().lanes.ws.latency, { count: 1, mean: 12, max: 12 });
  room.demo.reset!();
  const report = room.report();
  assert.deepEqual(report.lanes.ws.latency, { count: 0, mean: null, max: null });
  assert.equal(report.lanes.ws.frames, 0);
  assert.equal(report.lanes.ws.phones, 1, "reset zeroes the counters, not who is watching");
  assert.deepEqual(report.last, { id: 1, at: 1_000 }, "nor the stream");
});

test("the ticker starts with an event, runs until stopped, and a stale cursor is answered at once", async () => {
  const room = fakeRoom();
  room.demo.message!({ type: "stream", action: "start" }, room.presenter);
  assert.equal(room.report().running, true);
  assert.equal(room.report().last?.id, 1);
  room.demo.message!({ type: "stream", action: "start" }, room.presenter); // no second ticker, no event
  assert.equal(room.report().last?.id, 1);
  room.demo.message!({ type: "stream", action: "stop" }, room.presenter);
  assert.equal(room.report().running, false);
  const stale = await (room.get("?since=500&wait=25&pid=pid-p1-xyz") as Promise<Response>);
  assert.deepEqual(await stale.json(), { events: [], last: 1 });
});
