import PartySocket from "partysocket";
import { isFinalCloseCode, type ClientMessage, type ErrorMessage, type Role, type ServerMessage } from "../room/protocol.ts";
import { applyDelta, needsSnapshot, type RoomView } from "../room/state.ts";

/**
 * How the link to the room is doing, from this device's point of view. "offline" is the
 * device itself (no network); "reconnecting" is the socket retrying; "refused" means the server
 * said no for good (wrong key, unknown room) and retrying would not help.
 */
export type LinkStatus = "connecting" | "online" | "reconnecting" | "offline" | "refused";

export interface RoomSnapshot {
  status: LinkStatus;
  view: RoomView | null;
  /** Server clock minus this device's clock, from the last snapshot or pong (ms). */
  clockOffset: number;
  /** The last error the server sent (a refused action, or why it closed the connection). */
  error: ErrorMessage | null;
}

export interface RoomClient {
  get(): RoomSnapshot;
  subscribe(listener: (snapshot: RoomSnapshot) => void): () => void;
  send(message: ClientMessage): boolean;
  close(): void;
}

export interface RoomOptions {
  code: string;
  role: Role;
  /** The audience's stable participant id. */
  pid?: string;
  /** The presenter key. */
  presenterKey?: string;
  /** host[:port] of the room server; the page's own origin by default. */
  host?: string;
}

const REFUSALS: ReadonlySet<string> = new Set(["unauthorized", "no_room", "bad_room", "bad_request"]);
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

/** One WebSocket to one room, mirrored into a snapshot of its public state. */
export function connectRoom(options: RoomOptions): RoomClient {
  const query: Record<string, string> = { role: options.role };
  if (options.pid) query.pid = options.pid;
  if (options.presenterKey) query.key = options.presenterKey;
  const socket = new PartySocket({ host: options.host ?? location.host, room: options.code, query });

  let snapshot: RoomSnapshot = { status: "connecting", view: null, clockOffset: 0, error: null };
  const listeners = new Set<(snapshot: RoomSnapshot) => void>();
  const update = (changes: Partial<RoomSnapshot>) => {
    snapshot = { ...snapshot, ...changes };
    for (const listener of listeners) listener(snapshot);
  };
  const send = (message: ClientMessage) => {
    if (socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  };

  socket.addEventListener("message", (event) => {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(event.data)) as ServerMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case "snapshot":
        update({
          status: "online",
          view: { seq: message.seq, state: message.state },
          clockOffset: message.now - Date.now(),
          error: null,
        });
        break;
      case "delta": {
        const view = snapshot.view;
        if (!view) break;
        // A lost delta means our copy may be wrong: ask for the whole state again.
        if (needsSnapshot(view, message)) send({ type: "sync" });
        else update({ view: applyDelta(view, message) });
        break;
      }
      case "pong":
        heartbeat.answered(message.now);
        break;
      case "error":
        // Refused at the door (wrong key, no such room): the close frame that follows can take
        // seconds to surface, and retrying would not help, so stop here.
        if (!snapshot.view && REFUSALS.has(message.code)) {
          socket.close();
          update({ status: "refused", error: message });
        } else {
          update({ error: message });
        }
        break;
    }
  });

  socket.addEventListener("close", (event) => {
    if (isFinalCloseCode(event.code)) {
      socket.close();
      update({ status: "refused" });
    } else if (snapshot.status !== "refused") {
      update({ status: navigator.onLine ? "reconnecting" : "offline" });
    }
  });

  const onOffline = () => update({ status: "offline" });
  const onOnline = () => {
    update({ status: "reconnecting" });
    socket.reconnect();
  };
  // A phone waking up finds its socket silently dead: check at once instead of waiting.
  const onVisible = () => {
    if (document.visibilityState === "visible" && snapshot.status !== "refused") heartbeat.probe();
  };
  addEventListener("offline", onOffline);
  addEventListener("online", onOnline);
  document.addEventListener("visibilitychange", onVisible);

  // Conference Wi-Fi drops connections without closing them; a ping nobody answers means a dead
  // socket, so reconnect rather than wait minutes for TCP to notice.
  const heartbeat = (() => {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    let sentAt = 0;
    const probe = () => {
      if (timeout || snapshot.status === "refused") return;
      sentAt = Date.now();
      if (!send({ type: "ping", id: String(sentAt) })) return;
      timeout = setTimeout(() => {
        timeout = undefined;
        update({ status: "reconnecting" });
        socket.reconnect();
      }, HEARTBEAT_TIMEOUT_MS);
    };
    const answered = (serverNow: number) => {
      clearTimeout(timeout);
      timeout = undefined;
      // Half the round trip is the best guess of when the server read its clock.
      const received = Date.now();
      update({ clockOffset: serverNow - (sentAt + received) / 2 });
    };
    const interval = setInterval(probe, HEARTBEAT_MS);
    const stop = () => {
      clearTimeout(timeout);
      clearInterval(interval);
    };
    return { probe, answered, stop };
  })();

  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send,
    close() {
      heartbeat.stop();
      removeEventListener("offline", onOffline);
      removeEventListener("online", onOnline);
      document.removeEventListener("visibilitychange", onVisible);
      socket.close();
    },
  };
}
