/**
 * "Enviar requisição": one real HTTP request from this device to the room, measured. Keeps the
 * latest exchange for the phone to show; a new press replaces it (one at a time).
 */
import { useCallback, useRef, useState } from "react";
import { participantFor } from "../../live/identity.ts";
import type { LiveSession } from "../../live/session.ts";
import { roomApi } from "../../live/urls.ts";
import { useLocale } from "../../i18n/react.tsx";
import { helloUrl, parseHello, refusalOf, requestLine, type Hello, type Refusal } from "./hello.ts";
import { measuredFetch, type MeasuredResponse } from "../measure/measuredFetch.ts";

/** A conference Wi-Fi can take seconds; past this the phone says it got no answer. */
const TIMEOUT_MS = 8000;

export type SentExchange =
  | { phase: "sending"; key: number; requestLine: string }
  | { phase: "answered"; key: number; requestLine: string; response: MeasuredResponse; hello: Hello | null; refusal: Refusal | null }
  | { phase: "failed"; key: number; requestLine: string };

/** The room's refusal, when the answer is one of its error bodies (a 429, a 400). */
function errorRefusal(response: MeasuredResponse): Refusal | null {
  const refusal = refusalOf(response.status, response.body);
  return refusal.code === null ? null : refusal;
}

export function useSendRequest(session: LiveSession): { exchange: SentExchange | null; send: () => void; busy: boolean } {
  const [exchange, setExchange] = useState<SentExchange | null>(null);
  const key = useRef(0);
  const locale = useLocale();

  const send = useCallback(async () => {
    // A phone sends its own id; a presenter's device asks the room for one (once), like a phone.
    const url = helloUrl(roomApi(session.code), session.pid ?? (await participantFor(session.code)), locale);
    const line = requestLine("GET", url, location.href);
    const mine = ++key.current;
    setExchange({ phase: "sending", key: mine, requestLine: line });
    measuredFetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
      (response) => {
        if (key.current !== mine) return;
        setExchange({
          phase: "answered",
          key: mine,
          requestLine: line,
          response,
          hello: response.status === 200 ? parseHello(response.body) : null,
          refusal: errorRefusal(response),
        });
      },
      () => {
        if (key.current === mine) setExchange({ phase: "failed", key: mine, requestLine: line });
      },
    );
  }, [session, locale]);

  return { exchange, send, busy: exchange?.phase === "sending" };
}
