import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { roomHost } from "../../live/urls.ts";
import { isScreen, useSessionIfAny, useSlideActive } from "../../live/hooks.tsx";
import type { LiveSession } from "../../live/session.ts";
import { usePresenterView, useShowOnProjector } from "../mirror/useMirror.ts";
import { acceptSteps, RFC_EXAMPLE, type AcceptSteps } from "./accept.ts";
import type { HandshakeEcho } from "./echo.ts";
import { echoOfShown, handshakeShown } from "./shown.ts";
import { useStrings, withLocale } from "../../i18n/react.tsx";
import { handshakeStrings } from "./strings.ts";
import "../../live/notLive.css";
import "./HandshakeInspector.css";

interface Live {
  echo: HandshakeEcho;
  steps: AcceptSteps;
  path: string;
}

type View =
  | { phase: "example" } // before connecting, without JavaScript, or with no server: RFC 6455's example
  | { phase: "connecting" }
  | ({ phase: "live" } & Live);

// Generous: on a conference Wi-Fi a handshake can take seconds, and giving up shows only the example.
const TIMEOUT_MS = 8000;

/**
 * A real opening handshake, inspected: this browser opens a WebSocket to the handshake echo, the
 * server says which headers it received, and the slide recomputes Sec-WebSocket-Accept from the
 * key, step by step, with WebCrypto. With no room server it shows the RFC's own example. The
 * projector's window opens no socket: it shows the presenter's handshake, recomputed the same way.
 */
export default withLocale(HandshakeInspector);

function HandshakeInspector() {
  // No room is asked for: the echo needs none. In one, the projector shows the presenter's run.
  const session = useSessionIfAny();
  return isScreen(session) ? <PresentersHandshake session={session} /> : <OwnHandshake session={session} />;
}

/** This browser's own handshake (a reader, a phone, the presenter, whose run the projector shows). */
function OwnHandshake({ session }: { session: LiveSession | null }) {
  const t = useStrings(handshakeStrings);
  const [view, setView] = useState<View>({ phase: "example" });
  const socket = useRef<WebSocket | null>(null);
  const [ref, active] = useSlideActive<HTMLElement>();
  const show = useShowOnProjector(session);

  const shake = useCallback(() => {
    socket.current?.close();
    setView({ phase: "connecting" });
    const path = `/parties/handshake/${Math.random().toString(36).slice(2, 10)}`;
    const ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${roomHost()}${path}`);
    socket.current = ws;
    let answered = false;
    const giveUp = setTimeout(() => ws.close(), TIMEOUT_MS);
    ws.onmessage = async (event) => {
      const echo = JSON.parse(String(event.data)) as HandshakeEcho;
      if (echo.type !== "handshake" || !echo.request.key) return;
      answered = true;
      clearTimeout(giveUp);
      setView({ phase: "live", echo, steps: await acceptSteps(echo.request.key), path });
    };
    ws.onclose = () => {
      clearTimeout(giveUp);
      if (!answered && socket.current === ws) setView({ phase: "example" });
    };
  }, []);

  useEffect(() => {
    shake();
    return () => socket.current?.close();
  }, [shake]);

  // While its slide is on screen, the presenter's handshake is the projector's too.
  useEffect(() => {
    if (!active || view.phase !== "live") return;
    const shown = handshakeShown(view.echo, view.path);
    if (shown) show(shown);
  }, [active, view, show]);

  return (
    <Inspector rootRef={ref} phase={view.phase} live={view.phase === "live" ? view : null} label={view.phase === "live" ? t.liveLabel : t.exampleLabel}>
      <button type="button" className="demo__button" onClick={shake} disabled={view.phase === "connecting"}>
        {view.phase === "connecting" ? t.connecting : t.again}
      </button>
    </Inspector>
  );
}

/** The projector: the presenter's latest handshake, its accept recomputed here; no button. */
function PresentersHandshake({ session }: { session: LiveSession }) {
  const t = useStrings(handshakeStrings);
  const shown = usePresenterView(session, "handshake");
  const [live, setLive] = useState<Live | null>(null);

  useEffect(() => {
    if (!shown) return setLive(null);
    let current = true;
    void acceptSteps(shown.request.key).then((steps) => {
      if (current) setLive({ echo: echoOfShown(shown), steps, path: shown.path });
    });
    return () => {
      current = false;
    };
  }, [shown]);

  return <Inspector phase={live ? "live" : "example"} live={live} label={live ? t.presentersLabel : t.exampleLabel} source="presenter" />;
}

interface InspectorProps {
  phase: View["phase"];
  live: Live | null;
  label: string;
  /** Whose handshake it is: this browser's, or (on the projector) the presenter's. */
  source?: "own" | "presenter";
  rootRef?: (node: HTMLElement | null) => void;
  /** The controls: none on the projector. */
  children?: ReactNode;
}

function Inspector({ phase, live, label, source = "own", rootRef, children }: InspectorProps) {
  const t = useStrings(handshakeStrings);
  const steps = live?.steps ?? RFC_EXAMPLE;
  const request = live?.echo.request;
  const matches = live ? live.echo.accept === live.steps.accept : true;

  return (
    <figure className="handshake" data-phase={phase} data-source={source} ref={rootRef}>
      <div className="handshake__request">
        <p className="handshake__label">{label}</p>
        <pre className="handshake__http">
          <code>
            {`GET ${live?.path ?? "/chat"} HTTP/1.1\n`}
            {`Upgrade: ${request?.upgrade ?? "websocket"}\n`}
            {`Connection: ${request?.connection ?? "Upgrade"}\n`}
            <mark>{`Sec-WebSocket-Key: ${steps.key}`}</mark>
            {`\nSec-WebSocket-Version: ${request?.version ?? "13"}`}
            {request?.extensions ? `\nSec-WebSocket-Extensions: ${request.extensions}` : ""}
          </code>
        </pre>
      </div>
      <ol className="handshake__steps">
        <li>
          <span className="handshake__step">{t.keyPlusGuid}</span>
          <code>{steps.concatenated}</code>
        </li>
        <li>
          <span className="handshake__step">SHA-1</span>
          <code>{steps.sha1Hex}</code>
        </li>
        <li>
          <span className="handshake__step">base64</span>
          <code className="handshake__accept">{steps.accept}</code>
          <span className="handshake__verdict" data-match={matches}>
            {live ? (matches ? t.matches : t.differs) : t.rfcAccept}
          </span>
        </li>
      </ol>
      <p className="handshake__actions">
        {children}
        <span className="handshake__hint">{source === "presenter" ? t.presentersHint : t.hint}</span>
      </p>
    </figure>
  );
}
