import { test } from "node:test";
import assert from "node:assert/strict";
import { MESSAGES } from "../../src/features/index.ts";
import { CLOSE_CODES, errorMessage, isFinalCloseCode, type ErrorCode } from "../../src/room/errors.ts";
import { MAX_FRAME_BYTES, parseClientMessage as parseWith } from "../../src/room/messages.ts";
import type { Role } from "../../src/room/participants.ts";
import { parseServerMessage } from "../../src/room/wire.ts";
import { utf8Length } from "../../src/room/utf8.ts";

/** The room's parser, as the presenter's socket meets it (who may send what is tested below). */
function parseClientMessage(raw: Parameters<typeof parseWith>[0], role: Role = "presenter") {
  return parseWith(raw, MESSAGES, role);
}

function errorOf(raw: Parameters<typeof parseClientMessage>[0], role: Role = "presenter"): { code: ErrorCode; ref?: string } {
  const result = parseClientMessage(raw, role);
  assert.equal(result.ok, false, `expected an error for ${String(raw).slice(0, 60)}`);
  if (result.ok) throw new Error("unreachable");
  assert.equal(result.error.type, "error");
  return result.error.ref === undefined ? { code: result.error.code } : { code: result.error.code, ref: result.error.ref };
}

test("valid messages parse to themselves", () => {
  const valid = [
    { type: "goto", slide: 0, step: 0 },
    { type: "goto", slide: 999, step: 99 },
    { type: "timer", action: "start" },
    { type: "timer", action: "pause" },
    { type: "timer", action: "reset" },
    { type: "showJoin", part: "card", shown: true },
    { type: "showJoin", part: "badge", shown: false },
    { type: "sync" },
    { type: "ping", id: "" },
    { type: "ping", id: "x".repeat(32) },
  ];
  for (const message of valid) {
    const result = parseClientMessage(JSON.stringify(message));
    assert.deepEqual(result, { ok: true, message });
  }
});

test("binary frames are refused whatever they hold", () => {
  const bytes = new TextEncoder().encode('{"type":"sync"}');
  assert.deepEqual(errorOf(bytes.buffer), { code: "binary_not_supported" });
  assert.deepEqual(errorOf(bytes), { code: "binary_not_supported" });
});

test("frames over 4096 UTF-8 bytes are too large, measured in bytes", () => {
  const padded = (extra: number) => `{"type":"ping","id":"x"}${" ".repeat(extra)}`;
  const base = padded(0).length;
  assert.equal(parseClientMessage(padded(MAX_FRAME_BYTES - base)).ok, true, "exactly 4096 bytes is fine");
  assert.deepEqual(errorOf(padded(MAX_FRAME_BYTES - base + 1)), { code: "too_large" });
  // 1366 × "é" is 2732 bytes but 1366 code units: under the limit only if counted in units.
  const accents = `{"type":"ping","id":"${"é".repeat(1366)}"}`;
  assert.ok(accents.length < MAX_FRAME_BYTES && utf8Length(accents) > MAX_FRAME_BYTES / 2);
  const wide = `{"type":"ping","id":"${"😀".repeat(1100)}"}`; // 4 bytes each, 2 code units
  assert.ok(wide.length < MAX_FRAME_BYTES);
  assert.deepEqual(errorOf(wide), { code: "too_large" });
  assert.deepEqual(errorOf("x".repeat(1_000_000)), { code: "too_large" });
});

test("utf8Length agrees with TextEncoder", () => {
  for (const text of ["", "abc", "é", "€", "😀", "a😀b", "\ud800", "\udc00x", "ação 🎈 日本"]) {
    assert.equal(utf8Length(text), new TextEncoder().encode(text).length, JSON.stringify(text));
  }
});

test("invalid JSON is bad_json", () => {
  for (const raw of ["", "{", "{type:'sync'}", '{"type":"sync",}', "undefined", "NaN"]) {
    assert.deepEqual(errorOf(raw), { code: "bad_json" }, raw);
  }
});

test("JSON that is not an object is bad_message", () => {
  for (const raw of ["[]", '[{"type":"sync"}]', "42", '"sync"', "null", "true"]) {
    assert.equal(errorOf(raw).code, "bad_message", raw);
  }
});

test("a missing or non-string type is bad_message; an unknown one is unknown_type with ref", () => {
  assert.equal(errorOf("{}").code, "bad_message");
  assert.equal(errorOf('{"type":7}').code, "bad_message");
  assert.deepEqual(errorOf('{"type":"dance"}'), { code: "unknown_type", ref: "dance" });
  assert.deepEqual(errorOf('{"type":"toString"}'), { code: "unknown_type", ref: "toString" });
  assert.equal(errorOf(JSON.stringify({ type: "y".repeat(100) })).ref?.length, 32, "ref is cut short");
});

