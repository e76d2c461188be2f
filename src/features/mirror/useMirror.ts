/**
 * The two ends of the mirror in the browser: the presenter's islands say what they show, the
 * projector's islands draw it instead of running their own sockets and requests.
 */
import { useCallback, useEffect, useRef } from "react";
import { drives, isScreen, useLinkStatus, useReport } from "../../live/hooks.tsx";
import type { LiveSession } from "../../live/session.ts";
import type { MirroredDemo, MirrorView, ViewOf } from "./protocol.ts";

/** At most one view a demo per this many ms (the room reports no faster). */
export const MIRROR_MS = 250;

/**
 * For a presenter's island: `show(view)` sends what it shows now to the projector; the same
 * view twice is sent once, a burst at most every MIRROR_MS (its last view always goes), and the
 * latest again when the link comes back (the room may have restarted). For anyone else, a no-op.
 */
export function useShowOnProjector(session: LiveSession | null): (view: MirrorView) => void {
  const state = useRef<{ latest: MirrorView | null; sent: string; sentAt: number; timer: ReturnType<typeof setTimeout> | undefined }>({
    latest: null,
    sent: "",
    sentAt: 0,
    timer: undefined,
  });
  const status = useLinkStatus(session);

  const flush = useCallback(() => {
    const now = state.current;
    now.timer = undefined;
    if (!session || !now.latest) return;
    const text = JSON.stringify(now.latest);
    if (text === now.sent) return;
    if (session.client.send({ type: "mirror", view: now.latest })) {
      now.sent = text;
      now.sentAt = Date.now();
    }
  }, [session]);

  const show = useCallback(
    (view: MirrorView) => {
      if (!session || !drives(session)) return;
      const now = state.current;
      now.latest = view;
      if (now.timer !== undefined) return;
      const wait = now.sentAt + MIRROR_MS - Date.now();
      if (wait <= 0) flush();
      else now.timer = setTimeout(flush, wait);
    },
    [session, flush],
  );

  useEffect(() => {
    if (status !== "online") return;
    state.current.sent = "";
    flush();
  }, [status, flush]);

  useEffect(() => () => clearTimeout(state.current.timer), []);
  return show;
}

/** For the projector's island: the presenter's latest view of `demo` (null until it showed one; null for other roles). */
export function usePresenterView<D extends MirroredDemo>(session: LiveSession | null, demo: D): ViewOf<D> | null {
  const report = useReport(isScreen(session) ? session : null, "mirror");
  return (report?.[demo] ?? null) as ViewOf<D> | null;
}
