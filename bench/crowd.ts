/**
 * A thread's sockets: plain `ws` clients speaking the documented protocol (docs/PROTOCOL.md). The
 * main thread has one crowd (the presenter, a projector, a remote); each phones worker
 * (bench/phones/) has one with its slice of the audience, one participant id each. A frame is
 * handed to the current listener as raw text with its arrival time (epoch ms, `now()`, the clock
 * every thread shares); parsing is left to the listener, so thousands of sockets cost the load
 * generator as little as possible. Every frame sent is counted (bench/meter.ts).
 */
import WebSocket from "ws";
import { frameBytes } from "../src/features/measure/bytes.ts";
import type { ParticipantIssued } from "../src/room/wire.ts";
import { countSent, now } from "./meter.ts";

export type FrameListener = (member: Member, text: string, at: number) => void;

export interface Member {
  /** Its socket: replaced when the talk sends the phone to a hall. */
  ws: WebSocket;
  /** Where its socket goes: "talk", or the id of the hall it was sent to. */
  object: string;
  readonly pid: string | null;
  /** A phone's place in the whole audience (0 … N-1, across threads); -1 for other sockets. */
  readonly index: number;
  /** Frames received since the crowd's counters were last reset. */
  frames: number;
  /** Bytes those frames took on the wire (RFC 6455 header + payload; no compression is negotiated). */
  bytes: number;
  /** When the first snapshot arrived (epoch ms, `now()`), null until then. */
  snapshotAt: number | null;
  closedWith: number | null;
}

const OPEN_TIMEOUT_MS = 30_000;

/**
 * `firstFrame`: what the socket sends as soon as it opens (a presenter's key, in an `auth` frame).
 * A phone sent to a hall (`{"type":"hall"}`, then close 4010: docs/PROTOCOL.md, "Halls") connects
 * there, as our pages do, and is the same member.
 */
function openMember(url: string, pid: string | null, index: number, crowd: Crowd, firstFrame?: string): Promise<Member> {
  const member: Member = { ws: new WebSocket(url, { perMessageDeflate: false }), object: "talk", pid, index, frames: 0, bytes: 0, snapshotAt: null, closedWith: null };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no snapshot within ${OPEN_TIMEOUT_MS} ms: ${url}`)), OPEN_TIMEOUT_MS);
    const attach = (ws: WebSocket) => {
      if (firstFrame) ws.on("open", () => send(member, firstFrame));
      ws.on("message", (data: Buffer, isBinary: boolean) => {
        const at = now();
        member.frames++;
        member.bytes += frameBytes(data.length, false);
        const text = isBinary ? "" : data.toString();
        // The room asks a quiet presenter whether it is still there: answer as our pages do.
        if (text === '{"type":"probe"}') send(member, '{"type":"ping","id":"probe-answer"}');
        // … and shows it reads, as our pages do (src/room/backlog.ts), or the room stops sending to it.
        if (text.startsWith('{"type":"mark"')) send(member, { type: "read", mark: (JSON.parse(text) as { id: string }).id }, true);
        if (text.startsWith('{"type":"hall"')) {
          member.object = (JSON.parse(text) as { hall: string }).hall;
          const hallUrl = url.replace(/\/parties\/main\/[^?]*/, `/parties/hall/${member.object}`);
          member.ws = new WebSocket(hallUrl, { perMessageDeflate: false });
          return attach(member.ws);
        }
        if (member.snapshotAt === null && text.startsWith('{"type":"snapshot"')) {
          member.snapshotAt = at;
          clearTimeout(timer);
          resolve(member);
        }
        crowd.listener?.(member, text, at);
      });
      ws.on("close", (code: number) => {
        if (ws !== member.ws) return; // the talk's socket, closed (4010) after sending the phone to a hall
        member.closedWith = code;
        clearTimeout(timer);
        reject(new Error(`closed ${code} before its snapshot: ${url}`));
      });
      ws.on("error", (error: Error) => {
        if (ws !== member.ws) return;
        clearTimeout(timer);
        reject(error);
      });
    };
    attach(member.ws);
  });
}

/**
 * `count` participant ids issued by the room at `roomUrl` (ws://…/parties/main/CODE), 50 requests
 * at a time. The bench's partykit.json raises the room's per-address budget: every simulated phone
 * shares loopback.
 */
export async function issuePids(roomUrl: string, count: number): Promise<string[]> {
  const endpoint = `${roomUrl.replace(/^ws/, "http")}/participants`;
  const pids: string[] = [];
  while (pids.length < count) {
    const batch = Math.min(50, count - pids.length);
    const issued = await Promise.all(
      Array.from({ length: batch }, async () => {
        const response = await fetch(endpoint, { method: "POST" });
        if (response.status !== 201) throw new Error(`issuing a participant id: HTTP ${response.status}`);
        return ((await response.json()) as ParticipantIssued).pid;
      }),
    );
    pids.push(...issued);
  }
  return pids;
}

export class Crowd {
  readonly members: Member[] = [];
  listener: FrameListener | null = null;

  /**
   * Opens one audience socket per id at once, the first being phone `firstIndex` of the audience;
   * resolves when every one has its snapshot.
   */
  async join(roomUrl: string, pids: readonly string[], firstIndex = 0, halls = true): Promise<Member[]> {
    const joining = pids.map((pid, i) => openMember(`${roomUrl}?role=audience&pid=${pid}${halls ? "&halls=1" : ""}`, pid, firstIndex + i, this));
    const joined = await Promise.all(joining);
    this.members.push(...joined);
    return joined;
  }

  /** Opens one socket with the given query (the presenter, a screen, a flooder), and its first frame if any. */
  async open(roomUrl: string, query: string, firstFrame?: string): Promise<Member> {
    const member = await openMember(`${roomUrl}?${query}`, null, -1, this, firstFrame);
    this.members.push(member);
    return member;
  }

  resetCounters(): void {
    for (const member of this.members) {
      member.frames = 0;
      member.bytes = 0;
    }
  }

  /** Frames received by all members since the last reset. */
  framesReceived(): number {
    let total = 0;
    for (const member of this.members) total += member.frames;
    return total;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.members.map(
        (member) =>
          new Promise<void>((done) => {
            if (member.ws.readyState === WebSocket.CLOSED) return done();
            member.ws.once("close", () => done());
            member.ws.terminate();
          }),
      ),
    );
    this.members.length = 0;
  }
}

/** Sends a message (already encoded, or encoded here); a closed socket is skipped. `read`: a mark's answer. */
export function send(member: Member, message: unknown, read = false): void {
  if (member.ws.readyState !== WebSocket.OPEN) return;
  member.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  countSent(read, member.object);
}

/**
 * Every member acts every `everyMs` (each starting at a random moment within the first period, as
 * real people would), until the returned function is called.
 */
export function paced<T>(members: readonly T[], everyMs: number, act: (member: T, index: number) => void): () => void {
  const timers = members.map((member, index) => {
    const timer: { start?: ReturnType<typeof setTimeout>; every?: ReturnType<typeof setInterval> } = {};
    timer.start = setTimeout(() => {
      act(member, index);
      timer.every = setInterval(() => act(member, index), everyMs);
    }, Math.random() * everyMs);
    return timer;
  });
  return () => {
    for (const timer of timers) {
      clearTimeout(timer.start);
      clearInterval(timer.every);
    }
  };
}
