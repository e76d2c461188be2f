/**
 * The HTTP demos against a real `partykit dev`: the requests demo's greeting route and the pages
 * demo's two routes, their refusals, and the sizes the server reports to the presenter — checked
 * against the bytes that really crossed a raw TCP socket.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { newRoomCode } from "../../src/room/codes.ts";
import type { RequestsReport } from "../../src/features/requests/exchangeLog.ts";
import type { Hello } from "../../src/features/requests/hello.ts";
import { perLoad, type PagesReport } from "../../src/features/pages/pageTally.ts";
import { joinAsAudience, participant, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { reportOf, reportWhere, sleep } from "./support.ts";

let server: PartyServer;
before(async () => (server = await startPartyServer()));
after(() => server.dispose());

/**
 * A request written byte by byte, and every byte of its answer (read up to its Content-Length:
 * the dev server keeps the connection a while after answering).
 */
function rawGet(path: string, accept = "*/*"): Promise<{ sent: number; received: Buffer }> {
  const head =
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAccept: ${accept}\r\n` +
    // The runtime rewrites any accept-encoding to this; sending it as is keeps the count exact.
    "Accept-Encoding: br, gzip\r\nConnection: close\r\n\r\n";
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1", () => socket.write(head));
    let received = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = /\r\ncontent-length: (\d+)\r\n/i.exec(received.subarray(0, end + 2).toString("latin1"));
      assert.ok(length, "the answer says its length (it is not chunked or compressed)");
      if (received.length >= end + 4 + Number(length[1])) {
        socket.destroy();
        resolve({ sent: Buffer.byteLength(head), received });
      }
    });
    socket.on("error", reject);
  });
}

function bodyOf(raw: Buffer): string {
  return raw.subarray(raw.indexOf("\r\n\r\n") + 4).toString("utf8");
}

/** The phone these tests send requests as (its id issued by each test's room). */
const PHONE = "integration-pid-01";

test("a GET to the requests route is greeted, counted and shown to the presenter without its pid", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const PID = await participant(server, room.code, PHONE);
  const [phone] = await joinAsAudience(server, room.code, PHONE);
  const path = `/parties/main/${room.code}/requests/hello?pid=${PID}`;

  const { sent, received } = await rawGet(path);
  assert.match(received.toString("latin1"), /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(received.toString("latin1"), /\r\ncontent-type: application\/json\r\n/i);
  const hello = JSON.parse(bodyOf(received)) as Hello;
  assert.deepEqual(hello, { message: "Olá, celular 1!", number: 1, who: "celular 1", requestBytes: sent });

  const report = await reportWhere<RequestsReport>(presenter, "requests", (r) => r.count === 1, 3_000);
  assert.equal(report.recent.length, 1);
  const [exchange] = report.recent;
  assert.deepEqual(
    { ...exchange, at: 0 },
    {
      id: 1,
      method: "GET",
      path: `/parties/main/${room.code}/requests/hello?pid=…`,
      status: 200,
      requestBytes: sent,
      responseBytes: received.length,
      at: 0,
      who: { device: "phone", n: 1 },
    },
  );
  assert.equal(report.requestBytes, sent);
  assert.equal(report.responseBytes, received.length);
  assert.ok(!presenter.frames.some((frame) => frame.includes(PID)), "the projector never sees a participant id");

  // Another browser (no audience connection with that id) is named apart; the same one keeps its name.
  const other = await fetch(`${server.origin}/parties/main/${room.code}/requests/hello?pid=${await participant(server, room.code, "laptop-of-presenter")}`);
  assert.equal(((await other.json()) as Hello).who, "navegador 1");
  const again = await fetch(`${server.origin}${path}`);
  assert.deepEqual(await again.json(), { message: "Olá, celular 1!", number: 3, who: "celular 1", requestBytes: (await reportWhere<RequestsReport>(presenter, "requests", (r) => r.count === 3, 3_000)).recent[0]!.requestBytes });

  // A phone on an English page asks in English; the record stays the same data.
  const english = (await (await fetch(`${server.origin}${path}&lang=en`)).json()) as Hello;
  assert.deepEqual({ message: english.message, who: english.who }, { message: "Hello, phone 1!", who: "phone 1" });
  assert.deepEqual((await reportWhere<RequestsReport>(presenter, "requests", (r) => r.count === 4, 3_000)).recent[0]!.who, { device: "phone", n: 1 });
  await phone.close();
  await presenter.close();
});

test("the requests route refuses bad input with 4xx JSON, and a fast thumb with 429", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const base = `${server.origin}/parties/main/${room.code}/requests`;
  const PID = await participant(server, room.code, PHONE);
  const expectError = async (response: Response, status: number, code: string) => {
    assert.equal(response.status, status);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.equal(((await response.json()) as { code: string }).code, code);
  };
  await expectError(await fetch(`${base}/hello`), 400, "bad_request");
  await expectError(await fetch(`${base}/hello?pid=short`), 400, "bad_request");
  // An id the room never issued, however well shaped, is refused.
  await expectError(await fetch(`${base}/hello?pid=${"Z".repeat(38)}`), 400, "bad_request");
  await expectError(await fetch(`${base}/hello?pid=${"x".repeat(65)}`), 400, "bad_request");
  await expectError(await fetch(`${base}/hello?pid=${PID}&lang=fr`), 400, "bad_request");
  const post = await fetch(`${base}/hello?pid=${PID}`, { method: "POST" });
  assert.equal(post.headers.get("allow"), "GET, OPTIONS");
  await expectError(post, 405, "bad_request");
  await expectError(await fetch(`${base}/nope?pid=${PID}`), 404, "bad_request");
  await expectError(await fetch(`${base}/hello/more?pid=${PID}`), 404, "bad_request");
  const preflight = await fetch(`${base}/hello?pid=${PID}`, { method: "OPTIONS" });
  assert.equal(preflight.status, 204);
  // None of those reached the record (waits out a report window, 250 ms, for a count that must not come).
  await sleep(400);
  assert.ok(!presenter.unreadMessages().some((m) => (reportOf<RequestsReport>(m, "requests")?.count ?? 0) > 0));

  // Six at once are fine (the bucket), the seventh is told to slow down; other ids are not affected.
  const statuses = [];
  for (let i = 0; i < 7; i++) statuses.push((await fetch(`${base}/hello?pid=${PID}`)).status);
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429]);
  const limited = await fetch(`${base}/hello?pid=${PID}`);
  await expectError(limited, 429, "rate_limited");
  assert.equal((await fetch(`${base}/hello?pid=${await participant(server, room.code, "another-pid-02")}`)).status, 200);

  const report = await reportWhere<RequestsReport>(presenter, "requests", (r) => r.count === 9, 3_000);
  assert.equal(report.refused, 2);
  assert.equal(report.recent.length, 8, "the projector's list is bounded");
  assert.deepEqual(report.recent.map((e) => e.id), [9, 8, 7, 6, 5, 4, 3, 2]);
  assert.deepEqual(report.recent.map((e) => e.status).slice(0, 3), [200, 429, 429]);

  // The presenter starts afresh; a phone may not.
  const [phone] = await joinAsAudience(server, room.code, "some-phone-03");
  phone.send({ type: "reset", feature: "requests" });
  assert.equal((await phone.nextOfType("error")).code, "forbidden");
  presenter.send({ type: "reset", feature: "requests" });
  const cleared = await reportWhere<RequestsReport>(presenter, "requests", (r) => r.count === 0, 3_000);
  assert.deepEqual(cleared, { count: 0, refused: 0, requestBytes: 0, responseBytes: 0, recent: [] });
  await phone.close();
  await presenter.close();
});

test("a room that does not exist has no demo routes", async () => {
  const response = await fetch(`${server.origin}/parties/main/${newRoomCode()}/requests/hello?pid=${"Z".repeat(38)}`);
  assert.equal(response.status, 404);
  assert.equal(((await response.json()) as { code: string }).code, "no_room");
});

test("the pages routes send the same update as a whole page and as JSON, and the server counts each", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const base = `/parties/main/${room.code}/pages`;
  const PID = await participant(server, room.code, PHONE);
  const ENGLISH = await participant(server, room.code, "english-pid-04");

  const page = await rawGet(`${base}/page?pid=${PID}`, "text/html");
  const pageText = page.received.toString("utf8");
  assert.match(pageText, /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(pageText, /\r\ncontent-type: text\/html; charset=utf-8\r\n/i);
  const html = bodyOf(page.received);
  assert.match(html, /^<!DOCTYPE html/);
  assert.match(html, /<\/html>\n$/);
  assert.match(html, /<p class="contador" id="visitas">000001<\/p>/);
  assert.match(html, /<b id="hora">\d\d:\d\d:\d\d UTC<\/b>/, "no zone asked: UTC, and it says so");

  const data = await rawGet(`${base}/data?pid=${PID}`);
  assert.match(data.received.toString("utf8"), /\r\ncontent-type: application\/json\r\n/i);
  const visit = JSON.parse(bodyOf(data.received)) as { visits: number; time: string };
  assert.deepEqual(Object.keys(visit), ["visits", "time"]);
  assert.equal(visit.visits, 2, "one counter, whichever way it is read");
  assert.match(visit.time, /^\d\d:\d\d:\d\d UTC$/);

  const report = await reportWhere<PagesReport>(presenter, "pages", (r) => r.page.loads === 1 && r.data.loads === 1, 3_000);
  assert.equal(report.visits, 2);
  assert.equal(report.page.requestBytes, page.sent);
  assert.equal(report.page.responseHeadBytes + report.page.responseBodyBytes, page.received.length);
  assert.equal(report.page.responseBodyBytes, Buffer.byteLength(html));
  assert.equal(report.data.requestBytes, data.sent);
  assert.equal(report.data.responseHeadBytes + report.data.responseBodyBytes, data.received.length);
  const pageLoad = perLoad(report.page)!;
  const dataLoad = perLoad(report.data)!;
  assert.ok(pageLoad.response > 10 * dataLoad.response, `${pageLoad.response} B vs ${dataLoad.response} B`);
  console.log(`page ${pageLoad.response} B (${pageLoad.responseHead} head), data ${dataLoad.response} B (${dataLoad.responseHead} head)`);

  // Refusals: not counted as loads.
  assert.equal((await fetch(`${server.origin}${base}/page`)).status, 400);
  assert.equal((await fetch(`${server.origin}${base}/data?pid=${PID}`, { method: "DELETE" })).status, 405);
  assert.equal((await fetch(`${server.origin}${base}/everything?pid=${PID}`)).status, 404);
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await fetch(`${server.origin}${base}/data?pid=${PID}`)).status);
  assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429], "one bucket for both routes (two taken above)");
  const after = await reportWhere<PagesReport>(presenter, "pages", (r) => r.data.loads === 5, 3_000);
  assert.equal(after.page.loads, 1);
  assert.equal(after.visits, 6);

  // A phone on an English page gets the page in English: the same counter, other words.
  assert.equal((await fetch(`${server.origin}${base}/page?pid=${ENGLISH}&lang=xx`)).status, 400);
  const english = await (await fetch(`${server.origin}${base}/page?pid=${ENGLISH}&lang=en`)).text();
  assert.match(english, /<html [^>]*lang="en"/);
  assert.match(english, /<h1>Web Portal 2005<\/h1>/);
  assert.match(english, /<p class="contador" id="visitas">000007<\/p>/);

  // A viewer's zone: their wall clock, labelled (Tokyo has no daylight saving time: always GMT+9).
  const tokyo = (await (await fetch(`${server.origin}${base}/data?pid=${ENGLISH}&tz=Asia/Tokyo`)).json()) as { time: string };
  assert.match(tokyo.time, /^\d\d:\d\d:\d\d GMT\+9$/);
  const utc = (await (await fetch(`${server.origin}${base}/data?pid=${ENGLISH}`)).json()) as { time: string };
  assert.equal(Number(tokyo.time.slice(0, 2)), (Number(utc.time.slice(0, 2)) + 9) % 24);

  presenter.send({ type: "reset", feature: "pages" });
  const cleared = await reportWhere<PagesReport>(presenter, "pages", (r) => r.visits === 0, 3_000);
  assert.equal(cleared.page.loads + cleared.data.loads, 0);
  await presenter.close();
});
