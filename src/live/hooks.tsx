/**
 * What every live demo needs from the room: the session this page is in (presenter, phone or
 * none), its link status, its server messages and its demo's latest report. A demo renders
 * <NotLive> when there is no session, so a reader browsing the slides, or the static site with
 * no room server at all, sees what the demo would show and how to see it live.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import { getPosition, subscribe } from "./position.ts";
import { useSlideIndex } from "./useSlide.ts";
import type { FeatureName, FeatureReports } from "../room/protocol.ts";
import type { ServerMessage } from "../room/wire.ts";
import type { LinkStatus, RoomSnapshot } from "./room.ts";
import { wantRoom, watchLiveSession, type LiveSession } from "./session.ts";

/**
 * The room this page is in. On a reader's deck with no talk going on, the first demo to appear
 * opens a room of the reader's own (deck/personal/), so the demos work there too.
 */
export function useLiveSession(): LiveSession | null {
  const [session, setSession] = useState<LiveSession | null>(null);
  useEffect(() => {
    const stop = watchLiveSession(setSession);
    wantRoom();
    return stop;
  }, []);
  return session;
}

/**
 * The room this page is in, if any, without asking for one: for a demo that works without a
 * room (the handshake echo) but shows the presenter's run on the projector.
 */
export function useSessionIfAny(): LiveSession | null {
  const [session, setSession] = useState<LiveSession | null>(null);
  useEffect(() => watchLiveSession(setSession), []);
  return session;
}

export function useLinkStatus(session: LiveSession | null): LinkStatus | null {
  const [status, setStatus] = useState<LinkStatus | null>(session?.client.get().status ?? null);
  useEffect(() => {
    if (!session) return setStatus(null);
    setStatus(session.client.get().status);
    return session.client.subscribe((snapshot) => setStatus(snapshot.status));
  }, [session]);
  return status;
}

/** The room as this page mirrors it (state, who we are, link status); null outside a room. */
export function useRoomSnapshot(session: LiveSession | null): RoomSnapshot | null {
  const [snapshot, setSnapshot] = useState<RoomSnapshot | null>(session?.client.get() ?? null);
  useEffect(() => {
    if (!session) return setSnapshot(null);
    setSnapshot(session.client.get());
    return session.client.subscribe(setSnapshot);
  }, [session]);
  return snapshot;
}

/** Calls `listener` for every message the server sends this page (keep it stable, or cheap to re-subscribe). */
export function useServerMessages(session: LiveSession | null, listener: (message: ServerMessage) => void): void {
  useEffect(() => session?.client.onMessage(listener), [session, listener]);
}

/** The latest report of one feature (presenters and screens get every feature's; the audience only some). */
export function useReport<F extends FeatureName>(session: LiveSession | null, feature: F): FeatureReports[F] | null {
  const [report, setReport] = useState<FeatureReports[F] | null>(null);
  useEffect(() => {
    if (!session) return;
    setReport(null);
    return session.client.watch(feature, setReport);
  }, [session, feature]);
  return report;
}

/**
 * Is the slide this island sits in the one on screen? Attach `ref` to the island's root. A demo
 * works only while its slide is shown: a phone that moved on stops polling, pinging, streaming.
 */
export function useSlideActive<T extends Element>(): [(node: T | null) => void, boolean] {
  const [ref, slide] = useSlideIndex<T>();
  const active = useSyncExternalStore(
    subscribe,
    () => slide !== null && getPosition()?.slide === slide,
    () => false,
  );
  return [ref, active];
}

/** Presenters and the projector's screen show a demo's board (the room's measurements). */
export function showsBoard(session: LiveSession): boolean {
  return session.role !== "audience";
}

/**
 * The projector's screen works no control at all: where a demo runs in the presenter's own
 * browser, the screen shows the presenter's run (src/features/mirror).
 */
export function isScreen(session: LiveSession | null): session is LiveSession & { role: "screen" } {
  return session?.role === "screen";
}

/** Only the presenter works a demo's controls (start, fire, reset). */
export function drives(session: LiveSession): boolean {
  return session.role === "presenter";
}

/** The server's clock, as this device best knows it (ms since the epoch). */
export function serverNow(session: LiveSession): number {
  return Date.now() + session.client.get().clockOffset;
}
