import PartySocket from "partysocket";
import { isFinalCloseCode, type ErrorMessage } from "../room/errors.ts";
import { foldReport, parseServerMessage, type ReportMessage, type ServerMessage, type WholeReport, type You } from "../room/wire.ts";
import type { ClientMessage, FeatureName, FeatureReports } from "../room/protocol.ts";
import type { Role } from "../room/participants.ts";
import { MAX_KEY_LENGTH } from "../room/secret.ts";
import { applyDelta, needsSnapshot, type RoomView } from "../room/state.ts";

/**
 * How the link to the room is doing, from this device's point of view. "offline" is the
 * device itself (no network); "reconnecting" is the socket retrying; "refused" means the server
 * said no for good (wrong key, unknown room) and retrying would not help.
 */
export type LinkStatus = "connecting" | "online" | "reconnecting" | "offline" | "refused";

/**
 * Why the socket has not connected for STUCK_AFTER_MS, as far as this device can tell: the room's
 * address doesn't answer at all ("no_server": another network, or the server stopped), or it
 * answers over HTTP but the WebSocket doesn't get through ("no_socket": a proxy or firewall).
 * `local`: the room is served over plain http (`npm start` on the presenter's computer), not a
 * deployed https one: the advice differs.
 */
export interface Stuck {
  reason: "no_server" | "no_socket";
  local: boolean;
}

export interface RoomSnapshot {
  status: LinkStatus;
  view: RoomView | null;
  /** Server clock minus this device's clock, from the last snapshot or pong (ms). */
  clockOffset: number;
  /** The last error the server sent (a refused action, or why it closed the connection). */
  error: ErrorMessage | null;
  /** Who the server says this connection is, and this participant's ballots. */
  you: You | null;
  /** Not connected for a while, and why (null while connected, or not yet long enough to say). */
  stuck: Stuck | null;
}

/** One frame on this device's socket, as the wire inspector shows it. */
export interface WireFrame {
  direction: "in" | "out";
  /** This device's clock (ms since the epoch). */
  at: number;
  text: string;
}

export interface RoomClient {
  get(): RoomSnapshot;
  subscribe(listener: (snapshot: RoomSnapshot) => void): () => void;
  /** Every message the server sends (the snapshot mirrors the state; demos want events and reports too). */
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /**
   * A feature's reports: the latest one the server sent, at once if there is one (islands that
   * hydrate late start from it), then each new one; always whole (patches folded in). Returns
   * the unsubscribe.
   */
  watch<F extends FeatureName>(feature: F, listener: (report: FeatureReports[F]) => void): () => void;
  /** Every text frame this socket sends or receives. */
  onFrame(listener: (frame: WireFrame) => void): () => void;
  /** The extensions the server accepted for the current socket (e.g. "permessage-deflate"); "" for none. */
  extensions(): string;
  send(message: ClientMessage): boolean;
  close(): void;
}

export interface RoomOptions {
  code: string;
  role: Role;
  /** The audience's stable participant id. */
  pid?: string;
  /** The presenter's key, or the projector's (for role "screen"): sent in the first frame, never in the URL. */
  key?: string;
  /** host[:port] of the room server; the page's own origin by default. */
  host?: string;
}

const REFUSALS: ReadonlySet<string> = new Set(["unauthorized", "no_room", "bad_room", "bad_request"]);
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
const RETRY_MAX_MS = 4_000;
/** Not connected this long: say why, not only "Reconectando…" (then look again as often). */
export const STUCK_AFTER_MS = 10_000;
const PROBE_TIMEOUT_MS = 5_000;

/** "ws" on an http page, "wss" on an https one, whatever the host (PartySocket guesses from it: see connectRoom). */
export function socketProtocol(pageProtocol: string): "ws" | "wss" {
  return pageProtocol === "https:" ? "wss" : "ws";
}

/** The message is `feature`'s report: its name says so, and the name types the data. */
function isReportOf<F extends FeatureName>(message: { feature: FeatureName; data: unknown }, feature: F): message is WholeReport<F> {
  return message.feature === feature;
}

/** The latest report of each feature, whole (patches folded into it), and who watches which. */
class ReportChannel {
  private readonly latest = new Map<FeatureName, WholeReport>();
  private readonly listeners = new Set<(message: WholeReport) => void>();

  publish(message: ReportMessage): void {
    const whole = foldReport(this.latest.get(message.feature), message);
    if (!whole) return;
    this.latest.set(message.feature, whole);
    for (const listener of this.listeners) listener(whole);
  }

  watch<F extends FeatureName>(feature: F, listener: (report: FeatureReports[F]) => void): () => void {
    const forward = (message: WholeReport) => {
      if (isReportOf(message, feature)) listener(message.data);
    };
    const latest = this.latest.get(feature);
    if (latest) forward(latest);
    this.listeners.add(forward);
    return () => this.listeners.delete(forward);
  }
}

