import { test } from "node:test";
import assert from "node:assert/strict";
import { acceptSteps, RFC_EXAMPLE, WEBSOCKET_GUID } from "../../src/features/handshake/accept.ts";
import { echoOf } from "../../src/features/handshake/echo.ts";
import { handshakeStrings } from "../../src/features/handshake/strings.ts";
import { echoOfShown, handshakeShown, HandshakeShownSchema } from "../../src/features/handshake/shown.ts";
import * as v from "valibot";

test("RFC 6455's example key gives its example accept, step by step", async () => {
  const steps = await acceptSteps(RFC_EXAMPLE.key);
  assert.equal(steps.concatenated, "dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
  assert.equal(steps.sha1Hex, "b37a4f2cc0624f1690f64606cf385945b2bec4ea");
  assert.equal(steps.accept, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  // The precomputed example (shown before any connection, and without JavaScript) is the same.
  assert.deepEqual(steps, { ...RFC_EXAMPLE });
});

test("the GUID is the RFC's, and different keys give different accepts", async () => {
  assert.equal(WEBSOCKET_GUID, "258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
  const a = await acceptSteps("AQIDBAUGBwgJCgsMDQ4PEA==");
  const b = await acceptSteps("EA8ODQwLCgkIBwYFBAMCAQ==");
  assert.notEqual(a.accept, b.accept);
  assert.equal(Buffer.from(a.accept, "base64").length, 20, "a SHA-1 digest is 20 bytes");
});

test("the echo reports the headers as received, missing ones as null", () => {
  const headers = new Headers({ upgrade: "websocket", "sec-websocket-key": RFC_EXAMPLE.key, "sec-websocket-version": "13" });
  const echo = echoOf("GET", headers, RFC_EXAMPLE.accept);
  assert.deepEqual(echo.request, {
    method: "GET",
    upgrade: "websocket",
    connection: null,
    key: RFC_EXAMPLE.key,
    version: "13",
    extensions: null,
    protocol: null,
  });
  assert.equal(echo.accept, RFC_EXAMPLE.accept);
});

test("the verdict reads the same way in both languages: ✓ when the accepts match, ✗ when not", () => {
  for (const t of [handshakeStrings["pt-br"], handshakeStrings.en]) {
    assert.match(t.matches, /^✓ .*Sec-WebSocket-Accept/);
    assert.match(t.rfcAccept, /^✓ /);
    assert.match(t.differs, /^✗ /);
  }
  assert.equal(handshakeStrings.en.again, "New handshake");
});

test("the presenter's handshake travels to the projector as it was, and its accept recomputes the same", async () => {
  const headers = new Headers({
    upgrade: "websocket",
    connection: "Upgrade",
    "sec-websocket-key": "x3JJHMbDL1EzLkh9GBhXDw==",
    "sec-websocket-version": "13",
    "sec-websocket-extensions": "permessage-deflate; client_max_window_bits",
  });
  const accept = (await acceptSteps("x3JJHMbDL1EzLkh9GBhXDw==")).accept;
  const echo = echoOf("GET", headers, accept);
  const shown = handshakeShown(echo, "/parties/handshake/k3j2h1");
  assert.ok(shown);
  const parsed = v.safeParse(HandshakeShownSchema, JSON.parse(JSON.stringify(shown)));
  assert.ok(parsed.success, "the view is valid");
  assert.deepEqual(echoOfShown(parsed.output), echo);
  assert.equal((await acceptSteps(parsed.output.request.key)).accept, parsed.output.accept, "the projector's recomputed accept matches");
  // Nothing to show without a key; an overlong header is cut, not refused.
  assert.equal(handshakeShown(echoOf("GET", new Headers(), null), "/x"), null);
  const long = handshakeShown(echoOf("GET", new Headers({ "sec-websocket-key": "k", "sec-websocket-protocol": "p".repeat(1000) }), null), "/x");
  assert.ok(long && v.safeParse(HandshakeShownSchema, long).success);
});
