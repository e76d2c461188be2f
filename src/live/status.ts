import type { Role } from "../room/protocol.ts";
import type { RoomSnapshot } from "./room.ts";

export type StatusTone = "ok" | "wait" | "warn" | "bad";

/**
 * What to tell the person about the room, in their words. The audience must be able to tell
 * their own connection trouble ("você está offline") from the presenter's ("apresentador offline").
 */
export function describeStatus(snapshot: RoomSnapshot, role: Role): { tone: StatusTone; text: string } {
  switch (snapshot.status) {
    case "refused":
      return { tone: "bad", text: snapshot.error?.message ?? "A sala recusou a conexão" };
    case "offline":
      return { tone: "bad", text: "Você está offline" };
    case "connecting":
      return { tone: "wait", text: "Conectando…" };
    case "reconnecting":
      return { tone: "wait", text: "Reconectando…" };
    case "online": {
      const state = snapshot.view?.state;
      if (role !== "presenter" && state && !state.presenterOnline) return { tone: "warn", text: "Apresentador offline" };
      if (role === "presenter" && state) {
        const people = state.audience === 1 ? "1 pessoa" : `${state.audience} pessoas`;
        return { tone: "ok", text: `Ao vivo · ${people}` };
      }
      return { tone: "ok", text: "Ao vivo" };
    }
  }
}

/** Keeps a status pill (`[data-room-status]`) in step with the room. */
export function renderStatus(element: HTMLElement, snapshot: RoomSnapshot, role: Role): void {
  const { tone, text } = describeStatus(snapshot, role);
  element.dataset.tone = tone;
  if (element.textContent !== text) element.textContent = text;
}
