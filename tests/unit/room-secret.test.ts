import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { hashKey, keyMatches, newPresenterKey, sameHex, screenKeyOf } from "../../src/room/secret.ts";

test("presenter keys are 32 random bytes in base64url", () => {
  const keys = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const key = newPresenterKey();
    assert.match(key, /^[A-Za-z0-9_-]{43}$/);
    keys.add(key);
  }
  assert.equal(keys.size, 200);
  assert.equal(newPresenterKey((bytes) => bytes.fill(0xff)), "_".repeat(42) + "8");
  assert.equal(Buffer.from(newPresenterKey(), "base64url").length, 32);
});

test("hashKey is SHA-256 hex of the UTF-8 key", async () => {
  assert.equal(await hashKey("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  for (const key of ["", "ação", newPresenterKey()]) {
    assert.equal(await hashKey(key), createHash("sha256").update(key, "utf8").digest("hex"));
  }
});

test("sameHex compares whole strings", () => {
  const a = "0123456789abcdef";
  assert.ok(sameHex(a, "0123456789abcdef"));
  assert.ok(!sameHex(a, "0123456789abcdee"));
  assert.ok(!sameHex(a, "1123456789abcdef"));
  assert.ok(!sameHex(a, a.slice(0, -1)));
  assert.ok(sameHex("", ""));
});

test("keyMatches accepts the key and nothing else", async () => {
  const key = newPresenterKey();
  const hash = await hashKey(key);
  assert.equal(await keyMatches(key, hash), true);
  assert.equal(await keyMatches(key.slice(0, -1), hash), false);
  assert.equal(await keyMatches(hash, hash), false, "the hash itself is not a key");
  assert.equal(await keyMatches("", hash), false);
  assert.equal(await keyMatches(null, hash), false);
  assert.equal(await keyMatches("k".repeat(10_000), hash), false);
});

test("the projector's key is derived from the presenter key, and tells nothing of it", async () => {
  const key = "oZFryNBnIwmdorLcfMQUV_6gbMmzRosJkhzPuK0aink";
  const screen = await screenKeyOf(key);
  assert.match(screen, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(await screenKeyOf(key), screen, "the same key, the same projector key");
  assert.notEqual(screen, key);
  assert.notEqual(await screenKeyOf(`${key}A`), screen);
});
