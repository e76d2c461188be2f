/**
 * The delivery demo against a real `partykit dev`: the plain poll, the long poll (held, then
 * answered by an event or by its timeout), the WebSocket lane, the counters the projector gets,
 * and the refusals of bad input. One server for the file; every test makes its own room.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { HELD_MAX } from "../../src/features/delivery/query.ts";
import type { DeliveryReport, EventsAnswer } from "../../src/features/delivery/report.ts";
import type { EventMessage } from "../../src/room/wire.ts";
import type { TestSocket } from "./client.ts";
import { joinAsAudience, participant, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { reportWhere, sleep } from "./support.ts";

let server: PartyServer;

before(async () => {
  // This file's phones take more ids than one address gets at once (the default budget is 200).
  server = await startPartyServer({ vars: { MINT_BURST: "2000" } });
});

after(async () => {
  await server?.dispose();
});

const base = (code: string) => `${server.origin}/parties/main/${code}/delivery`;

async function events(code: string, query: string): Promise<EventsAnswer> {
  // A long poll is held for a phone: it carries the id the room issued it.
  const pid = query.includes("wait=") ? `&pid=${await participant(server, code, "long-poller")}` : "";
  const response = await fetch(`${base(code)}/events${query}${pid}`);
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as EventsAnswer;
}

/** Fires one event and waits until the presenter's report shows it (the stream is in the room's memory; reports go out at most every 250 ms). */
async function fire(presenter: TestSocket, id: number): Promise<void> {
  presenter.send({ type: "stream", action: "fire" });
  await reportWhere<DeliveryReport>(presenter, "delivery", (report) => report.last?.id === id);
}

test("a plain poll answers at once with only the events after `since`, and the newest id", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  assert.deepEqual(await events(room.code, "?since=0"), { events: [], last: 0 });
  for (const id of [1, 2, 3]) await fire(presenter, id);
  const all = await events(room.code, "?since=0");
  assert.deepEqual(all.events.map((event) => event.id), [1, 2, 3]);
  assert.equal(all.last, 3);
  assert.ok(all.events.every((event) => Math.abs(event.at - Date.now()) < 10_000), "`at` is the server's clock");
  assert.deepEqual((await events(room.code, "?since=2")).events.map((event) => event.id), [3]);
  assert.deepEqual(await events(room.code, "?since=3"), { events: [], last: 3 });
  const last = await fetch(`${base(room.code)}/last`);
  assert.deepEqual(await last.json(), { last: 3 });

  const report = await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.lanes.poll.requests === 4);
  assert.deepEqual([report.lanes.poll.answers, report.lanes.poll.empty, report.lanes.poll.delivered], [4, 2, 4]);
  assert.ok(report.lanes.poll.headerBytesPerMessage! > 200, `${report.lanes.poll.headerBytesPerMessage} B of headers per exchange`);
  await presenter.close();
});

test("a long poll is held until an event arrives, then answered at once", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  await fire(presenter, 1);
  const started = Date.now();
  const held = events(room.code, "?since=1&wait=20");
  await reportWhere<DeliveryReport>(presenter, "delivery", (report) => report.held === 1);
  await sleep(300); // the poll is held a while before the event: "it really waited" below
  const firedAt = Date.now();
  presenter.send({ type: "stream", action: "fire" });
  const answer = await held;
  const answeredAt = Date.now();
  assert.deepEqual(answer.events.map((event) => event.id), [2]);
  assert.equal(answer.last, 2);
  assert.equal(answer.timeout, undefined);
  assert.ok(answeredAt - firedAt < 1_000, `answered ${answeredAt - firedAt} ms after the event`);
  assert.ok(answeredAt - started >= 300, "it really waited");
  const report = await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.lanes.longpoll.answers === 1);
  assert.deepEqual([report.held, report.lanes.longpoll.delivered, report.lanes.longpoll.empty], [0, 1, 0]);
  await presenter.close();
});

test("a long poll with news waiting, or a cursor from before a restart, is answered at once", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  await fire(presenter, 1);
  await fire(presenter, 2);
  const started = Date.now();
  assert.deepEqual((await events(room.code, "?since=0&wait=20")).events.map((event) => event.id), [1, 2]);
  assert.deepEqual(await events(room.code, "?since=999&wait=20"), { events: [], last: 2 });
  assert.ok(Date.now() - started < 2_000);
  await presenter.close();
});

