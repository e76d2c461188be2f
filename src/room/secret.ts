/**
 * The presenter key: whoever holds it drives the room. The server generates it, hands it out once
 * (the 201 answer to the POST that creates the room) and keeps only its SHA-256, so a leaked
 * storage dump does not let anyone present.
 */
import type { RandomFill } from "./codes.ts";
import { base64url, hex } from "./encoding.ts";

/** 32 random bytes, base64url: 43 URL-safe characters, no padding. */
export function newPresenterKey(random: RandomFill = (bytes) => crypto.getRandomValues(bytes)): string {
  return base64url(random(new Uint8Array(32)));
}

/** SHA-256 of the key's UTF-8 bytes, lower-case hex (64 characters). */
export async function hashKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return hex(new Uint8Array(digest));
}

/**
 * Compares two digests (hex or base64url) in time that depends only on their length, not on where
 * they first differ, so response timing can't be used to guess one character by character.
 */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * The projector's key, derived from the presenter key so the presenter's page can hand it to the
 * projector window, and hashed like it on the server. Holding it shows the room as the projector
 * does; it drives nothing, and it cannot be turned back into the presenter key.
 */
export async function screenKeyOf(presenterKey: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`screen:${presenterKey}`));
  return base64url(new Uint8Array(digest));
}

/** Longest key worth hashing: real keys are 43 characters; anything far longer is junk. */
export const MAX_KEY_LENGTH = 256;

export async function keyMatches(key: string | null | undefined, storedHash: string): Promise<boolean> {
  if (!key || key.length > MAX_KEY_LENGTH) return false;
  return sameHex(await hashKey(key), storedHash);
}
