import { useCallback, useEffect, useRef, useState } from "react";
import { roomHost } from "../../live/urls.ts";
import { acceptSteps, RFC_EXAMPLE, type AcceptSteps } from "./accept.ts";
import type { HandshakeEcho } from "./echo.ts";
import { useStrings, withLocale } from "../../i18n/react.tsx";
import { handshakeStrings } from "./strings.ts";
import "../../live/notLive.css";
import "./HandshakeInspector.css";

type View =
  | { phase: "example" } // before connecting, without JavaScript, or with no server: RFC 6455's example
  | { phase: "connecting" }
  | { phase: "live"; echo: HandshakeEcho; steps: AcceptSteps; path: string };

// Generous: on a conference Wi-Fi a handshake can take seconds, and giving up shows only the example.
const TIMEOUT_MS = 8000;

/**
 * A real opening handshake, inspected: this browser opens a WebSocket to the handshake echo, the
 * server says which headers it received, and the slide recomputes Sec-WebSocket-Accept from the
 * key, step by step, with WebCrypto. With no room server it shows the RFC's own example.
 */
export default withLocale(HandshakeInspector);

function HandshakeInspector() {
  const t = useStrings(handshakeStrings);
  const [view, setView] = useState<View>({ phase: "example" });
  const socket = useRef<WebSocket | null>(null);

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

  const live = view.phase === "live" ? view : null;
  const steps = live?.steps ?? RFC_EXAMPLE;
  const request = live?.echo.request;
  const matches = live ? live.echo.accept === live.steps.accept : true;

  return (
    <figure className="handshake" data-phase={view.phase}>
      <div className="handshake__request">
        <p className="handshake__label">
          {live ? t.liveLabel : t.exampleLabel}
        </p>
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
        <button type="button" className="demo__button" onClick={shake} disabled={view.phase === "connecting"}>
          {view.phase === "connecting" ? t.connecting : t.again}
        </button>
        <span className="handshake__hint">{t.hint}</span>
      </p>
    </figure>
  );
}
