import { test } from "node:test";
import assert from "node:assert/strict";
import { planPersonalRoom } from "../../src/deck/personal/plan.ts";

test("a browsing tab makes a room, keeps it through a reload, and an invite makes a guest", () => {
  assert.deepEqual(planPersonalRoom(null, null), { create: true });
  assert.deepEqual(planPersonalRoom(null, { code: "K7M2Q", key: "secret" }), { join: { code: "K7M2Q", key: "secret" } });
  assert.deepEqual(planPersonalRoom("AB2CD", null), { join: { code: "AB2CD" } });
  // A tab opened from the owner's may inherit its storage, key and all: the invite still makes a guest.
  assert.deepEqual(planPersonalRoom("K7M2Q", { code: "K7M2Q", key: "secret" }), { join: { code: "K7M2Q" } });
  assert.deepEqual(planPersonalRoom("AB2CD", { code: "K7M2Q", key: "secret" }), { join: { code: "AB2CD" } });
});
