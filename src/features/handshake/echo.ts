/** What the handshake echo sends: the opening handshake's headers as the server received them. */
export interface HandshakeEcho {
  type: "handshake";
  request: {
    method: string;
    upgrade: string | null;
    connection: string | null;
    key: string | null;
    version: string | null;
    extensions: string | null;
    protocol: string | null;
  };
  /** The Sec-WebSocket-Accept that key calls for (what the server's 101 answer carried). */
  accept: string | null;
}

/** Headers a page script can neither set nor read: only a server can show them. */
export function echoOf(method: string, headers: { get(name: string): string | null }, accept: string | null): HandshakeEcho {
  return {
    type: "handshake",
    request: {
      method,
      upgrade: headers.get("upgrade"),
      connection: headers.get("connection"),
      key: headers.get("sec-websocket-key"),
      version: headers.get("sec-websocket-version"),
      extensions: headers.get("sec-websocket-extensions"),
      protocol: headers.get("sec-websocket-protocol"),
    },
    accept,
  };
}
