/**
 * The presenter's pointer and pen against a real `partykit dev`: a laser streamed far faster than
 * 30 a second reaches a phone coalesced, its last position exact; strokes are kept per slide and
 * whole for a socket that connects later; a clear reaches everyone; nobody but the presenter may
 * draw; a bad coordinate is a typed error that changes nothing.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { SLIDE_STROKES_MAX, type Point, type PointerReport } from "../../src/features/pointer/protocol.ts";
import { INK_EVERY_MS } from "../../src/features/pointer/rules.ts";
import type { InkFrame, ServerMessage } from "../../src/room/wire.ts";
import { CLOSE_CODES } from "../../src/room/errors.ts";
import type { TestSocket } from "./client.ts";
import { createRoom, joinAsAudience, joinAsPresenter, joinAsScreen, joinWithKey } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { reportWhere, sleep, until } from "./support.ts";

let server: PartyServer;
before(async () => (server = await startPartyServer()));
after(() => server.dispose());

/** The frame on the slide where the talk explains the frame (index 31: slide 32). */
const FRAME_SLIDE = 31;

const inkFrames = (socket: TestSocket): InkFrame[] => socket.frames.map((text) => JSON.parse(text) as ServerMessage).filter((message): message is InkFrame => message.type === "ink");
const isError = (message: ServerMessage) => message.type === "error";

test("300 laser positions in 2 s reach a phone and the projector coalesced (≤ 30 a second), the last one exactly, then 'off'", async () => {
  const room = await createRoom(server);
  const [presenter] = await joinAsPresenter(server, room);
  const [screen] = await joinAsScreen(server, room);
  const [phone] = await joinAsAudience(server, room.code, "laser-phone");
  await reportWhere<PointerReport>(phone, "pointer");

  const sent: Point[] = Array.from({ length: 300 }, (_, i) => [Math.round((0.1 + (i / 300) * 0.8) * 1000) / 1000, 0.4]);
  const started = Date.now();
  for (const [i, at] of sent.entries()) {
    presenter.send({ type: "pointer", slide: FRAME_SLIDE, at });
    await sleep(Math.max(0, started + ((i + 1) * 2000) / 300 - Date.now()));
  }
  const last = sent.at(-1)!;
  const lastOf = (socket: TestSocket) => inkFrames(socket).findLast((frame) => frame.pointer !== undefined)?.pointer;
  await until(() => JSON.stringify(lastOf(phone)) === JSON.stringify(last) && JSON.stringify(lastOf(screen)) === JSON.stringify(last), { what: "the last position, on the phone and the screen" });
  const elapsed = (Date.now() - started) / 1000;

  for (const [name, socket] of [["phone", phone], ["screen", screen]] as const) {
    const frames = inkFrames(socket).filter((frame) => frame.pointer !== undefined);
    assert.ok(frames.length <= Math.ceil(elapsed * (1000 / INK_EVERY_MS)) + 1, `${name}: ${frames.length} frames in ${elapsed.toFixed(2)} s: at most ~30 a second`);
    assert.ok(frames.length >= 20, `${name}: ${frames.length} frames: the laser moved on screen along the way`);
    assert.ok(frames.every((frame) => frame.slide === FRAME_SLIDE), `${name}: on the slide it was pointed at`);
    assert.ok(!socket.frames.some((text) => text.includes('"rate_limited"')), `${name}: nothing refused`);
  }
  assert.ok(!presenter.frames.some((text) => text.includes('"error"')), "the presenter's stream was taken whole, never rate_limited");

  presenter.send({ type: "pointer", slide: FRAME_SLIDE, at: null });
  await phone.next((message) => message.type === "ink" && message.pointer === null);
  await screen.next((message) => message.type === "ink" && message.pointer === null);
  // The laser is not the talk's record: a phone that connects now sees no laser.
  const [late] = await joinAsAudience(server, room.code, "laser-late");
  assert.deepEqual(await reportWhere<PointerReport>(late, "pointer"), { slides: {}, pointer: null });
});

