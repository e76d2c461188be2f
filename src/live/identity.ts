import { isParticipantId } from "../room/participants.ts";
import { issueParticipant, type NoParticipant } from "./api.ts";

const PID_PREFIX = "full-duplex:participant:";
const KEY_PREFIX = "full-duplex:presenter-key:";
const SCREEN_PREFIX = "full-duplex:screen-key:";
const LAST_PRESENTED = "full-duplex:last-presented";

const issuing = new Map<string, Promise<string | NoParticipant>>();

/**
 * This browser's participant id in room `code`: issued by the room the first time (ids are the
 * room's to give: src/room/participants.ts), then kept, so a reload or a phone waking up rejoins as
 * the same person and is counted once. Asked once per page however many islands want it.
 */
export function participantFor(code: string): Promise<string | NoParticipant> {
  const stored = read(PID_PREFIX + code);
  if (stored && isParticipantId(stored)) return Promise.resolve(stored);
  let pending = issuing.get(code);
  if (!pending) {
    pending = issueParticipant(code).then((pid) => {
      issuing.delete(code);
      if (isParticipantId(pid)) write(PID_PREFIX + code, pid);
      return pid;
    });
    issuing.set(code, pending);
  }
  return pending;
}

/** The presenter key of a room this browser created or was handed (never sent anywhere else). */
export function presenterKey(code: string): string | null {
  return read(KEY_PREFIX + code);
}

export function rememberPresenterKey(code: string, key: string): void {
  write(KEY_PREFIX + code, key);
}

/** The room was erased (or is gone): its key opens nothing any more. */
export function forgetPresenterKey(code: string): void {
  remove(KEY_PREFIX + code);
  if (read(LAST_PRESENTED) === code) remove(LAST_PRESENTED);
}

/** This browser presents room `code` now: `/present/` opened afresh offers to go back to it. */
export function rememberPresented(code: string): void {
  write(LAST_PRESENTED, code);
}

/** The room this browser presented last, if it still holds its key. */
export function lastPresented(): { code: string; key: string } | null {
  const code = read(LAST_PRESENTED);
  const key = code ? presenterKey(code) : null;
  return code && key ? { code, key } : null;
}

/**
 * The projector's key of room `code`: handed over in the address's fragment (`#key=…`, which
 * browsers never send to a server) and taken out of the address bar at once, or kept from before
 * (a reload of the projector window).
 */
export function screenKey(code: string): string | null {
  const handed = new URLSearchParams(location.hash.slice(1)).get("key");
  if (handed) {
    write(SCREEN_PREFIX + code, handed);
    history.replaceState(null, "", location.pathname + location.search);
  }
  return read(SCREEN_PREFIX + code);
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode): this visit still works, a reload starts afresh.
  }
}

function remove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage refused: nothing was kept.
  }
}
