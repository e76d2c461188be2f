/**
 * A phone watching the event stream on one lane, while its slide is on screen (`lane` null: not
 * watching): polls every POLL_MS, keeps a long poll open, or listens to the room socket's `event`
 * frames. It tells the server its lane, so the projector counts phones per lane and the server
 * knows where to push.
 */
import { useEffect, useRef, useState } from "react";
import type { LiveSession } from "../../live/session.ts";
import type { Lane } from "./protocol.ts";
import { useLinkStatus } from "../../live/hooks.tsx";
import type { Refusal } from "../requests/hello.ts";
import { AnswerError, getEvents, getLast, LONG_POLL_WAIT_S, pause, POLL_MS } from "./api.ts";
import { retryDelay, takeNews } from "./feed.ts";
import type { StreamEvent } from "./stream.ts";

const REANNOUNCE_MS = 20_000;

export interface Feed {
  /** HTTP requests this phone made for events on its current lane (polls or long polls). */
  requests: number;
  /** Why the last request failed, while it keeps failing (null when all is well): a refusal, or no answer. */
  problem: Problem | null;
}

export type Problem = Refusal | "no-answer";

function problemOf(error: unknown): Problem {
  return error instanceof AnswerError ? error.refusal : "no-answer";
}

export function useLaneFeed(session: LiveSession | null, lane: Lane | null, deliver: (events: StreamEvent[]) => void): Feed {
  const [requests, setRequests] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  /** The newest event id this phone knows of (null: not watching, or not asked yet). */
  const cursor = useRef<number | null>(null);
  const onEvents = useRef(deliver);
  onEvents.current = deliver;
  const online = useLinkStatus(session) === "online";

  // Tell the server which lane (again after a reconnect: a new connection starts with none), and
  // now and then while watching: a room server woken from hibernation has forgotten its lanes.
  const announced = useRef<Lane | null>(null);
  useEffect(() => {
    if (!session || session.role !== "audience" || !online) return;
    if (lane === null && announced.current === null) return; // never watched: nothing to take back
    const announce = () => {
      if (session.client.send({ type: "lane", lane })) announced.current = lane;
    };
    announce();
    if (lane === null) return;
    const timer = setInterval(announce, REANNOUNCE_MS);
    return () => clearInterval(timer);
  }, [session, lane, online]);
  useEffect(
    () => () => {
      if (announced.current !== null) session?.client.send({ type: "lane", lane: null });
    },
    [session],
  );

  useEffect(() => {
    setProblem(null);
    setRequests(0); // this lane's requests: a WebSocket phone shows 0 even if it polled before switching
    if (lane === null) cursor.current = null; // coming back later starts from "now", not from old news
    if (!session || lane !== "ws") return;
    return session.client.onMessage((message) => {
      if (message.type !== "event" || (cursor.current !== null && message.id <= cursor.current)) return;
      cursor.current = message.id;
      onEvents.current([{ id: message.id, at: message.at }]);
    });
  }, [session, lane]);

  useEffect(() => {
    if (!session || (lane !== "poll" && lane !== "longpoll")) return;
    const controller = new AbortController();
    const { signal } = controller;
    const wait = lane === "longpoll" ? LONG_POLL_WAIT_S : null;
    (async () => {
      let failures = 0;
      while (!signal.aborted) {
        const started = Date.now();
        try {
          if (cursor.current === null) {
            const { last } = await getLast(session.code, signal);
            if (signal.aborted) break; // a stale loop must not touch the next lane's cursor
            cursor.current = last;
          }
          setRequests((n) => n + 1);
          const answer = await getEvents(session.code, cursor.current, wait, session.pid ?? "", signal);
          if (signal.aborted) break;
          const { cursor: next, news } = takeNews(cursor.current ?? 0, answer);
          cursor.current = next;
          if (news.length > 0) onEvents.current(news);
          failures = 0;
          setProblem(null);
        } catch (error) {
          if (signal.aborted) break;
          failures += 1;
          setProblem(problemOf(error));
          await pause(retryDelay(failures), signal);
          continue;
        }
        // Polling asks on a fixed rhythm; a long poll asks again at once.
        if (wait === null) await pause(Math.max(0, POLL_MS - (Date.now() - started)), signal);
      }
    })();
    return () => controller.abort();
  }, [session, lane]);

  return { requests, problem };
}
