/**
 * The handshake echo (`/parties/handshake/<any>`): on connect, tell the client the opening
 * handshake it sent, headers and all, and the Sec-WebSocket-Accept its key calls for; then close
 * normally. Stateless: nothing is stored, nothing is broadcast.
 */
import type * as Party from "partykit/server";
import { acceptSteps } from "./accept.ts";
import { echoOf } from "./echo.ts";

export default class HandshakeEcho implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };

  async onConnect(connection: Party.Connection, ctx: Party.ConnectionContext): Promise<void> {
    const { headers, method } = ctx.request;
    const key = headers.get("sec-websocket-key");
    const accept = key ? (await acceptSteps(key)).accept : null;
    try {
      connection.send(JSON.stringify(echoOf(method, headers, accept)));
      connection.close(1000, "handshake shown");
    } catch {
      // The client left before the answer: nothing to do.
    }
  }

  onRequest(): Response {
    return new Response("WebSocket only: connect with an Upgrade request.", { status: 426, headers: { upgrade: "websocket" } });
  }
}
