/**
 * Room codes: what a phone types after reading it off the projector. Five characters from an
 * alphabet without look-alikes (no 0/O, no 1/I/L), so "ROOM0" vs "ROOMO" can't happen.
 * 31^5 ≈ 28.6 million codes: plenty for rooms that live one talk, and a clash is answered by
 * the server (409 room_exists) so the client simply draws another.
 */
export const ROOM_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const ROOM_CODE_LENGTH = 5;

const CODE_PATTERN = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** Fills `bytes` with random values, like `crypto.getRandomValues`. */
export type RandomFill = (bytes: Uint8Array) => Uint8Array;

// A wrapper, not `crypto.getRandomValues` itself: browsers throw "Illegal invocation" when it is
// called detached from `crypto`.
const cryptoFill: RandomFill = (bytes) => crypto.getRandomValues(bytes);

// The largest multiple of the alphabet's size that fits in a byte: bytes at or above it are
// dropped, so every character is equally likely (plain `% 31` would favour the first ones).
const UNBIASED_LIMIT = 256 - (256 % ROOM_CODE_ALPHABET.length);

export function newRoomCode(random: RandomFill = cryptoFill): string {
  let code = "";
  while (code.length < ROOM_CODE_LENGTH) {
    for (const byte of random(new Uint8Array(16))) {
      if (byte >= UNBIASED_LIMIT) continue;
      code += ROOM_CODE_ALPHABET[byte % ROOM_CODE_ALPHABET.length];
      if (code.length === ROOM_CODE_LENGTH) break;
    }
  }
  return code;
}

/** A code as typed by a person ("  ab2cd ") → its canonical form ("AB2CD"), or null if it can't be one. */
export function normalizeRoomCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/** True for anything `normalizeRoomCode` accepts, lower case included. */
export function isRoomCode(input: string): boolean {
  return normalizeRoomCode(input) !== null;
}

/**
 * True only for the canonical (upper-case) form. The server needs this one: PartyKit picks the
 * room by the exact id in the URL, so "ab2cd" would be another room than "AB2CD".
 */
export function isCanonicalRoomCode(input: string): boolean {
  return CODE_PATTERN.test(input);
}
