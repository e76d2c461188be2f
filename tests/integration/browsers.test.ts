/** "Onde vive?" against a real `partykit dev`: reports over HTTP, the tally over the room's sockets. */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { newRoomCode } from "../../src/room/codes.ts";
import type { Tally } from "../../src/features/browsers/tally.ts";
import { createRoom, joinAsAudience, joinAsPresenter, participant, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { reportWhere } from "./support.ts";

let server: PartyServer;
before(async () => {
  server = await startPartyServer();
});
after(async () => {
  await server?.dispose();
});

const PIXEL = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

function report(code: string, body: unknown, userAgent = PIXEL, method = "POST"): Promise<Response> {
  return fetch(`${server.origin}/parties/main/${code}/browsers/report`, {
    method,
    headers: { "content-type": "application/json", "user-agent": userAgent },
    body: method === "GET" ? null : typeof body === "string" ? body : JSON.stringify(body),
  });
}

test("phones report over HTTP; the server reads their browsers and tallies each person once", async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const [phone] = await joinAsAudience(server, room.code, "phone-one-1");
  // A presenter who connects gets every demo's report at once, the empty tally among them.
  const empty = await reportWhere<Tally>(presenter, "browsers", () => true, 4_000);
  assert.deepEqual(empty, { round: 0, total: 0, websocket: 0, browsers: [], systems: [] });

  const pid = (name: string) => participant(server, room.code, name);
  const first = await report(room.code, { pid: await pid("phone-one-1"), websocket: true });
  assert.equal(first.status, 200);
  assert.deepEqual(await first.json(), { browser: "Chrome", version: 131, os: "Android", websocket: true, round: 0 });
  assert.equal((await report(room.code, { pid: await pid("phone-two-2"), websocket: true }, IPHONE)).status, 200);
  assert.equal((await report(room.code, { pid: await pid("old-browser-3"), websocket: false }, "Mozilla/4.0 (compatible; MSIE 8.0)")).status, 200);
  // The same person again (a reload) replaces their report rather than adding one.
  assert.equal((await report(room.code, { pid: await pid("phone-one-1"), websocket: true })).status, 200);
  // An id the room never issued counts for nothing (it would stuff the tally).
  assert.equal((await report(room.code, { pid: "Z".repeat(38), websocket: true })).status, 400);

  const expected = (tally: Tally) => tally.total === 3;
  const seen = await reportWhere<Tally>(presenter, "browsers", expected, 4_000);
  assert.equal(seen.websocket, 2);
  assert.deepEqual(
    seen.browsers.map((row) => [row.name, row.count, row.websocket]),
    [
      ["Chrome", 1, 1],
      ["other", 1, 0],
      ["Safari", 1, 1],
    ],
  );
  // The server pushes the same tally to the phones (at most once a second).
  assert.deepEqual(await reportWhere<Tally>(phone, "browsers", expected, 4_000), seen);

  // Reset: a new round, empty, which tells phones to report again.
  presenter.send({ type: "reset", feature: "browsers" });
  assert.deepEqual(await reportWhere<Tally>(presenter, "browsers", (tally) => tally.round === 1, 4_000), { round: 1, total: 0, websocket: 0, browsers: [], systems: [] });
  // Only the presenter may reset.
  phone.send({ type: "reset", feature: "browsers" });
  assert.equal((await phone.nextOfType("error")).code, "forbidden");
  await Promise.all([presenter.close(), phone.close()]);
});

test("bad reports get a clear 4xx and change nothing", async () => {
  const room = await createRoom(server);
  const pid = await participant(server, room.code, "phone-one-1");
  const cases: [body: unknown, status: number, code: string][] = [
    ["{not json", 400, "bad_json"],
    [{ pid: "x", websocket: true }, 400, "bad_message"],
    [{ pid, websocket: "sim" }, 400, "bad_message"],
    [{ pid, websocket: true, extra: 1 }, 400, "bad_message"],
    [`{"pid":"${pid}","websocket":true,"__proto__":{"admin":true}}`, 400, "bad_message"],
    [{ pid, websocket: true, padding: "x".repeat(1000) }, 413, "too_large"],
  ];
  for (const [body, status, code] of cases) {
    const response = await report(room.code, body);
    assert.equal(response.status, status, JSON.stringify(body).slice(0, 60));
    assert.equal(((await response.json()) as { code: string }).code, code);
  }
  const get = await report(room.code, null, PIXEL, "GET");
  assert.equal(get.status, 405);
  // A demo route of a room that doesn't exist, and a route no demo has.
  assert.equal((await report(newRoomCode(), { pid, websocket: true })).status, 404);
  const unknown = await fetch(`${server.origin}/parties/main/${room.code}/nothing/here`);
  assert.equal(unknown.status, 404);
  assert.equal(((await unknown.json()) as { code: string }).code, "bad_request");

  const [presenter] = await joinAsPresenter(server, room);
  assert.equal((await reportWhere<Tally>(presenter, "browsers", () => true, 4_000)).total, 0);
  await presenter.close();
});
