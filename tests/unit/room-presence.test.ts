import { test } from "node:test";
import assert from "node:assert/strict";
import type { Member } from "../../src/room/participants.ts";
import { departed, heldPresence, NO_DEPARTURES, PRESENCE_GRACE_MS } from "../../src/room/presence.ts";

const presenter: Member = { role: "presenter" };
const screen: Member = { role: "screen" };
const phone = (pid: string): Member => ({ role: "audience", pid });

test("with nobody gone, presence is who is connected: unique participants, any presenter", () => {
  const held = heldPresence([presenter, presenter, screen, phone("a"), phone("a"), phone("b")], NO_DEPARTURES, 0);
  assert.deepEqual(held.presence, { audience: 2, presenterOnline: true });
  assert.equal(held.recheckAt, null);
  assert.deepEqual(heldPresence([screen], NO_DEPARTURES, 0).presence, { audience: 0, presenterOnline: false });
});

test("a presenter who reloads within the grace period never shows as offline", () => {
  const gone = departed(NO_DEPARTURES, presenter, 1_000);
  const during = heldPresence([phone("a")], gone, 1_000 + PRESENCE_GRACE_MS - 1);
  assert.equal(during.presence.presenterOnline, true, "held");
  assert.equal(during.recheckAt, 1_000 + PRESENCE_GRACE_MS);
  const back = heldPresence([phone("a"), presenter], during.departures, 2_500);
  assert.equal(back.presence.presenterOnline, true);
  assert.equal(back.departures.presenter, null, "back: the departure is dropped");
  assert.equal(back.recheckAt, null);
});

test("a presenter away past the grace period is offline; any presenter (a remote) keeps the room online", () => {
  const gone = departed(NO_DEPARTURES, presenter, 0);
  const after = heldPresence([], gone, PRESENCE_GRACE_MS);
  assert.equal(after.presence.presenterOnline, false);
  assert.equal(after.recheckAt, null, "nothing left to wait for");
  assert.equal(heldPresence([presenter], gone, 10).presence.presenterOnline, true);
});

test("a phone that reloads keeps the count; one that stays away is counted out when its grace runs out", () => {
  let departures = departed(NO_DEPARTURES, phone("a"), 0);
  departures = departed(departures, phone("b"), 1_000);
  const held = heldPresence([phone("c")], departures, 500);
  assert.deepEqual(held.presence, { audience: 3, presenterOnline: false });
  assert.equal(held.recheckAt, PRESENCE_GRACE_MS, "the earliest leave");

  const aBack = heldPresence([phone("a"), phone("c")], held.departures, PRESENCE_GRACE_MS);
  assert.equal(aBack.presence.audience, 3, "a is back, b still held");
  assert.equal(aBack.recheckAt, 1_000 + PRESENCE_GRACE_MS);

  const bGone = heldPresence([phone("a"), phone("c")], aBack.departures, 1_000 + PRESENCE_GRACE_MS);
  assert.deepEqual(bGone.presence, { audience: 2, presenterOnline: false });
  assert.equal(bGone.departures.participants.size, 0);
  assert.equal(bGone.recheckAt, null);
});

test("a participant is counted once, whether connected, held, or both (two tabs, one closing)", () => {
  const departures = departed(NO_DEPARTURES, phone("a"), 0);
  assert.equal(heldPresence([phone("a")], departures, 10).presence.audience, 1);
});

test("a screen leaves no trace; departed() does not change what it is given", () => {
  assert.equal(departed(NO_DEPARTURES, screen, 0), NO_DEPARTURES);
  departed(NO_DEPARTURES, phone("a"), 0);
  departed(NO_DEPARTURES, presenter, 0);
  assert.deepEqual([NO_DEPARTURES.presenter, NO_DEPARTURES.participants.size], [null, 0]);
});