/** One WebSocket to one room, mirrored into a snapshot of its public state. */
export function connectRoom(options: RoomOptions): RoomClient {
  const query: Record<string, string> = { role: options.role };
  if (options.pid) query.pid = options.pid;
  // A phone can be sent to one of a crowded talk's halls (src/room/halls.ts): it says it follows.
  if (options.role === "audience") query.halls = "1";
  // PartySocket waits up to 10 s between retries by default and ignores reconnect() during that
  // wait, so a phone back on Wi-Fi sat out the rest of it: 4 s at most keeps the return quick.
  // PartySocket's own guess is "ws" only for localhost and private IPv4 ranges, "wss" for any other
  // host: a phone on a `name.local` address, a LAN outside those ranges or a public IP over plain
  // http retried a TLS handshake against a plain port forever. The page's own scheme is the answer.
  const host = options.host ?? location.host;
  const protocol = socketProtocol(location.protocol);
  const socket = new PartySocket({ host, room: options.code, query, protocol, maxReconnectionDelay: RETRY_MAX_MS });
  // A presenter or screen proves itself first, on every (re)connect, before anything else is sent
  // (a missing key is sent empty, so the room refuses it at once instead of waiting for it).
  if (options.role !== "audience") {
    // Past MAX_KEY_LENGTH a key is wrong however long it is: cut, it stays wrong and the frame stays small.
    const auth = JSON.stringify({ type: "auth", key: (options.key ?? "").slice(0, MAX_KEY_LENGTH + 1) });
    socket.addEventListener("open", () => socket.send(auth));
  }

  let snapshot: RoomSnapshot = { status: "connecting", view: null, clockOffset: 0, error: null, you: null, stuck: null };
  const listeners = new Set<(snapshot: RoomSnapshot) => void>();
  const messageListeners = new Set<(message: ServerMessage) => void>();
  const frameListeners = new Set<(frame: WireFrame) => void>();
  const reports = new ReportChannel();
  let moving = false;
  const update = (changes: Partial<RoomSnapshot>) => {
    snapshot = { ...snapshot, ...changes };
    if (snapshot.status === "online") {
      stuck.stop();
      snapshot.stuck = null;
    } else if (snapshot.status !== "refused") stuck.watch();
    for (const listener of listeners) listener(snapshot);
  };
  const tap = (direction: WireFrame["direction"], text: string) => {
    if (frameListeners.size === 0) return;
    const frame: WireFrame = { direction, at: Date.now(), text };
    for (const listener of frameListeners) listener(frame);
  };
  const send = (message: ClientMessage) => {
    if (socket.readyState !== WebSocket.OPEN) return false;
    const text = JSON.stringify(message);
    socket.send(text);
    tap("out", text);
    return true;
  };

  socket.addEventListener("message", (event) => {
    const text = String(event.data);
    tap("in", text);
    const message = parseServerMessage(text);
    if (!message) return; // not ours, or from a newer server: ignore rather than guess
    if (message.type === "report") reports.publish(message);
    for (const listener of messageListeners) listener(message);
    switch (message.type) {
      case "snapshot":
        moving = false;
        update({
          status: "online",
          view: { seq: message.seq, state: message.state },
          clockOffset: message.now - Date.now(),
          error: null,
          you: message.you,
        });
        // The snapshot's clock reading is one transit late; a ping at once measures the offset properly.
        heartbeat.probe();
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
        heartbeat.answered(message.id, message.now);
        break;
      case "mark":
        // Proof that this phone reads: a room stops sending to sockets that don't (src/room/backlog.ts).
        send({ type: "read", mark: message.id });
        break;
      case "hall":
        // The talk is crowded: this phone's place is in one of its halls, as the same participant.
        // Moving is not reconnecting: the status stays as it was until the hall's snapshot.
        moving = true;
        socket.updateProperties({ party: "hall", room: message.hall });
        socket.reconnect();
        break;
      case "probe":
        // The room hasn't heard from us (a hidden tab's timers slow down): a heartbeat answers.
        heartbeat.probe();
        break;
      case "voted":
        if (snapshot.you) update({ you: { ...snapshot.you, votes: { ...snapshot.you.votes, [message.poll]: message.option } } });
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
    if (moving) return void (moving = false);
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

  // A socket that can't connect only ever says "retrying": after STUCK_AFTER_MS, ask the room's
  // HTTP address whether anything answers there, so the person can be told why, in words.
  const stuck = (() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const diagnose = async () => {
      timer = undefined;
      const answers = await fetch(`${location.protocol}//${host}/parties/main/${options.code}`, { cache: "no-store", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).then(
        () => true,
        () => false,
      );
      if (stopped || snapshot.status === "online" || snapshot.status === "refused") return;
      update({ stuck: { reason: answers ? "no_socket" : "no_server", local: protocol === "ws" } });
    };
    return {
      watch() {
        if (!timer && !stopped) timer = setTimeout(() => void diagnose(), STUCK_AFTER_MS);
      },
      stop() {
        clearTimeout(timer);
        timer = undefined;
      },
      end() {
        stopped = true;
        this.stop();
      },
    };
  })();
  stuck.watch();

  // Conference Wi-Fi drops connections without closing them; a ping nobody answers means a dead
  // socket, so reconnect rather than wait minutes for TCP to notice.
  const heartbeat = (() => {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    let sentAt = 0;
    const probe = () => {
      if (timeout || snapshot.status === "refused") return;
      sentAt = Date.now();
      if (!send({ type: "ping", id: `hb${sentAt}` })) return;
      timeout = setTimeout(() => {
        timeout = undefined;
        update({ status: "reconnecting" });
        socket.reconnect();
      }, HEARTBEAT_TIMEOUT_MS);
    };
    const answered = (id: string, serverNow: number) => {
      if (id !== `hb${sentAt}`) return; // another ping (a demo measuring its round trip)
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
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    watch: (feature, listener) => reports.watch(feature, listener),
    onFrame(listener) {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    extensions: () => socket.extensions,
    send,
    close() {
      heartbeat.stop();
      stuck.end();
      removeEventListener("offline", onOffline);
      removeEventListener("online", onOnline);
      document.removeEventListener("visibilitychange", onVisible);
      socket.close();
    },
  };
}