test("only the presenter points and draws: a phone and the projector are refused, a screen without the key is not admitted", async () => {
  const room = await createRoom(server);
  const [presenter] = await joinAsPresenter(server, room);
  const [phone] = await joinAsAudience(server, room.code, "refused-phone");
  const [screen] = await joinAsScreen(server, room);
  for (const socket of [phone, screen]) {
    socket.send({ type: "pointer", slide: 3, at: [0.5, 0.5] });
    assert.deepEqual(await socket.next(isError), { type: "error", code: "forbidden", ref: "pointer", detail: "presenter" });
    socket.send({ type: "stroke", slide: 3, id: 1, points: [[0.5, 0.5]] });
    assert.deepEqual(await socket.next(isError), { type: "error", code: "forbidden", ref: "stroke", detail: "presenter" });
    socket.send({ type: "clearStrokes", slide: 3 });
    assert.deepEqual(await socket.next(isError), { type: "error", code: "forbidden", ref: "clearStrokes", detail: "presenter" });
  }
  const keyless = await joinWithKey(server, room.code, "screen", "");
  assert.equal((await keyless.closed).code, CLOSE_CODES.unauthorized, "no key, no screen");

  await sleep(3 * INK_EVERY_MS);
  for (const socket of [presenter, phone, screen]) assert.deepEqual(inkFrames(socket), [], "nothing was relayed");
  const [late] = await joinAsAudience(server, room.code, "refused-late");
  assert.deepEqual(await reportWhere<PointerReport>(late, "pointer"), { slides: {}, pointer: null }, "nothing was kept");
});

test("strokes are kept per slide, relayed as pieces, whole to a socket that connects later, and a clear reaches everyone", async () => {
  const room = await createRoom(server);
  const [presenter] = await joinAsPresenter(server, room);
  const [phone] = await joinAsAudience(server, room.code, "pen-phone");
  await reportWhere<PointerReport>(phone, "pointer");

  // Stroke 7 in three pieces on the frame slide, stroke 8 on slide 5.
  presenter.send({ type: "stroke", slide: FRAME_SLIDE, id: 7, points: [[0.1, 0.2], [0.15, 0.25]] });
  presenter.send({ type: "stroke", slide: FRAME_SLIDE, id: 7, points: [[0.2, 0.3]] });
  await sleep(2 * INK_EVERY_MS);
  presenter.send({ type: "stroke", slide: FRAME_SLIDE, id: 7, points: [[0.25, 0.35], [0.123456, 0.9]] });
  presenter.send({ type: "stroke", slide: 5, id: 8, points: [[0.5, 0.5], [0.6, 0.6]] });
  const stroke7: Point[] = [[0.1, 0.2], [0.15, 0.25], [0.2, 0.3], [0.25, 0.35], [0.123, 0.9]];
  await until(() => inkFrames(phone).some((frame) => frame.slide === 5), { what: "slide 5's stroke on the phone" });

  // The phone saw the pieces, each where it goes in its stroke: together, the whole stroke.
  const drawn = new Map<string, Point[]>();
  for (const frame of inkFrames(phone)) {
    for (const piece of frame.pieces ?? []) {
      const key = `${frame.slide}/${piece.id}`;
      const points = drawn.get(key) ?? [];
      assert.equal(piece.from, points.length, "pieces arrive in order, none missing");
      drawn.set(key, [...points, ...piece.points]);
    }
  }
  assert.deepEqual(Object.fromEntries(drawn), { [`${FRAME_SLIDE}/7`]: stroke7, "5/8": [[0.5, 0.5], [0.6, 0.6]] });

  // A phone that connects now (or reloads) gets every slide's strokes, whole.
  const expected: PointerReport = { slides: { 5: [{ id: 8, points: [[0.5, 0.5], [0.6, 0.6]] }], [FRAME_SLIDE]: [{ id: 7, points: stroke7 }] }, pointer: null };
  const [late] = await joinAsAudience(server, room.code, "pen-late");
  assert.deepEqual(await reportWhere<PointerReport>(late, "pointer"), expected);
  const [screen] = await joinAsScreen(server, room);
  assert.deepEqual(await reportWhere<PointerReport>(screen, "pointer"), expected);

  // The presenter's results download says where it drew, and how much (slides numbered from 1).
  const exported = (await (await fetch(`${server.origin}/parties/main/${room.code}/export`, { headers: { authorization: `Bearer ${room.key}` } })).json()) as { pointer: unknown };
  assert.deepEqual(exported.pointer, [{ id: 6, strokes: 1, points: 2 }, { id: FRAME_SLIDE + 1, strokes: 1, points: 5 }]);

  // Clear the frame slide: everyone hears it; slide 5 keeps its stroke.
  presenter.send({ type: "clearStrokes", slide: FRAME_SLIDE });
  for (const socket of [phone, late, screen, presenter]) await socket.next((message) => message.type === "ink" && message.slide === FRAME_SLIDE && message.clear === true);
  const [after] = await joinAsAudience(server, room.code, "pen-after");
  assert.deepEqual(await reportWhere<PointerReport>(after, "pointer"), { slides: { 5: expected.slides[5]! }, pointer: null });

  // A slide holds SLIDE_STROKES_MAX strokes; one more is refused with a typed error, and not relayed.
  for (let id = 100; id < 100 + SLIDE_STROKES_MAX; id++) presenter.send({ type: "stroke", slide: 9, id, points: [[0.5, 0.5]] });
  presenter.send({ type: "stroke", slide: 9, id: 1, points: [[0.5, 0.5]] });
  assert.deepEqual(await presenter.next(isError), { type: "error", code: "ink_full", ref: "stroke", detail: "slide_strokes" });
  const [full] = await joinAsAudience(server, room.code, "pen-full");
  const report = await reportWhere<PointerReport>(full, "pointer");
  assert.equal(report.slides[9]?.length, SLIDE_STROKES_MAX);
  assert.ok(!report.slides[9]!.some((stroke) => stroke.id === 1));
});

