import { test } from "node:test";
import assert from "node:assert/strict";
import { headerLayout, headerSize } from "../../src/diagrams/frameHeader.ts";
import { frameBytes } from "../../src/features/measure/bytes.ts";
import {
  MAX_ROWS,
  NO_TOTALS,
  addToTotals,
  clockTime,
  describeMessage,
  isCompressed,
  keepLatest,
  selectedRow,
  wireRow,
  type WireRow,
} from "../../src/features/wire/frames.ts";

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
  const out = wireRow({ direction: "out", at, text: ping }, 7, "pt-br");
  assert.deepEqual(out, {
    id: 7,
    direction: "out",
    at,
    type: "ping",
    detail: "seu",
    payloadBytes: 28,
    masked: true,
    headerBytes: 6,
    totalBytes: 34,
  });

  const pong = wireRow({ direction: "in", at, text: '{"type":"pong","id":"wire1","now":1735732800042}' }, 8, "pt-br");
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
  const big = wireRow({ direction: "in", at, text: snapshot }, 9, "pt-br");
  assert.ok(big.payloadBytes > 125);
  assert.equal(big.headerBytes, 4);

  // Bytes, not characters: "ã" is 2 bytes in UTF-8, "🎉" is 4.
  const accents = wireRow({ direction: "out", at, text: '{"type":"x","t":"ão🎉"}' }, 10, "pt-br");
  assert.equal(accents.payloadBytes, '{"type":"x","t":"'.length + 2 + 1 + 4 + 2);
});

test("what a frame was: the JSON type, and which one of that type", () => {
  assert.deepEqual(describeMessage('{"type":"ping","id":"hb1735732800000"}', "pt-br"), { type: "ping", detail: "batimento" });
  assert.deepEqual(describeMessage('{"type":"pong","id":"wire3","now":1}', "pt-br"), { type: "pong", detail: "seu" });
  assert.deepEqual(describeMessage('{"type":"ping","id":"rtt9"}', "pt-br"), { type: "ping", detail: "medição" });
  assert.deepEqual(describeMessage('{"type":"report","feature":"rtt","data":{}}', "pt-br"), { type: "report", detail: "rtt" });
  assert.deepEqual(describeMessage('{"type":"delta","seq":3,"now":1,"changes":{"slide":5,"step":0}}', "pt-br"), { type: "delta", detail: "slide, step" });
  assert.deepEqual(describeMessage('{"type":"goto","slide":29,"step":0}', "pt-br"), { type: "goto", detail: "slide 30" });
  assert.deepEqual(describeMessage('{"type":"error","code":"rate_limited","message":"…"}', "pt-br"), { type: "error", detail: "rate_limited" });
  assert.deepEqual(describeMessage('{"type":"sync"}', "pt-br"), { type: "sync", detail: "" });
  assert.deepEqual(describeMessage("not json", "pt-br"), { type: "?", detail: "" });
  assert.deepEqual(describeMessage("[1,2]", "pt-br"), { type: "?", detail: "" });
  assert.deepEqual(describeMessage('{"type":3}', "pt-br"), { type: "?", detail: "" });
  assert.equal(describeMessage(`{"type":"${"x".repeat(40)}"}`, "pt-br").type.length, 16, "a long type is cut for the label");
  // In English the same frames say who sent them in English; types and demo names stay as on the wire.
  assert.deepEqual(describeMessage('{"type":"ping","id":"hb1735732800000"}', "en"), { type: "ping", detail: "heartbeat" });
  assert.deepEqual(describeMessage('{"type":"pong","id":"wire3","now":1}', "en"), { type: "pong", detail: "yours" });
  assert.deepEqual(describeMessage('{"type":"goto","slide":29,"step":0}', "en"), { type: "goto", detail: "slide 30" });
});

function row(id: number, direction: WireRow["direction"] = "in"): WireRow {
  return wireRow({ direction, at: id, text: '{"type":"sync"}' }, id, "pt-br");
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
  const sent = wireRow({ direction: "out", at: 0, text: '{"type":"sync"}' }, 1, "pt-br"); // 15 + 6
  const received = wireRow({ direction: "in", at: 0, text: '{"type":"sync"}' }, 2, "pt-br"); // 15 + 2
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
