import { test } from "node:test";
import assert from "node:assert/strict";
import * as v from "valibot";
import { POINTER_MESSAGES, ROOM_POINTS_MAX, SLIDE_STROKES_MAX, STROKE_POINTS_MAX, type Point } from "../../src/features/pointer/protocol.ts";
import { InkModel, InkOutbox, phoneInkMs } from "../../src/features/pointer/frames.ts";
import { INK_EVERY_MS, MIN_STEP, Pen, roundCoord, simplify, slidePoint, Throttle } from "../../src/features/pointer/rules.ts";
import { StrokeBook } from "../../src/features/pointer/strokes.ts";
import { parseClientMessage } from "../../src/room/messages.ts";
import { MESSAGES } from "../../src/features/index.ts";

test("the throttle lets out at most 30 a second, and always the latest", () => {
  const throttle = new Throttle<Point>();
  const sent: Array<{ at: number; value: Point }> = [];
  // 300 positions in 2 s, one every 6.67 ms; the caller takes whenever wait() says it may.
  for (let i = 0; i < 300; i++) {
    const now = (i * 2000) / 300;
    throttle.offer([i / 300, 0.5]);
    const taken = throttle.take(now);
    if (taken) sent.push({ at: now, value: taken.value });
  }
  const wait = throttle.wait(2000);
  assert.notEqual(wait, null, "the last position still waits");
  const last = throttle.take(2000 + wait!);
  assert.ok(last);
  sent.push({ at: 2000 + wait!, value: last.value });
  assert.ok(sent.length <= 2 * 30 + 1, `${sent.length} sent in 2 s`);
  assert.ok(sent.length >= 2 * 25, `${sent.length} sent: it doesn't starve`);
  for (let i = 1; i < sent.length; i++) assert.ok(sent[i]!.at - sent[i - 1]!.at >= INK_EVERY_MS, "never two within INK_EVERY_MS");
  assert.deepEqual(sent.at(-1)!.value, [299 / 300, 0.5], "the latest position goes last");
  assert.equal(throttle.wait(5000), null, "nothing waits once it went");
  assert.equal(throttle.take(5000), null);
});

test("coordinates are in slide space, rounded to 3 decimals, null outside the slide (unless clamped)", () => {
  const box = { left: 100, top: 50, width: 1600, height: 900 };
  assert.deepEqual(slidePoint(100 + 400, 50 + 360, box), [0.25, 0.4]);
  assert.deepEqual(slidePoint(100 + 1600 / 3, 50 + 900 / 7, box), [0.333, 0.143]);
  assert.equal(slidePoint(99, 60, box), null, "left of the slide");
  assert.equal(slidePoint(500, 951, box), null, "below it");
  assert.deepEqual(slidePoint(2000, 10, box, true), [1, 0], "clamped to its edge");
  assert.equal(slidePoint(10, 10, { left: 0, top: 0, width: 0, height: 0 }), null, "no box, no point");
  // A portrait phone's 16:9 picture of the slide gives the same point for the same place.
  const phone = { left: 12, top: 80, width: 336, height: 189 };
  assert.deepEqual(slidePoint(12 + 336 * 0.25, 80 + 189 * 0.4, phone), [0.25, 0.4]);
  assert.equal(roundCoord(0.12345), 0.123);
  assert.equal(roundCoord(0.9996), 1);
});

test("the room's schema takes finite coordinates in [0, 1] only", () => {
  const pointer = POINTER_MESSAGES.pointer.schema;
  assert.ok(v.is(pointer, { type: "pointer", slide: 31, at: [0, 1] }));
  assert.ok(v.is(pointer, { type: "pointer", slide: 31, at: null }), "null: the laser is off");
  for (const at of [[1.0001, 0.5], [-0.001, 0.5], [Number.NaN, 0.5], [0.5, Number.POSITIVE_INFINITY], [0.5], ["0.5", 0.5], [0.5, 0.5, 0.5]]) {
    assert.ok(!v.is(pointer, { type: "pointer", slide: 31, at }), JSON.stringify(at));
  }
  // On the wire: 1e999 is Infinity once parsed; the error says which field.
  const parsed = parseClientMessage('{"type":"stroke","slide":3,"id":7,"points":[[0.5,1e999]]}', MESSAGES, "presenter");
  assert.deepEqual(parsed, { ok: false, error: { type: "error", code: "bad_message", ref: "stroke", detail: "points.0.1" } });
  const forbidden = parseClientMessage('{"type":"pointer","slide":3,"at":[0.5,0.5]}', MESSAGES, "screen");
  assert.deepEqual(forbidden, { ok: false, error: { type: "error", code: "forbidden", ref: "pointer", detail: "presenter" } });
});

