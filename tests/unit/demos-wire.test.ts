import { test } from "node:test";
import assert from "node:assert/strict";
import { headerLayout, headerSize } from "../../src/diagrams/frameHeader.ts";
import { frameBytes } from "../../src/features/measure/bytes.ts";
import {
  MAX_ROWS,
  NO_TOTALS,
  addToTotals,
  clockTime,
  carriesMirror,
  describeMessage,
  detailOf,
  isCompressed,
  keepLatest,
  selectedRow,
  wireRow,
  type WireRow,
} from "../../src/features/wire/frames.ts";
import * as v from "valibot";
import { WireShownSchema, wireBoard, wireShown } from "../../src/features/wire/shown.ts";
import { wireStrings } from "../../src/features/wire/strings.ts";
import { MAX_FRAME_BYTES } from "../../src/room/messages.ts";
import { utf8Length } from "../../src/room/utf8.ts";

// Every length class of RFC 6455 §5.2 in both directions: [payload bytes, server → client header,
// client → server header]. The client adds the 4-byte masking key; the server never does.
const LENGTH_CLASSES: [number, number, number][] = [
  [0, 2, 6],
  [1, 2, 6],
  [125, 2, 6], // the last length that fits in the 7 bits
  [126, 4, 8], // 126 = "a 16-bit length follows"
  [127, 4, 8],
  [65_535, 4, 8], // the largest 16-bit length
  [65_536, 10, 14], // 127 = "a 64-bit length follows"
  [2 ** 32, 10, 14],
  [Number.MAX_SAFE_INTEGER, 10, 14],
];

test("header size for every length class and direction: 2/4/10 bytes, +4 for the client's mask", () => {
  for (const [payload, fromServer, fromClient] of LENGTH_CLASSES) {
    assert.equal(headerSize(payload, false), fromServer, `server → client, ${String(payload)} bytes`);
    assert.equal(headerSize(payload, true), fromClient, `client → server, ${String(payload)} bytes`);
    assert.equal(frameBytes(payload, false), fromServer + payload);
    assert.equal(frameBytes(payload, true), fromClient + payload);
    // The drawing has exactly the bits the size says, in each direction.
    for (const masked of [false, true]) {
      const bits = headerLayout({ payloadLength: payload, masked }).reduce((sum, field) => sum + field.bits, 0);
      assert.equal(bits, 8 * headerSize(payload, masked));
    }
  }
});

test("a row: direction, UTF-8 payload bytes, header by length class, masked only when sent", () => {
  const at = Date.UTC(2025, 0, 1, 12, 0, 0, 42);
  const ping = '{"type":"ping","id":"wire1"}';
  const out = wireRow({ direction: "out", at, text: ping }, 7);
  assert.deepEqual(out, {
    id: 7,
    direction: "out",
    at,
    type: "ping",
    note: "yours",
    payloadBytes: 28,
    masked: true,
    headerBytes: 6,
    totalBytes: 34,
  });

  const pong = wireRow({ direction: "in", at, text: '{"type":"pong","id":"wire1","now":1735732800042}' }, 8);
  assert.equal(pong.masked, false);
  assert.equal(pong.headerBytes, 2);
  assert.equal(pong.totalBytes, pong.payloadBytes + 2);

  // A snapshot is longer than 125 bytes: its length takes 16 more bits.
  const snapshot = JSON.stringify({
    type: "snapshot",
    seq: 12,
    now: 1795465365931,
    you: { role: "audience", pid: "Xq3v9L0aTzq1bM2cN4dE5f" },
    state: { code: "K7QXM", slide: 4, step: 1, presenterOnline: true, audience: 37, timer: { startedAt: null, elapsed: 0 } },
  });
  const big = wireRow({ direction: "in", at, text: snapshot }, 9);
  assert.ok(big.payloadBytes > 125);
  assert.equal(big.headerBytes, 4);

  // Bytes, not characters: "ã" is 2 bytes in UTF-8, "🎉" is 4.
  const accents = wireRow({ direction: "out", at, text: '{"type":"x","t":"ão🎉"}' }, 10);
  assert.equal(accents.payloadBytes, '{"type":"x","t":"'.length + 2 + 1 + 4 + 2);
});

