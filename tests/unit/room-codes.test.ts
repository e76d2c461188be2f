import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ROOM_CODE_ALPHABET,
  isCanonicalRoomCode,
  isRoomCode,
  newRoomCode,
  normalizeRoomCode,
} from "../../src/room/codes.ts";

test("the alphabet has no look-alikes", () => {
  for (const confusable of "0O1IL") assert.ok(!ROOM_CODE_ALPHABET.includes(confusable), confusable);
  assert.equal(new Set(ROOM_CODE_ALPHABET).size, ROOM_CODE_ALPHABET.length);
  assert.equal(ROOM_CODE_ALPHABET.length, 31);
});

test("new codes are five characters of the alphabet and canonical", () => {
  for (let i = 0; i < 500; i++) {
    const code = newRoomCode();
    assert.match(code, /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}$/);
    assert.ok(isCanonicalRoomCode(code));
  }
});

test("bytes that would bias the draw are skipped", () => {
  // 248..255 are dropped (248 = 8 × 31), so only the later bytes make the code.
  let calls = 0;
  const code = newRoomCode((bytes) => {
    calls++;
    bytes.fill(calls === 1 ? 250 : 0);
    return bytes;
  });
  assert.equal(calls, 2);
  assert.equal(code, "AAAAA");
  assert.equal(newRoomCode((bytes) => bytes.fill(30)), "99999");
  assert.equal(newRoomCode((bytes) => bytes.fill(31)), "AAAAA");
});

test("normalizeRoomCode accepts lower case and surrounding spaces", () => {
  assert.equal(normalizeRoomCode("ab2cd"), "AB2CD");
  assert.equal(normalizeRoomCode("  xyz99 \n"), "XYZ99");
  assert.ok(isRoomCode("hjkmn"));
  assert.ok(!isCanonicalRoomCode("hjkmn"), "the server wants the canonical form");
});

test("normalizeRoomCode refuses what cannot be a code", () => {
  for (const bad of ["", "ABCD", "ABCDEF", "ABCD0", "ABCDO", "ABCD1", "ABCDI", "ABCDL", "AB CD", "ABC-D", "ÁBCDE", "abcdl"]) {
    assert.equal(normalizeRoomCode(bad), null, bad);
    assert.ok(!isRoomCode(bad), bad);
  }
});
