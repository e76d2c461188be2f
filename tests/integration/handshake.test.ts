/**
 * The handshake echo shows the headers the server really received. A raw HTTP Upgrade (no
 * WebSocket library in between) sends RFC 6455's example key, so we know every byte of it.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import type { Socket } from "node:net";
import { RFC_EXAMPLE } from "../../src/features/handshake/accept.ts";
import type { HandshakeEcho } from "../../src/features/handshake/echo.ts";
import { startPartyServer, type PartyServer } from "./server.ts";

let server: PartyServer;
before(async () => (server = await startPartyServer()));
after(() => server.dispose());

/** Opens a WebSocket by hand and returns the 101 response's headers and the first text frame. */
function rawHandshake(port: number, path: string, extra: Record<string, string> = {}) {
  return new Promise<{ status: number; accept: string | undefined; frame: string }>((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      path,
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Key": RFC_EXAMPLE.key,
        "Sec-WebSocket-Version": "13",
        ...extra,
      },
    });
    req.on("upgrade", (response, socket: Socket, head: Buffer) => {
      let bytes = head;
      const read = () => {
        // A server frame is unmasked: 2 header bytes, maybe a 16-bit length, then the payload.
        if (bytes.length < 2) return;
        let length = bytes[1]! & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (bytes.length < 4) return;
          length = bytes.readUInt16BE(2);
          offset = 4;
        }
        if (bytes.length < offset + length) return;
        assert.equal(bytes[0]! & 0x0f, 0x1, "a text frame");
        socket.destroy();
        resolve({ status: response.statusCode!, accept: response.headers["sec-websocket-accept"] as string | undefined, frame: bytes.subarray(offset, offset + length).toString("utf8") });
      };
      socket.on("data", (chunk: Buffer) => {
        bytes = Buffer.concat([bytes, chunk]);
        read();
      });
      read();
    });
    req.on("response", (response) => reject(new Error(`no upgrade: HTTP ${response.statusCode}`)));
    req.on("error", reject);
    req.end();
  });
}

test("the echo returns the real upgrade headers and the accept they call for", async () => {
  const { status, accept, frame } = await rawHandshake(server.port, "/parties/handshake/demo", {
    "Sec-WebSocket-Extensions": "permessage-deflate; client_max_window_bits",
  });
  assert.equal(status, 101);
  // The server's own 101 answer carries the RFC's example accept…
  assert.equal(accept, RFC_EXAMPLE.accept);
  // …and the echo shows what arrived, byte for byte.
  const echo = JSON.parse(frame) as HandshakeEcho;
  assert.equal(echo.type, "handshake");
  assert.equal(echo.request.method, "GET");
  assert.equal(echo.request.key, RFC_EXAMPLE.key);
  assert.equal(echo.request.version, "13");
  assert.match(echo.request.upgrade ?? "", /websocket/i);
  assert.match(echo.request.connection ?? "", /upgrade/i);
  // Extensions are negotiated by the runtime (workerd) before the room sees the request, so the
  // echo shows them as the application received them (empty here): no assertion on their value.
  assert.equal(echo.accept, RFC_EXAMPLE.accept);
});

test("plain HTTP to the echo is told to upgrade", async () => {
  const response = await fetch(`${server.origin}/parties/handshake/demo`);
  assert.equal(response.status, 426);
});