test("out-of-range, infinite or NaN coordinates get a typed error and change nothing", async () => {
  const room = await createRoom(server);
  const [presenter] = await joinAsPresenter(server, room);
  const [phone] = await joinAsAudience(server, room.code, "bad-phone");
  presenter.send({ type: "stroke", slide: 2, id: 1, points: [[0.5, 0.5]] });
  await phone.next((message) => message.type === "ink");

  const refusals: Array<[string, { code: string; ref?: string; detail?: string }]> = [
    ['{"type":"pointer","slide":2,"at":[1.5,0.2]}', { code: "bad_message", ref: "pointer", detail: "at.0" }],
    ['{"type":"pointer","slide":2,"at":[0.2,-0.01]}', { code: "bad_message", ref: "pointer", detail: "at.1" }],
    ['{"type":"pointer","slide":2,"at":[0.2,1e999]}', { code: "bad_message", ref: "pointer", detail: "at.1" }],
    ['{"type":"pointer","slide":2,"at":["NaN",0.2]}', { code: "bad_message", ref: "pointer", detail: "at.0" }],
    ['{"type":"pointer","slide":2,"at":[NaN,0.2]}', { code: "bad_json" }],
    ['{"type":"pointer","slide":2,"at":[0.2,0.2,0.2]}', { code: "bad_message", ref: "pointer", detail: "at.2" }],
    ['{"type":"stroke","slide":2,"id":1,"points":[[0.5,0.6],[0.5,-1e999]]}', { code: "bad_message", ref: "stroke", detail: "points.1.1" }],
    ['{"type":"stroke","slide":2,"id":1,"points":[[0.5,null]]}', { code: "bad_message", ref: "stroke", detail: "points.0.1" }],
    ['{"type":"stroke","slide":2,"id":1,"points":[]}', { code: "bad_message", ref: "stroke", detail: "points" }],
    ['{"type":"stroke","slide":1000,"id":1,"points":[[0.5,0.5]]}', { code: "bad_message", ref: "stroke", detail: "slide" }],
  ];
  for (const [raw, expected] of refusals) {
    presenter.send(raw);
    assert.deepEqual(await presenter.next(isError), { type: "error", ...expected }, raw);
  }
  await sleep(3 * INK_EVERY_MS);
  assert.equal(inkFrames(phone).length, 1, "nothing more reached the phone");
  const [late] = await joinAsAudience(server, room.code, "bad-late");
  assert.deepEqual(await reportWhere<PointerReport>(late, "pointer"), { slides: { 2: [{ id: 1, points: [[0.5, 0.5]] }] }, pointer: null });
});

test("strokes a phone saw survive a killed and restarted server; the laser doesn't", async () => {
  const first = await startPartyServer();
  let second: PartyServer | undefined;
  try {
    const room = await createRoom(first);
    const [presenter] = await joinAsPresenter(first, room);
    const [phone] = await joinAsAudience(first, room.code, "restart-phone");
    presenter.send({ type: "stroke", slide: FRAME_SLIDE, id: 3, points: [[0.2, 0.2], [0.4, 0.3]] });
    presenter.send({ type: "pointer", slide: FRAME_SLIDE, at: [0.5, 0.5] });
    await phone.next((message) => message.type === "ink" && message.pieces !== undefined);
    await first.kill();

    second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
    const [again] = await joinAsAudience(second, room.code, "restart-phone");
    assert.deepEqual(await reportWhere<PointerReport>(again, "pointer"), { slides: { [FRAME_SLIDE]: [{ id: 3, points: [[0.2, 0.2], [0.4, 0.3]] }] }, pointer: null });
  } finally {
    await second?.stop();
    await first.dispose();
  }
});
