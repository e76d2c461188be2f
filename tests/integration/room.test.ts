/**
 * The room against a real `partykit dev`: HTTP endpoints, roles, deltas, errors, presence,
 * limits. One server for the file; every test makes its own room.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { newRoomCode } from "../../src/room/codes.ts";
import { DEFAULT_RATE } from "../../src/room/limiter.ts";
import type { DeltaMessage, RoomCreated } from "../../src/room/wire.ts";
import { hashKey } from "../../src/room/secret.ts";
import { PRESENCE_GRACE_MS } from "../../src/room/presence.ts";
import { applyDelta, type RoomView, type StateChanges } from "../../src/room/state.ts";
import { TestSocket, allFrames } from "./client.ts";
import { createRoom as createTestRoom, joinAsAudience, joinAsPresenter, joinAsScreen, joinPhones, participant, roomSocketUrl, settled, sync } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { isReport, sleep } from "./support.ts";

let server: PartyServer;
const secrets: string[] = [];

before(async () => {
  server = await startPartyServer();
});

after(async () => {
  await server?.dispose();
});

async function createRoom(): Promise<RoomCreated> {
  const room = await createTestRoom(server);
  secrets.push(room.key, await hashKey(room.key));
  return room;
}

function url(code: string, query: string): string {
  return roomSocketUrl(server, code, query);
}

const presenter = (room: RoomCreated) => joinAsPresenter(server, room);
const audience = (code: string, pid: string) => joinAsAudience(server, code, pid);

/** Waits for a delta whose changes satisfy `match`, ignoring others. */
function deltaWhere(socket: TestSocket, match: (changes: StateChanges) => boolean): Promise<DeltaMessage> {
  return socket.next((message) => message.type === "delta" && match(message.changes)) as Promise<DeltaMessage>;
}

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────

test("POST creates a room once: 201 with a key, then 409 room_exists", async () => {
  const room = await createRoom();
  assert.match(room.key, /^[A-Za-z0-9_-]{43}$/);
  const again = await fetch(`${server.origin}/parties/main/${room.code}`, { method: "POST" });
  assert.equal(again.status, 409);
  assert.equal(again.headers.get("content-type"), "application/json");
  assert.equal(again.headers.get("access-control-allow-origin"), "*");
  assert.deepEqual(await again.json(), { type: "error", code: "room_exists" });
});

test("GET answers 200 with the public state, 404 for an unknown room, 400 for a bad code", async () => {
  const room = await createRoom();
  const found = await fetch(`${server.origin}/parties/main/${room.code}`);
  assert.equal(found.status, 200);
  assert.equal(found.headers.get("access-control-allow-origin"), "*");
  assert.deepEqual(await found.json(), {
    code: room.code,
    exists: true,
    state: { code: room.code, slide: 0, step: 0, presenterOnline: false, audience: 0, timer: { startedAt: null, elapsed: 0 }, poll: null, joinCard: null, joinBadge: true },
  });

  const missing = await fetch(`${server.origin}/parties/main/${newRoomCode()}`);
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { code: string }).code, "no_room");

  for (const bad of ["abcde", "ABCD0", "TOOLONG", "X"]) {
    const response = await fetch(`${server.origin}/parties/main/${bad}`, { method: "POST" });
    assert.equal(response.status, 400, bad);
    assert.equal(((await response.json()) as { code: string }).code, "bad_room");
  }
});