test("simplify drops points closer than MIN_STEP to the one kept before, and rounds", () => {
  const points: Point[] = [
    [0.1, 0.1],
    [0.1001, 0.1001], // a hand at rest
    [0.1 + MIN_STEP / 2, 0.1],
    [0.1 + MIN_STEP * 2, 0.1],
    [0.12345, 0.16789],
  ];
  assert.deepEqual(simplify(points, null), [
    [0.1, 0.1],
    [0.108, 0.1],
    [0.123, 0.168],
  ]);
  assert.deepEqual(simplify([[0.1002, 0.1]], [0.1, 0.1]), [], "nothing new after the last kept point");
});

test("the pen sends a stroke in pieces at most every INK_EVERY_MS, and splits a stroke at STROKE_POINTS_MAX", () => {
  let ids = 0;
  const pen = new Pen(() => ++ids);
  pen.begin(4, [0, 0.5]);
  assert.deepEqual(pen.take(0, 64), [{ slide: 4, id: 1, points: [[0, 0.5]] }]);
  pen.move([[0.01, 0.5]]);
  assert.deepEqual(pen.take(10, 64), [], "too soon");
  assert.equal(pen.wait(10), INK_EVERY_MS - 10);
  pen.move([[0.02, 0.5], [0.0201, 0.5]]);
  assert.deepEqual(pen.take(INK_EVERY_MS, 64), [{ slide: 4, id: 1, points: [[0.01, 0.5], [0.02, 0.5]] }]);
  assert.equal(pen.wait(100), null, "all sent");
  // A long line: past STROKE_POINTS_MAX it goes on as stroke 2, from the last point of stroke 1.
  const line: Point[] = Array.from({ length: STROKE_POINTS_MAX + 10 }, (_, i) => [0.1 + (i % 100) * 0.005, 0.6 + Math.floor(i / 100) * 0.1]);
  pen.move(line);
  pen.end();
  const pieces = pen.take(1000, 64);
  const first = pieces.filter((piece) => piece.id === 1).reduce((n, piece) => n + piece.points.length, 0);
  assert.equal(first + 3, STROKE_POINTS_MAX, "stroke 1 is full (3 points sent before)");
  assert.ok(pieces.every((piece) => piece.points.length <= 64), "pieces within the protocol's bound");
  const second = pieces.filter((piece) => piece.id === 2);
  assert.equal(second.reduce((n, piece) => n + piece.points.length, 0), 1 + 13, "the line went on as stroke 2: its joint and the 13 points left");
  const lastOfFirst = pieces.filter((piece) => piece.id === 1).at(-1)!.points.at(-1);
  assert.deepEqual(second[0]!.points[0], lastOfFirst, "joined: stroke 2 starts where stroke 1 ended");
});

