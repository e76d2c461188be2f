import { useEffect, useRef, type ReactNode } from "react";
import { useLiveSession } from "../../live/hooks.tsx";
import { joinOrigin } from "../../live/urls.ts";
import { Rich } from "../../i18n/Rich.tsx";
import { useStrings, withLocale } from "../../i18n/react.tsx";
import { findPlaceholders, roomServer, type RoomValues } from "./program.ts";
import { pythonStrings } from "./strings.ts";
import "./PythonInRoom.css";

/**
 * The "Python na sala" program (the slide's own highlighted code block, passed in as children)
 * made true in this room: in a live room its SERVIDOR and SALA show this room's address and
 * code, so a person can copy it and run it; read without a room, it keeps the examples and says
 * how to fill them in.
 */
export default withLocale(function PythonInRoom({ children }: { children?: ReactNode }) {
  const t = useStrings(pythonStrings);
  const session = useLiveSession();
  const code = useRef<HTMLDivElement>(null);
  const values: RoomValues | null = session
    ? { server: roomServer(location, joinOrigin(), import.meta.env.PUBLIC_PARTY_HOST), room: session.code }
    : null;
  const server = values?.server;
  const room = values?.room;
  const slots = useRef<Slots | null>(null);

  useEffect(() => {
    if (!code.current) return;
    slots.current ??= findSlots(code.current);
    if (!slots.current) return;
    slots.current.server.show(server);
    slots.current.room.show(room);
  }, [server, room]);

  return (
    <div className="python-room">
      <div ref={code} className="python-room__code">
        {children}
      </div>
      <div className="python-room__notes">
        {/* Filled in once, as the page connects: nothing to announce (the deck's one live region names the slide). */}
        <p>
          <Rich text={server && room ? t.live(server, room) : t.placeholders} />
        </p>
        <p>
          <Rich text={t.slideNumbers} />
        </p>
      </div>
    </div>
  );
});

/** One value in the highlighted code: the text node that holds it, and what it showed at first. */
interface Slot {
  show(value: string | undefined): void;
}
interface Slots {
  server: Slot;
  room: Slot;
}

/**
 * The text nodes holding the two placeholders in Shiki's markup (one `.line` per line). The code
 * block is static HTML React never re-renders, so writing into it stays put.
 */
function findSlots(root: HTMLElement): Slots | null {
  const lines = [...root.querySelectorAll<HTMLElement>(".line")];
  const found = findPlaceholders(lines.map((line) => line.textContent ?? ""));
  if (!found) return null;
  const server = slotIn(lines[found.server.line]!, found.server.value);
  const room = slotIn(lines[found.room.line]!, found.room.value);
  return server && room ? { server, room } : null;
}

function slotIn(line: HTMLElement, placeholder: string): Slot | null {
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(placeholder);
    if (at < 0) continue;
    const [before, after] = [node.data.slice(0, at), node.data.slice(at + placeholder.length)];
    const text = node;
    return { show: (value) => (text.data = before + (value ?? placeholder) + after) };
  }
  return null;
}