test("what a frame was: the JSON type, and which one of that type, in no language yet", () => {
  assert.deepEqual(describeMessage('{"type":"ping","id":"hb1735732800000"}'), { type: "ping", note: "heartbeat" });
  assert.deepEqual(describeMessage('{"type":"pong","id":"wire3","now":1}'), { type: "pong", note: "yours" });
  assert.deepEqual(describeMessage('{"type":"ping","id":"rtt9"}'), { type: "ping", note: "rtt" });
  assert.deepEqual(describeMessage('{"type":"ping","id":"r1"}'), { type: "ping", note: "" });
  assert.deepEqual(describeMessage('{"type":"report","feature":"rtt","data":{}}'), { type: "report", note: "rtt" });
  assert.deepEqual(describeMessage('{"type":"delta","seq":3,"now":1,"changes":{"slide":5,"step":0}}'), { type: "delta", note: "slide, step" });
  assert.deepEqual(describeMessage('{"type":"goto","slide":29,"step":0}'), { type: "goto", note: "30" });
  assert.deepEqual(describeMessage('{"type":"error","code":"rate_limited","message":"…"}'), { type: "error", note: "rate_limited" });
  assert.deepEqual(describeMessage('{"type":"sync"}'), { type: "sync", note: "" });
  assert.deepEqual(describeMessage("not json"), { type: "?", note: "" });
  assert.deepEqual(describeMessage("[1,2]"), { type: "?", note: "" });
  assert.deepEqual(describeMessage('{"type":3}'), { type: "?", note: "" });
  assert.equal(describeMessage(`{"type":"${"x".repeat(40)}"}`).type.length, 16, "a long type is cut for the label");
  assert.ok(describeMessage('{"type":"goto","slide":0.333333333333,"step":0}').note.length <= 16, "a note is cut too");
});

test("a note in the viewer's words: senders and slides worded, names from the wire as they are", () => {
  const say = (text: string, locale: "pt-br" | "en", presenters = false) => detailOf(describeMessage(text), wireStrings[locale].detail, presenters);
  assert.equal(say('{"type":"ping","id":"hb1735732800000"}', "pt-br"), "batimento");
  assert.equal(say('{"type":"pong","id":"wire3","now":1}', "pt-br"), "seu");
  assert.equal(say('{"type":"ping","id":"rtt9"}', "pt-br"), "medição");
  assert.equal(say('{"type":"goto","slide":29,"step":0}', "pt-br"), "slide 30");
  assert.equal(say('{"type":"report","feature":"rtt","data":{}}', "pt-br"), "rtt");
  assert.equal(say('{"type":"ping","id":"hb1735732800000"}', "en"), "heartbeat");
  assert.equal(say('{"type":"pong","id":"wire3","now":1}', "en"), "yours");
  assert.equal(say('{"type":"goto","slide":29,"step":0}', "en"), "slide 30");
  // On the projector the list is the presenter's: their own ping is not "yours", and needs no word.
  assert.equal(say('{"type":"ping","id":"wire1"}', "pt-br", true), "");
  assert.equal(say('{"type":"ping","id":"wire1"}', "en", true), "");
  assert.equal(say('{"type":"ping","id":"hb1735732800000"}', "pt-br", true), "batimento");
  // A note that isn't one of ours says nothing.
  assert.equal(detailOf({ type: "ping", note: "toString" }, wireStrings["pt-br"].detail), "");
  assert.equal(detailOf({ type: "goto", note: "x" }, wireStrings["pt-br"].detail), "");
});

test("the mirror's own frames are not listed (listing them would send another)", () => {
  assert.equal(carriesMirror(wireRow({ direction: "out", at: 0, text: '{"type":"mirror","view":{"demo":"wire"}}' }, 1)), true);
  assert.equal(carriesMirror(wireRow({ direction: "in", at: 0, text: '{"type":"report","feature":"mirror","data":{}}' }, 2)), true);
  assert.equal(carriesMirror(wireRow({ direction: "in", at: 0, text: '{"type":"report","feature":"rtt","data":{}}' }, 3)), false);
  assert.equal(carriesMirror(wireRow({ direction: "out", at: 0, text: '{"type":"ping","id":"wire1"}' }, 4)), false);
});

