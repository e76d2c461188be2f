import { test } from "node:test";
import assert from "node:assert/strict";
import { planPersonalRoom } from "../../src/deck/personal/plan.ts";
import { describePersonal } from "../../src/deck/personal/status.ts";
import type { RoomSnapshot } from "../../src/live/room.ts";
import { initialState } from "../../src/room/state.ts";

test("a browsing tab makes a room, keeps it through a reload, and an invite makes a guest", () => {
  assert.deepEqual(planPersonalRoom(null, null), { create: true });
  assert.deepEqual(planPersonalRoom(null, { code: "K7M2Q", key: "secret" }), { join: { code: "K7M2Q", key: "secret" } });
  assert.deepEqual(planPersonalRoom("AB2CD", null), { join: { code: "AB2CD" } });
  // A tab opened from the owner's may inherit its storage, key and all: the invite still makes a guest.
  assert.deepEqual(planPersonalRoom("K7M2Q", { code: "K7M2Q", key: "secret" }), { join: { code: "K7M2Q" } });
  assert.deepEqual(planPersonalRoom("AB2CD", { code: "K7M2Q", key: "secret" }), { join: { code: "AB2CD" } });
});

const snapshot = (status: RoomSnapshot["status"], audience = 0): RoomSnapshot => ({
  status,
  view: status === "online" ? { seq: 1, state: { ...initialState("K7M2Q"), audience } } : null,
  clockOffset: 0,
  error: null,
  you: null,
  stuck: null,
});

test("the room card says who is in the room, in each language", () => {
  assert.deepEqual(describePersonal(snapshot("online", 0), true, "pt-br"), { tone: "ok", text: "Só você por enquanto" });
  assert.deepEqual(describePersonal(snapshot("online", 2), true, "en"), { tone: "ok", text: "You and 2 more" });
  assert.deepEqual(describePersonal(snapshot("online", 2), false, "pt-br"), { tone: "ok", text: "Conectado" });
  assert.deepEqual(describePersonal(snapshot("refused"), false, "en"), { tone: "bad", text: "This room is gone: reload to open another" });
});

test("the room card words the link's states as every live page does, in each language", () => {
  for (const owner of [true, false]) {
    assert.deepEqual(describePersonal(snapshot("connecting"), owner, "pt-br"), { tone: "wait", text: "Conectando…" });
    assert.deepEqual(describePersonal(snapshot("reconnecting"), owner, "pt-br"), { tone: "wait", text: "Reconectando…" });
    assert.deepEqual(describePersonal(snapshot("offline"), owner, "pt-br"), { tone: "bad", text: "Você está offline" });
    assert.deepEqual(describePersonal(snapshot("connecting"), owner, "en"), { tone: "wait", text: "Connecting…" });
    assert.deepEqual(describePersonal(snapshot("reconnecting"), owner, "en"), { tone: "wait", text: "Reconnecting…" });
    assert.deepEqual(describePersonal(snapshot("offline"), owner, "en"), { tone: "bad", text: "You're offline" });
  }
});