test("wrong shapes and out-of-range values are bad_message, with the type as ref", () => {
  const bad: Array<[object, string]> = [
    [{ type: "goto", slide: "3", step: 0 }, "goto"],
    [{ type: "goto", slide: 3 }, "goto"],
    [{ type: "goto", slide: 1.5, step: 0 }, "goto"],
    [{ type: "goto", slide: -1, step: 0 }, "goto"],
    [{ type: "goto", slide: 1000, step: 0 }, "goto"],
    [{ type: "goto", slide: 0, step: 100 }, "goto"],
    [{ type: "goto", slide: 0, step: null }, "goto"],
    [{ type: "goto", slide: 1e400, step: 0 }, "goto"],
    [{ type: "timer", action: "stop" }, "timer"],
    [{ type: "timer" }, "timer"],
    [{ type: "showJoin", part: "qr", shown: true }, "showJoin"],
    [{ type: "showJoin", part: "card", shown: "true" }, "showJoin"],
    [{ type: "showJoin", part: "card" }, "showJoin"],
    [{ type: "ping", id: 5 }, "ping"],
    [{ type: "ping", id: "x".repeat(33) }, "ping"],
    [{ type: "ping" }, "ping"],
    // Extra fields are refused too: a typo should fail loudly, not be ignored.
    [{ type: "sync", please: true }, "sync"],
    [{ type: "goto", slide: 1, step: 0, slid: 2 }, "goto"],
  ];
  for (const [message, ref] of bad) {
    assert.deepEqual(errorOf(JSON.stringify(message)), { code: "bad_message", ref }, JSON.stringify(message));
  }
  const result = parseClientMessage('{"type":"goto","slide":1000,"step":0}');
  assert.ok(!result.ok && result.error.detail === "slide", "the detail names the field");
});

test("__proto__, constructor and prototype keys are refused at any depth", () => {
  for (const raw of [
    '{"type":"sync","__proto__":{"x":1}}',
    '{"__proto__":{"type":"sync"},"type":"sync"}',
    '{"type":"ping","id":"a","constructor":{}}',
    '{"type":"goto","slide":1,"step":1,"x":[{"prototype":1}]}',
    '{"type":"ping","id":"a","deep":{"a":{"b":{"__proto__":null}}}}',
  ]) {
    assert.equal(errorOf(raw).code, "bad_message", raw);
  }
  assert.equal(({} as Record<string, unknown>)["x"], undefined, "nothing leaked into Object.prototype");
});

test("parseClientMessage never throws", () => {
  const nasty = ["[".repeat(5000), '{"type":"goto","slide":{"valueOf":1}}', "\u0000", '{"type":"sync"}\u0000'];
  for (const raw of nasty) assert.doesNotThrow(() => parseClientMessage(raw));
});

test("the message table says who may send each type, and the parser holds to it", () => {
  const from = (sender: string) => Object.entries(MESSAGES).flatMap(([type, spec]) => (spec.from === sender ? [type] : [])).sort();
  assert.deepEqual(from("presenter"), ["clearStrokes", "cloud", "cloudHide", "goto", "hideNickname", "mirror", "moderate", "notify", "pointer", "poll", "quiz", "reset", "showJoin", "stream", "stroke", "timer"]);
  assert.deepEqual(from("audience"), ["ack", "ask", "cloudAnswer", "lane", "nickname", "quizAnswer", "quizSeen", "react", "seen", "tilt", "upvote", "vote"]);
  assert.deepEqual(from("anyone"), ["ping", "read", "rtt", "sync"]);
  const goto = JSON.stringify({ type: "goto", slide: 1, step: 0 });
  for (const role of ["audience", "screen"] as const) {
    const result = parseClientMessage(goto, role);
    assert.deepEqual(result, { ok: false, error: { type: "error", code: "forbidden", ref: "goto", detail: "presenter" } }, role);
  }
  const react = JSON.stringify({ type: "react", counts: { "🐍": 1 } });
  assert.deepEqual(parseClientMessage(react, "presenter"), { ok: false, error: { type: "error", code: "forbidden", ref: "react", detail: "audience" } });
  assert.equal(parseClientMessage(react, "audience").ok, true);
  // Shape first: a malformed message is bad_message whoever sends it.
  assert.equal(errorOf(JSON.stringify({ type: "goto", slide: -1, step: 0 })).code, "bad_message");
});

