import { newParticipantId, isParticipantId } from "../room/participants.ts";

const PID_KEY = "full-duplex:participant";
const KEY_PREFIX = "full-duplex:presenter-key:";
const SCREEN_PREFIX = "full-duplex:screen-key:";

/**
 * This browser's participant id: made once and kept, so a reload or a phone waking up
 * rejoins as the same person (and is counted once).
 */
export function participantId(): string {
  const stored = read(PID_KEY);
  if (stored && isParticipantId(stored)) return stored;
  const fresh = newParticipantId();
  write(PID_KEY, fresh);
  return fresh;
}

/** The presenter key of a room this browser created or was handed (never sent anywhere else). */
export function presenterKey(code: string): string | null {
  return read(KEY_PREFIX + code);
}

export function rememberPresenterKey(code: string, key: string): void {
  write(KEY_PREFIX + code, key);
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