test("the room's strokes are kept per slide, within their bounds", () => {
  const book = new StrokeBook();
  assert.deepEqual(book.add(3, 10, [[0.1, 0.1], [0.2, 0.2]]), { from: 0 });
  assert.deepEqual(book.add(3, 10, [[0.3, 0.3]]), { from: 2 });
  assert.deepEqual(book.add(5, 11, [[0.123456, 0.5]]), { from: 0 });
  assert.deepEqual(book.toJSON(), { 3: [{ id: 10, points: [[0.1, 0.1], [0.2, 0.2], [0.3, 0.3]] }], 5: [{ id: 11, points: [[0.123, 0.5]] }] });
  assert.deepEqual(book.summary(), [{ id: 4, strokes: 1, points: 3 }, { id: 6, strokes: 1, points: 1 }], "export: each slide drawn on, numbered from 1");

  const full = Array.from({ length: STROKE_POINTS_MAX - 3 }, (): Point => [0.5, 0.5]);
  assert.deepEqual(book.add(3, 10, full), { from: 3 });
  assert.deepEqual(book.add(3, 10, [[0.5, 0.5]]), { full: "stroke_points" });
  for (let id = 100; book.strokesOf(7).length < SLIDE_STROKES_MAX; id++) book.add(7, id, [[0.5, 0.5]]);
  assert.deepEqual(book.add(7, 1, [[0.5, 0.5]]), { full: "slide_strokes" });
  assert.deepEqual(book.add(7, 100, [[0.6, 0.6]]), { from: 1 }, "an existing stroke may still grow");

  assert.equal(book.clear(3), true);
  assert.equal(book.clear(3), false, "nothing left to clear");
  assert.deepEqual(book.strokesOf(3), []);
  assert.deepEqual(Object.keys(book.toJSON()), ["5", "7"], "the other slides keep theirs");

  const crowded = new StrokeBook();
  let id = 1;
  while (crowded.totalPoints + 250 <= ROOM_POINTS_MAX) assert.ok("from" in crowded.add(id % 30, id++, Array.from({ length: 250 }, (): Point => [0.5, 0.5])));
  assert.deepEqual(crowded.add(40, id, Array.from({ length: 251 }, (): Point => [0.5, 0.5])), { full: "room_points" });

  // Storage round trip; junk is left out.
  const again = new StrokeBook({ ...book.toJSON(), x: [], 9: [{ id: 1, points: [[2, 0]] }, { id: 2, points: "no" }] });
  assert.deepEqual(again.toJSON(), book.toJSON());
});

test("the outbox coalesces a window: the latest laser, merged pieces, a clear drops what came before it", () => {
  const outbox = new InkOutbox();
  assert.equal(outbox.empty, true);
  for (let i = 0; i < 100; i++) outbox.point(2, { slide: 2, at: [i / 100, 0.5] });
  outbox.piece(2, 7, 0, [[0.1, 0.1]]);
  outbox.piece(2, 7, 1, [[0.2, 0.2], [0.3, 0.3]]);
  outbox.piece(4, 8, 0, [[0.5, 0.5]]);
  outbox.clear(4);
  outbox.piece(4, 9, 0, [[0.6, 0.6]]);
  assert.deepEqual(outbox.take(), [
    { type: "ink", slide: 2, pieces: [{ id: 7, from: 0, points: [[0.1, 0.1], [0.2, 0.2], [0.3, 0.3]] }], pointer: [0.99, 0.5] },
    { type: "ink", slide: 4, clear: true, pieces: [{ id: 9, from: 0, points: [[0.6, 0.6]] }] },
  ]);
  assert.equal(outbox.empty, true);
  outbox.point(2, null);
  assert.deepEqual(outbox.take(), [{ type: "ink", slide: 2, pointer: null }], "the laser off is sent too");
});

test("phones get 30 frames a second, slower past the room's budget", () => {
  assert.equal(phoneInkMs(1), INK_EVERY_MS);
  assert.equal(phoneInkMs(300), INK_EVERY_MS);
  assert.equal(phoneInkMs(1000), 100);
  assert.ok(1000 / phoneInkMs(5000) * 5000 <= 10_000, "the sends stay level");
});

test("a screen folds frames idempotently: a piece seen twice draws once", () => {
  const model = new InkModel();
  model.load({ slides: { 2: [{ id: 7, points: [[0.1, 0.1], [0.2, 0.2]] }] }, pointer: null });
  model.fold({ type: "ink", slide: 2, pieces: [{ id: 7, from: 1, points: [[0.2, 0.2], [0.3, 0.3]] }], pointer: [0.4, 0.4] });
  assert.deepEqual(model.strokes(2), [[[0.1, 0.1], [0.2, 0.2], [0.3, 0.3]]]);
  assert.deepEqual(model.pointer, { slide: 2, at: [0.4, 0.4] });
  model.fold({ type: "ink", slide: 2, clear: true, pieces: [{ id: 9, from: 0, points: [[0.5, 0.5]] }], pointer: null });
  assert.deepEqual(model.strokes(2), [[[0.5, 0.5]]]);
  assert.equal(model.pointer, null);
  assert.deepEqual(model.strokes(3), []);
});