test("mirror: one view of one demo, strict, presenter only", () => {
  const handshake = {
    demo: "handshake",
    path: "/parties/handshake/k3j2h1",
    request: { method: "GET", upgrade: "websocket", connection: "Upgrade", key: "x3JJHMbDL1EzLkh9GBhXDw==", version: "13", extensions: null, protocol: null },
    accept: "HSmrc0sMlYUkAGmm5OPpG2HaGWk=",
  };
  const row = { id: 3, direction: "out", at: 1_735_732_800_042, type: "ping", note: "yours", payloadBytes: 28 };
  const side = { frames: 1, bytes: 34, headerBytes: 6 };
  const wire = { demo: "wire", rows: [row], drawn: 3, totals: { in: { frames: 0, bytes: 0, headerBytes: 0 }, out: side }, extensions: "" };
  const pages = { demo: "pages", lang: "en", page: null, data: { visits: 4, time: "21:04:05" } };
  for (const view of [handshake, wire, pages]) {
    const text = JSON.stringify({ type: "mirror", view });
    assert.deepEqual(parseClientMessage(text), { ok: true, message: { type: "mirror", view } }, view.demo);
    for (const role of ["audience", "screen"] as const) assert.deepEqual(errorOf(text, role), { code: "forbidden", ref: "mirror" }, role);
  }
  const bad = [
    { ...handshake, demo: "poll" },
    { ...handshake, extra: 1 },
    { ...handshake, request: { ...handshake.request, key: "" } },
    { ...handshake, request: { ...handshake.request, cookie: "x" } },
    { ...handshake, path: "/".repeat(65) },
    { ...wire, rows: Array.from({ length: 11 }, (_, i) => ({ ...row, id: i + 1 })) },
    { ...wire, rows: [{ ...row, direction: "up" }] },
    { ...wire, rows: [{ ...row, type: "x".repeat(17) }] },
    { ...wire, rows: [{ ...row, payloadBytes: -1 }] },
    { ...wire, rows: [{ ...row, masked: true }] },
    { ...wire, drawn: 0 },
    { ...wire, totals: { in: side } },
    { ...pages, lang: "fr" },
    { ...pages, page: { visits: 1.5, time: "x" } },
    { ...pages, data: { visits: 1, time: "x".repeat(33) } },
    { ...pages, data: "<html>" },
    null,
    "wire",
  ];
  for (const view of bad) assert.deepEqual(errorOf(JSON.stringify({ type: "mirror", view })), { code: "bad_message", ref: "mirror" }, JSON.stringify(view));
  assert.deepEqual(errorOf(JSON.stringify({ type: "mirror" })), { code: "bad_message", ref: "mirror" });
});

test("errors carry a code, and a ref and a detail key only when given: no words", () => {
  assert.deepEqual(errorMessage("no_room"), { type: "error", code: "no_room" });
  assert.deepEqual(errorMessage("forbidden", { ref: "goto", detail: "presenter" }), { type: "error", code: "forbidden", ref: "goto", detail: "presenter" });
});

test("close codes 4000, 4001, 4004, 4008, 4029 are final; others (4009: too slow, 4010: moved to a hall) are not", () => {
  assert.deepEqual(Object.values(CLOSE_CODES).sort(), [4000, 4001, 4004, 4008, 4009, 4010, 4029]);
  for (const code of [4000, 4001, 4004, 4008, 4029]) assert.ok(isFinalCloseCode(code));
  for (const code of [1000, 1001, 1006, 1011, 4002, 4009, 4010, 4999]) assert.ok(!isFinalCloseCode(code));
});

test("parseServerMessage accepts the server's messages and rejects junk", () => {
  const state = { code: "ABCDE", slide: 1, step: 0, presenterOnline: true, audience: 2, timer: { startedAt: null, elapsed: 0 }, poll: null, joinCard: null, joinBadge: true };
  const snapshot = { type: "snapshot", seq: 3, now: 1, you: { role: "audience", pid: "abcdefgh" }, state };
  assert.deepEqual(parseServerMessage(JSON.stringify(snapshot)), snapshot);
  const delta = { type: "delta", seq: 4, now: 2, changes: { slide: 2 } };
  assert.deepEqual(parseServerMessage(JSON.stringify(delta)), delta);
  const pong = { type: "pong", id: "1", now: 3 };
  assert.deepEqual(parseServerMessage(JSON.stringify(pong)), pong);
  const error = { type: "error", code: "forbidden", ref: "goto", detail: "presenter" };
  assert.deepEqual(parseServerMessage(JSON.stringify(error)), error);
  const report = { type: "report", feature: "reactions", data: { totals: {}, total: 0 } };
  assert.deepEqual(parseServerMessage(JSON.stringify(report)), report);
  for (const junk of ["nope", "{}", '{"type":"delta","seq":"1"}', '{"type":"error","code":"teapot"}', '{"type":"report","feature":7,"data":1}', new ArrayBuffer(2)]) {
    assert.equal(parseServerMessage(junk), null);
  }
});