test("OPTIONS answers the CORS preflight; methods other than GET, POST and DELETE get 405", async () => {
  const code = newRoomCode();
  const preflight = await fetch(`${server.origin}/parties/main/${code}`, {
    method: "OPTIONS",
    headers: { origin: "https://example.org", "access-control-request-method": "POST" },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
  assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /POST/);

  for (const method of ["PUT", "PATCH"]) {
    const response = await fetch(`${server.origin}/parties/main/${code}`, { method });
    assert.equal(response.status, 405, method);
    assert.equal(response.headers.get("content-type"), "application/json");
    assert.equal(((await response.json()) as { code: string }).code, "bad_request");
  }
});

// ── Connecting ───────────────────────────────────────────────────────────────────────────────

test("a snapshot greets each connection with its role", async () => {
  const room = await createRoom();
  const [p, pSnap] = await presenter(room);
  assert.deepEqual(pSnap.you, { role: "presenter" });
  assert.equal(pSnap.state.code, room.code);
  assert.equal(typeof pSnap.now, "number");
  const [a, aSnap] = await audience(room.code, "phone-aaaa");
  assert.deepEqual(aSnap.you, { role: "audience", pid: await participant(server, room.code, "phone-aaaa"), votes: {} });
  assert.ok(aSnap.seq >= pSnap.seq);
  await Promise.all([p.close(), a.close()]);
});

test("refusals: wrong key 4001, unknown room 4004, bad pid or role, a key in the URL or no key first 4000 — error first, then close", async () => {
  const room = await createRoom();
  const auth = (key: string) => JSON.stringify({ type: "auth", key });
  // [code, query, the first frame sent, error, close code]
  const cases: Array<[string, string, string | null, string, number]> = [
    [room.code, "role=presenter", auth("wrong"), "unauthorized", 4001],
    [room.code, "role=presenter", auth(""), "unauthorized", 4001],
    [room.code, "role=presenter", auth(await hashKey(room.key)), "unauthorized", 4001],
    [room.code, "role=screen", auth(room.key), "unauthorized", 4001], // the presenter's key is not the projector's
    [room.code, "role=presenter", JSON.stringify({ type: "goto", slide: 1, step: 0 }), "bad_request", 4000],
    [room.code, `role=presenter&key=${room.key}`, null, "bad_request", 4000],
    [newRoomCode(), "role=audience&pid=phone-bbbb", null, "no_room", 4004],
    ["abcde", "role=audience&pid=phone-bbbb", null, "bad_room", 4004],
    [room.code, "role=audience", null, "bad_request", 4000],
    [room.code, "role=audience&pid=short", null, "bad_request", 4000],
    [room.code, `role=audience&pid=${"Z".repeat(38)}`, null, "bad_request", 4000], // well shaped, never issued
    [room.code, "role=reader&pid=phone-bbbb", null, "bad_request", 4000],
    [room.code, "pid=phone-bbbb", null, "bad_request", 4000],
  ];
  await Promise.all(
    cases.map(async ([code, query, first, error, closeCode]) => {
      const socket = await TestSocket.open(url(code, query));
      if (first) socket.send(first);
      const message = await socket.next();
      assert.equal(message.type, "error", query);
      assert.equal(message.type === "error" && message.code, error, query);
      const closed = await socket.closed;
      assert.equal(closed.code, closeCode, query);
      assert.ok(!socket.frames.some((frame) => frame.includes("snapshot")), "a refused socket sees no state");
    }),
  );
  // None of them counted as present.
  const [a] = await audience(room.code, "phone-cccc");
  await deltaWhere(a, (changes) => changes.audience === 1);
  const snapshot = await sync(a);
  assert.equal(snapshot.state.presenterOnline, false);
  await a.close();
});

// ── Driving ──────────────────────────────────────────────────────────────────────────────────

test("the presenter drives: every audience socket gets each goto as the next seq, in order", async () => {
  const room = await createRoom();
  const [p] = await presenter(room);
  const [a1] = await audience(room.code, "phone-1111");
  const [a2] = await audience(room.code, "phone-2222");
  await settled(a1, { audience: 2, presenterOnline: true });
  await settled(a2, { audience: 2, presenterOnline: true });

  // Mirror the room on each phone exactly as a client would, from a fresh snapshot.
  const phones = [a1, a2];
  const views: RoomView[] = [];
  for (const phone of phones) {
    const snapshot = await sync(phone);
    views.push({ seq: snapshot.seq, state: snapshot.state });
  }
  const moves = [
    { slide: 1, step: 0 },
    { slide: 1, step: 1 },
    { slide: 2, step: 0 },
    { slide: 7, step: 3 },
  ];
  for (const move of moves) p.send({ type: "goto", ...move });
  for (const [i, phone] of phones.entries()) {
    for (const move of moves) {
      const view = views[i]!;
      const delta = await phone.next((m) => m.type === "delta" && m.seq > view.seq) as DeltaMessage;
      assert.equal(delta.seq, view.seq + 1, "seq grows by one per delta");
      const expected: StateChanges = {};
      if (move.slide !== view.state.slide) expected.slide = move.slide;
      if (move.step !== view.state.step) expected.step = move.step;
      assert.deepEqual(delta.changes, expected, "a delta carries only what changed");
      views[i] = applyDelta(view, delta);
      assert.deepEqual({ slide: views[i]!.state.slide, step: views[i]!.state.step }, move);
    }
  }
  const fresh = await sync(a1);
  assert.deepEqual(views[0], { seq: fresh.seq, state: fresh.state });
  assert.deepEqual(views[1], views[0]);

  // A goto to where the deck already is changes nothing and costs no seq.
  p.send({ type: "goto", slide: 7, step: 3 });
  p.send({ type: "ping", id: "after-noop" });
  await p.nextOfType("pong");
  assert.equal((await sync(a1)).seq, fresh.seq);
  await Promise.all([p.close(), a1.close(), a2.close()]);
});

test("a remote: a second presenter connection with the key drives too", async () => {
  const room = await createRoom();
  const [laptop] = await presenter(room);
  const [phone] = await presenter(room);
  phone.send({ type: "goto", slide: 4, step: 0 });
  const delta = await deltaWhere(laptop, (changes) => changes.slide === 4);
  assert.equal(delta.changes.step, undefined, "step was already 0");
  await Promise.all([laptop.close(), phone.close()]);
});

test("audience goto or timer is forbidden and changes nothing", async () => {
  const room = await createRoom();
  const [p] = await presenter(room);
  p.send({ type: "goto", slide: 3, step: 1 });
  await deltaWhere(p, (changes) => changes.slide === 3);
  const [a] = await audience(room.code, "phone-evil");
  const before = await sync(a);

  a.send({ type: "goto", slide: 9, step: 0 });
  const error = await a.nextOfType("error");
  assert.equal(error.code, "forbidden");
  assert.equal(error.ref, "goto");
  a.send({ type: "timer", action: "start" });
  assert.equal((await a.nextOfType("error")).code, "forbidden");

  const afterwards = await sync(a);
  assert.equal(afterwards.state.slide, 3);
  assert.equal(afterwards.state.step, 1);
  assert.deepEqual(afterwards.state.timer, { startedAt: null, elapsed: 0 });
  assert.ok(afterwards.seq >= before.seq);
  assert.ok(!p.unreadMessages().some((m) => m.type === "delta" && (m.changes.slide === 9 || m.changes.timer)));
  await Promise.all([p.close(), a.close()]);
});

test("bad frames get typed errors; the socket stays open and the state intact", async () => {
  const room = await createRoom();
  const [p] = await presenter(room);
  p.send({ type: "goto", slide: 5, step: 2 });
  await deltaWhere(p, (changes) => changes.slide === 5);
  const before = await sync(p);

  const frames: Array<[unknown, string, string?]> = [
    ["{not json", "bad_json"],
    ["[1,2,3]", "bad_message"],
    ['{"type":"teleport"}', "unknown_type", "teleport"],
    ['{"type":"goto","slide":"5","step":0}', "bad_message", "goto"],
    ['{"type":"goto","slide":1000,"step":0}', "bad_message", "goto"],
    ['{"type":"goto","slide":1,"step":0,"__proto__":{"admin":true}}', "bad_message"],
    [JSON.stringify({ type: "ping", id: "x", pad: "y".repeat(5 * 1024) }), "too_large"],
    [new Uint8Array([123, 125]), "binary_not_supported"],
  ];
  for (const [frame, code, ref] of frames) {
    p.send(frame);
    const error = await p.nextOfType("error");
    assert.equal(error.code, code, String(frame).slice(0, 40));
    if (ref) assert.equal(error.ref, ref);
  }
  assert.equal(p.ws.readyState, p.ws.OPEN);
  const afterwards = await sync(p);
  assert.equal(afterwards.seq, before.seq, "no bad frame made a change");
  assert.deepEqual(afterwards.state, before.state);
  await p.close();
});

// ── Presence ─────────────────────────────────────────────────────────────────────────────────

test("a screen (the projector) follows, gets the demos' reports, is not counted and cannot drive", async () => {
  const room = await createRoom();
  const [p] = await presenter(room);
  const [screen, snapshot] = await joinAsScreen(server, room);
  assert.deepEqual(snapshot.you, { role: "screen" });
  // Every demo's report, as a presenter gets them on connect.
  assert.ok(await screen.next((m) => isReport(m, "browsers")));
  await settled(p, { audience: 0, presenterOnline: true });

  p.send({ type: "goto", slide: 6, step: 0 });
  await deltaWhere(screen, (changes) => changes.slide === 6);
  for (const message of [{ type: "goto", slide: 1, step: 0 }, { type: "reset", feature: "browsers" }]) {
    screen.send(message);
    assert.equal((await screen.nextOfType("error")).code, "forbidden");
  }
  assert.equal((await sync(screen)).state.slide, 6);
  await Promise.all([p.close(), screen.close()]);
});

test("the presenter shows and hides how to join; the projector follows, and only the presenter may", async () => {
  const room = await createRoom();
  const [p] = await presenter(room);
  const [screen] = await joinAsScreen(server, room);
  const [phone] = await audience(room.code, "join-phone");

  p.send({ type: "showJoin", part: "card", shown: true });
  await deltaWhere(screen, (changes) => changes.joinCard === true);
  p.send({ type: "showJoin", part: "badge", shown: false });
  await deltaWhere(screen, (changes) => changes.joinBadge === false);
  // A new slide goes back to its own choice for the card; the badge stays hidden.
  p.send({ type: "goto", slide: 3, step: 0 });
  await deltaWhere(screen, (changes) => changes.slide === 3 && changes.joinCard === null);
  for (const other of [screen, phone]) {
    other.send({ type: "showJoin", part: "badge", shown: true });
    assert.equal((await other.nextOfType("error")).code, "forbidden");
  }
  const { state } = await sync(phone);
  assert.deepEqual({ card: state.joinCard, badge: state.joinBadge }, { card: null, badge: false });
  await Promise.all([p.close(), screen.close(), phone.close()]);
});

test("the audience counts unique pids; presenterOnline follows the presenter", async () => {
  const room = await createRoom();
  const [watcher] = await audience(room.code, "watcher-0");
  await deltaWhere(watcher, (changes) => changes.audience === 1);

  const [tab1] = await audience(room.code, "same-phone");
  const [tab2] = await audience(room.code, "same-phone");
  await deltaWhere(watcher, (changes) => changes.audience === 2);
  await tab1.close();
  const [reloaded] = await audience(room.code, "same-phone"); // the phone reloads
  await tab2.close();
  await sleep(300); // waits out the presence window (100 ms): a wrong count would have been sent by now
  assert.equal((await sync(watcher)).state.audience, 2, "still two people");
  assert.ok(!watcher.unreadMessages().some((m) => m.type === "delta" && (m.changes.audience ?? 2) !== 2));

  const [p] = await presenter(room);
  await deltaWhere(watcher, (changes) => changes.presenterOnline === true);
  assert.equal((await sync(watcher)).state.audience, 2, "presenters are not audience");
  const closedAt = Date.now();
  await p.close();
  await watcher.next((m) => m.type === "delta" && m.changes.presenterOnline === false, PRESENCE_GRACE_MS + 3_000);
  assert.ok(Date.now() - closedAt >= PRESENCE_GRACE_MS - 200, "a leave is held for the grace period");

  await reloaded.close();
  await watcher.next((m) => m.type === "delta" && m.changes.audience === 1, PRESENCE_GRACE_MS + 3_000);
  await watcher.close();
});

test("reloads are no leaves: a presenter or phone back within the grace period changes nothing on the phones", async () => {
  const room = await createRoom();
  const [p] = await presenter(room);
  const [watcher] = await audience(room.code, "watcher-1");
  const [phone] = await audience(room.code, "reloading-phone");
  const before = await settled(watcher, { audience: 2, presenterOnline: true });

  // The presenter's page reloads (a second passes before its new socket is in), then a phone's does.
  await p.close();
  await sleep(1_000);
  const [again] = await presenter(room);
  await phone.close();
  await sleep(1_000);
  const [phoneAgain] = await audience(room.code, "reloading-phone");
  await sleep(PRESENCE_GRACE_MS + 500); // every held leave has run out by now

  const since = watcher.unreadMessages().filter((m) => m.type === "delta" && m.seq > before.seq);
  assert.deepEqual(since, [], "no phone saw the presenter go offline or the count drop");
  const after = await sync(watcher);
  assert.deepEqual([after.seq, after.state.audience, after.state.presenterOnline], [before.seq, 2, true]);

  // Arrivals still show at once (within the 100 ms window), and a real leave does after the grace period.
  const [newcomer] = await audience(room.code, "newcomer");
  const joinedAt = Date.now();
  await deltaWhere(watcher, (changes) => changes.audience === 3);
  assert.ok(Date.now() - joinedAt < 1_000, `the newcomer counted after ${Date.now() - joinedAt} ms`);
  await newcomer.close();
  await watcher.next((m) => m.type === "delta" && m.changes.audience === 2, PRESENCE_GRACE_MS + 3_000);
  await Promise.all([again.close(), phoneAgain.close(), watcher.close()]);
});

test("a join storm is coalesced into a few presence deltas", async () => {
  const room = await createRoom();
  const [watcher] = await presenter(room);
  await deltaWhere(watcher, (changes) => changes.presenterOnline === true);
  const phones = await joinPhones(server, room.code, 40, "storm-");
  await deltaWhere(watcher, (changes) => changes.audience === 40);
  const presenceDeltas = watcher.frames.filter((frame) => frame.includes('"audience"') && frame.includes('"delta"'));
  assert.ok(presenceDeltas.length <= 10, `${presenceDeltas.length} presence deltas for 40 joins`);
  await Promise.all([watcher.close(), ...phones.map(([socket]) => socket.close())]);
});

// ── Other messages ───────────────────────────────────────────────────────────────────────────

test("ping gets a pong with the same id and the server time", async () => {
  const room = await createRoom();
  const [a] = await audience(room.code, "phone-ping");
  const sent = Date.now();
  a.send({ type: "ping", id: "rtt-1" });
  const pong = await a.nextOfType("pong");
  assert.equal(pong.id, "rtt-1");
  assert.ok(Math.abs(pong.now - sent) < 5_000, "same machine, same clock");
  await a.close();
});

test("sync answers with a snapshot of the current state", async () => {
  const room = await createRoom();
  const [p] = await presenter(room);
  await settled(p, { audience: 0, presenterOnline: true }); // no presence delta after the goto's
  p.send({ type: "goto", slide: 2, step: 1 });
  const delta = await deltaWhere(p, (changes) => changes.slide === 2);
  const snapshot = await sync(p);
  assert.equal(snapshot.seq, delta.seq);
  assert.deepEqual(snapshot.you, { role: "presenter" });
  assert.equal(snapshot.state.slide, 2);
  assert.equal(snapshot.state.step, 1);
  await p.close();
});

test("timer: start, pause, reset with server timestamps", async () => {
  const room = await createRoom();
  const [p] = await presenter(room);
  const [a] = await audience(room.code, "phone-time");
  const quiet = await settled(a, { audience: 1, presenterOnline: true });

  p.send({ type: "timer", action: "start" });
  const started = await deltaWhere(a, (changes) => changes.timer !== undefined);
  assert.equal(started.seq, quiet.seq + 1);
  assert.equal(started.changes.timer?.elapsed, 0);
  assert.equal(typeof started.changes.timer?.startedAt, "number");
  assert.ok(Math.abs(started.changes.timer!.startedAt! - started.now) < 1_000);

  p.send({ type: "timer", action: "start" }); // already running: nothing happens
  await sleep(250); // the timer runs: elapsed ≥ 200 below
  p.send({ type: "timer", action: "pause" });
  const paused = await deltaWhere(a, (changes) => changes.timer !== undefined);
  assert.equal(paused.seq, started.seq + 1, "the second start made no delta");
  assert.equal(paused.changes.timer?.startedAt, null);
  assert.ok(paused.changes.timer!.elapsed >= 200 && paused.changes.timer!.elapsed < 5_000, String(paused.changes.timer!.elapsed));

  p.send({ type: "timer", action: "reset" });
  const reset = await deltaWhere(a, (changes) => changes.timer !== undefined);
  assert.deepEqual(reset.changes.timer, { startedAt: null, elapsed: 0 });
  await Promise.all([p.close(), a.close()]);
});

test("a flood is rate limited, then closed with 4008, while the others are served", async () => {
  const room = await createRoom();
  const [a] = await audience(room.code, "phone-flood");
  const [b] = await audience(room.code, "phone-calm");
  for (let i = 0; i < 300; i++) a.send({ type: "ping", id: String(i) });
  // In the middle of the flood, a calm phone is answered as usual.
  b.send({ type: "ping", id: "during" });
  assert.equal((await b.nextOfType("pong")).id, "during");
  const closed = await a.closed;
  assert.equal(closed.code, 4008);
  const pongs = a.frames.filter((frame) => frame.includes('"pong"')).length;
  const limited = a.frames.filter((frame) => frame.includes('"rate_limited"')).length;
  assert.ok(pongs >= 40 && pongs < 60, `${pongs} pongs`);
  assert.equal(limited, DEFAULT_RATE.maxRefused, `${limited} rate_limited errors`);

  // And after it.
  b.send({ type: "ping", id: "ok" });
  assert.equal((await b.nextOfType("pong")).id, "ok");
  await b.close();
});

// Last: every frame any socket received above, searched for keys and hashes.
test("no frame ever carried a presenter key or its hash", () => {
  assert.ok(allFrames.length > 100, `${allFrames.length} frames checked`);
  assert.ok(secrets.length >= 20);
  for (const frame of allFrames) {
    for (const secret of secrets) assert.ok(!frame.includes(secret), "a secret leaked into a frame");
    assert.ok(!/keyHash|"key"/.test(frame), frame.slice(0, 80));
  }
});
