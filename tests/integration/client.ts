/**
 * A small WebSocket test client: collects every frame, lets a test wait for the next message
 * that matches, and records raw frames so a test can search them (for leaked secrets).
 */
import WebSocket from "ws";
import type { ServerMessage } from "../../src/room/wire.ts";

/** Every raw text frame any TestSocket received, in order. */
export const allFrames: string[] = [];

export interface Closed {
  code: number;
  reason: string;
}

const PROBE_ANSWER = "probe-answer";

type Waiter = { match: (message: ServerMessage) => boolean; resolve: (message: ServerMessage) => void };

export class TestSocket {
  readonly ws: WebSocket;
  readonly frames: string[] = [];
  readonly closed: Promise<Closed>;
  private readonly unread: ServerMessage[] = [];
  private readonly waiters: Waiter[] = [];

  private constructor(ws: WebSocket, answerProbes: boolean) {
    this.ws = ws;
    this.closed = new Promise((resolve) => {
      ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    ws.on("message", (data, isBinary) => {
      const text = isBinary ? "<binary>" : data.toString();
      this.frames.push(text);
      allFrames.push(text);
      const message = JSON.parse(text) as ServerMessage;
      // The room asks a quiet presenter whether it is still there (src/room/liveness.ts): answer as
      // our pages do, out of the tests' way (neither the probe nor its pong is a message to wait for).
      if (message.type === "probe") return void (answerProbes && this.send({ type: "ping", id: PROBE_ANSWER }));
      if (message.type === "pong" && message.id === PROBE_ANSWER) return;
      // … and shows it reads (src/room/backlog.ts), as our pages do.
      if (message.type === "mark") return this.send({ type: "read", mark: message.id });
      const index = this.waiters.findIndex((waiter) => waiter.match(message));
      if (index >= 0) this.waiters.splice(index, 1)[0]!.resolve(message);
      else this.unread.push(message);
    });
  }

  /**
   * Opens `url` and resolves once the socket is open (refused sockets open, then get closed).
   * `answerProbes: false` plays a presenter whose link died silently.
   */
  static open(url: string, { answerProbes = true } = {}): Promise<TestSocket> {
    // closeTimeout (ws ≥ 8.19, not in @types/ws): once the closing handshake is done, don't
    // wait 30 s for the server to drop TCP. workerd in dev keeps it ~10 s after its own close.
    const ws = new WebSocket(url, { closeTimeout: 300 } as WebSocket.ClientOptions);
    const socket = new TestSocket(ws, answerProbes);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(socket));
      ws.once("error", reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" || message instanceof Uint8Array ? message : JSON.stringify(message));
  }

  /** The first unread message matching `match` (waits up to `timeoutMs` for it). */
  next<T extends ServerMessage = ServerMessage>(match: (message: ServerMessage) => boolean = () => true, timeoutMs = 3_000): Promise<T> {
    const index = this.unread.findIndex(match);
    if (index >= 0) return Promise.resolve(this.unread.splice(index, 1)[0] as T);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as T);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(-5))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  nextOfType<K extends ServerMessage["type"]>(type: K, timeoutMs?: number): Promise<Extract<ServerMessage, { type: K }>> {
    return this.next((message) => message.type === type, timeoutMs);
  }

  /** Messages received and not yet taken by next(). */
  unreadMessages(): readonly ServerMessage[] {
    return this.unread;
  }

  close(): Promise<Closed> {
    this.ws.close(1000);
    return this.closed;
  }
}