test("a long poll with nothing new times out cleanly at its hold limit: 200, no events, the timeout stated", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const started = Date.now();
  const answer = await events(room.code, "?since=0&wait=1");
  const took = Date.now() - started;
  assert.deepEqual(answer, { events: [], last: 0, timeout: 1 });
  assert.ok(took >= 950 && took < 3_000, `held ${took} ms`);
  const report = await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.lanes.longpoll.answers === 1);
  assert.deepEqual([report.held, report.lanes.longpoll.empty], [0, 1]);
  await presenter.close();
});

test("the WebSocket lane: one `event` frame per phone on it, counted with its 2-byte header, and latency reports", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const [ws1] = await joinAsAudience(server, room.code, "phone-ws-one");
  const [ws2] = await joinAsAudience(server, room.code, "phone-ws-two");
  const [polling] = await joinAsAudience(server, room.code, "phone-polling");
  ws1.send({ type: "lane", lane: "ws" });
  ws2.send({ type: "lane", lane: "ws" });
  polling.send({ type: "lane", lane: "poll" });
  await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.lanes.ws.phones === 2 && r.lanes.poll.phones === 1);

  presenter.send({ type: "stream", action: "fire" });
  const [one, two] = await Promise.all([ws1.nextOfType("event"), ws2.nextOfType("event")]);
  assert.equal(one.id, 1);
  assert.deepEqual(two, one);
  ws1.send({ type: "seen", id: 1, latency: 12 });
  ws1.send({ type: "seen", id: 1, latency: 500 }); // a repeat: ignored
  ws2.send({ type: "seen", id: 1, latency: 20 });
  const report = await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.lanes.ws.latency.count === 2);
  assert.equal(report.lanes.ws.frames, 2);
  assert.equal(report.lanes.ws.delivered, 2);
  const frame = JSON.stringify({ type: "event", id: one.id, at: one.at } satisfies EventMessage);
  assert.equal(report.lanes.ws.bytesDown, 2 * (2 + frame.length));
  assert.equal(report.lanes.ws.headerBytesPerMessage, 2);
  assert.deepEqual(report.lanes.ws.latency, { count: 2, mean: 16, max: 20 });
  assert.equal(polling.unreadMessages().some((m) => m.type === "event"), false, "the polling phone gets no push");

  // A phone that leaves the lane (its slide moved on) is no longer pushed to.
  ws2.send({ type: "lane", lane: null });
  await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.lanes.ws.phones === 1);
  presenter.send({ type: "stream", action: "fire" });
  assert.equal((await ws1.nextOfType("event")).id, 2);
  // The room pushes an event to every phone on the lane in one go: anything ws2 got comes before this pong.
  ws2.send({ type: "ping", id: "after-event-2" });
  await ws2.next((m) => m.type === "pong" && m.id === "after-event-2");
  assert.equal(ws2.unreadMessages().some((m) => m.type === "event" && m.id === 2), false);

  // Zerar: counters start again, the phones stay.
  presenter.send({ type: "reset", feature: "delivery" });
  const fresh = await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.last?.id === 2 && r.lanes.ws.frames === 0);
  assert.deepEqual(fresh.lanes.ws.latency, { count: 0, mean: null, max: null });
  assert.equal(fresh.lanes.ws.phones, 1);
  for (const socket of [ws1, ws2, polling, presenter]) await socket.close();
});

test("the ticker runs on its own until stopped; phones may not drive it", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const [phone] = await joinAsAudience(server, room.code, "phone-ticker");
  phone.send({ type: "stream", action: "start" });
  const refusal = await phone.nextOfType("error");
  assert.equal(refusal.code, "forbidden");
  assert.equal(refusal.ref, "stream");

  presenter.send({ type: "stream", action: "start" });
  await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.running && r.last?.id === 1); // the first event comes at once
  await reportWhere<DeliveryReport>(presenter, "delivery", (r) => (r.last?.id ?? 0) >= 2, 6_000); // the next ~3 s later
  presenter.send({ type: "stream", action: "stop" });
  const stopped = await reportWhere<DeliveryReport>(presenter, "delivery", (r) => !r.running && r.last !== null);
  await sleep(4_000); // longer than the ticker's period (TICK_MS ± jitter): a tick would have fired
  assert.equal((await events(room.code, `?since=${stopped.last!.id}`)).events.length, 0, "no event after stop");
  for (const socket of [phone, presenter]) await socket.close();
});

// ── Refusals ─────────────────────────────────────────────────────────────────────────────────