test("the presenter's board travels to the projector and comes back the same, within a frame", () => {
  const at = Date.UTC(2025, 0, 1, 12, 0, 0, 42);
  let rows: WireRow[] = [];
  let totals = NO_TOTALS;
  // A busy board: full of long reports, the heaviest rows the list can hold.
  for (let id = 1; id <= MAX_ROWS + 5; id++) {
    const text = id % 2 ? `{"type":"report","feature":"questions","data":${JSON.stringify("x".repeat(70_000))}}` : `{"type":"ping","id":"wire${id}"}`;
    const row = wireRow({ direction: id % 2 ? "in" : "out", at: at + id, text }, id);
    rows = keepLatest(rows, row);
    totals = addToTotals(totals, row);
  }
  const drawn = selectedRow(rows, 12);
  const shown = wireShown(rows, drawn, totals, "permessage-deflate; client_max_window_bits");
  const parsed = v.safeParse(WireShownSchema, JSON.parse(JSON.stringify(shown)));
  assert.ok(parsed.success, "the view is valid");
  const board = wireBoard(parsed.output);
  assert.deepEqual(board.rows, rows, "every row: header, mask and totals recomputed the same");
  assert.equal(board.drawn, 12);
  assert.deepEqual(board.totals, totals);
  const frame = JSON.stringify({ type: "mirror", view: shown });
  assert.ok(utf8Length(frame) < MAX_FRAME_BYTES / 2, `a full board is ${utf8Length(frame)} bytes, well within a frame`);
});

function row(id: number, direction: WireRow["direction"] = "in"): WireRow {
  return wireRow({ direction, at: id, text: '{"type":"sync"}' }, id);
}

test("the list keeps the newest MAX_ROWS frames, newest first", () => {
  let rows: WireRow[] = [];
  for (let id = 1; id <= MAX_ROWS + 3; id++) rows = keepLatest(rows, row(id));
  assert.equal(rows.length, MAX_ROWS);
  assert.equal(rows[0]?.id, MAX_ROWS + 3);
  assert.equal(rows.at(-1)?.id, 4);
});

test("the drawn frame: the picked one while listed, else the newest", () => {
  const rows = [row(5), row(4), row(3)];
  assert.equal(selectedRow([], null), null);
  assert.equal(selectedRow(rows, null)?.id, 5);
  assert.equal(selectedRow(rows, 4)?.id, 4);
  assert.equal(selectedRow(rows, 1)?.id, 5, "a picked frame that scrolled off gives way to the newest");
});

test("totals add frames and bytes (header + payload) per direction", () => {
  const sent = wireRow({ direction: "out", at: 0, text: '{"type":"sync"}' }, 1); // 15 + 6
  const received = wireRow({ direction: "in", at: 0, text: '{"type":"sync"}' }, 2); // 15 + 2
  const totals = [sent, received, sent].reduce(addToTotals, NO_TOTALS);
  assert.deepEqual(totals.out, { frames: 2, bytes: 42, headerBytes: 12 });
  assert.deepEqual(totals.in, { frames: 1, bytes: 17, headerBytes: 2 });
  assert.deepEqual(NO_TOTALS.in, { frames: 0, bytes: 0, headerBytes: 0 }, "the start is never mutated");
});

test("clock time to the millisecond, and whether compression was negotiated", () => {
  const at = new Date(2025, 0, 1, 9, 5, 7, 42).getTime(); // local time, like the slide shows it
  assert.equal(clockTime(at), "09:05:07.042");
  assert.equal(isCompressed(""), false);
  assert.equal(isCompressed("permessage-deflate"), true);
  assert.equal(isCompressed("permessage-deflate; client_max_window_bits=15"), true);
  assert.equal(isCompressed("x-webkit-deflate-frame"), false);
});