async function refusal(url: string, init?: RequestInit): Promise<{ status: number; detail: string | undefined }> {
  const response = await fetch(url, init);
  assert.equal(response.headers.get("content-type"), "application/json");
  const body = (await response.json()) as { type: string; code: string; detail?: string };
  assert.equal(body.type, "error");
  return { status: response.status, detail: body.detail };
}

test("bad `since` and `wait` values, unknown or repeated parameters get a 400 whose detail says which", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const url = `${base(room.code)}/events`;
  for (const query of ["?since=-1", "?since=1.5", "?since=abc", "?since=99999999999", "?since=", "?since=01"]) {
    assert.deepEqual(await refusal(url + query), { status: 400, detail: "since" }, query);
  }
  assert.deepEqual(await refusal(url), { status: 400, detail: "since_missing" });
  assert.deepEqual(await refusal(`${url}?since=0&wait=26`), { status: 400, detail: "wait" });
  assert.deepEqual(await refusal(`${url}?since=0&wait=0`), { status: 400, detail: "wait" });
  assert.deepEqual(await refusal(`${url}?since=0&callback=x`), { status: 400, detail: "param:callback" });
  assert.deepEqual(await refusal(`${url}?since=0&since=1`), { status: 400, detail: "repeated:since" });
  // None of that counted as a delivery request (the next report, after an event, says so).
  presenter.send({ type: "stream", action: "fire" });
  const report = await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.last?.id === 1);
  assert.equal(report.lanes.poll.requests + report.lanes.longpoll.requests, 0);
  await presenter.close();
});

/** A GET with a body, which fetch refuses to send. */
function getWithBody(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "GET", headers: { "content-type": "text/plain", "content-length": String(body.length) } }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

test("oversized requests: a long URL gets 414, a body 413, another method 405, another route 404", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const url = `${base(room.code)}/events`;
  const long = await refusal(`${url}?since=0&pad=${"a".repeat(3_000)}`);
  assert.equal(long.status, 414);
  assert.equal(long.detail, "url_max_2048");
  const body = await getWithBody(`${url}?since=0`, "x".repeat(100));
  assert.equal(body.status, 413);
  assert.equal(JSON.parse(body.text).detail, "body");
  const post = await fetch(`${url}?since=0`, { method: "POST", body: "{}" });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get("allow"), "GET, OPTIONS");
  await post.body?.cancel();
  assert.equal((await refusal(`${base(room.code)}/stream?since=0`)).status, 404);
  assert.equal((await refusal(`${server.origin}/parties/main/ZZZZZ/delivery/events?since=0`)).status, 404, "no such room");
  await presenter.close();
});

test(`a room holds at most ${HELD_MAX} long polls, one per phone: nobody is turned away, abandoned ones make room`, async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const pids = await Promise.all(Array.from({ length: HELD_MAX + 1 }, (_, i) => participant(server, room.code, `poller-${i}`)));
  const url = (pid: string) => `${base(room.code)}/events?since=0&wait=10&pid=${pid}`;
  const body = async (response: Promise<Response>) => (await (await response).json()) as EventsAnswer;
  const held = pids.slice(0, HELD_MAX).map((pid) => fetch(url(pid)));
  await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.held === HELD_MAX, 15_000);
  // One more: held too, and the oldest (abandoned, or merely first) is answered at once, empty.
  const newcomer = fetch(url(pids[HELD_MAX]!));
  assert.deepEqual(await body(held[0]!), { events: [], last: 0 });
  // A phone's second long poll (a reload, a second tab) answers its first.
  const again = fetch(url(pids[1]!));
  assert.deepEqual(await body(held[1]!), { events: [], last: 0 });
  await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.held === HELD_MAX, 5_000);
  // A long poll without an id the room issued is refused: made-up ids can't fill the slots.
  assert.deepEqual(await refusal(`${base(room.code)}/events?since=0&wait=10&pid=${"Z".repeat(38)}`), { status: 400, detail: "pid" });
  assert.deepEqual(await refusal(`${base(room.code)}/events?since=0&wait=10`), { status: 400, detail: "pid" });

  presenter.send({ type: "stream", action: "fire" }); // one event answers all the others at once
  const answers = await Promise.all([...held.slice(2), newcomer, again].map(body));
  assert.ok(answers.every((b) => b.events.length === 1 && b.events[0]!.id === 1));
  const report = await reportWhere<DeliveryReport>(presenter, "delivery", (r) => r.held === 0 && r.lanes.longpoll.delivered === HELD_MAX);
  assert.equal(report.lanes.longpoll.answers, HELD_MAX + 2);
  await presenter.close();
});
