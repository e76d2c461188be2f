import { test } from "node:test";
import assert from "node:assert/strict";
import {
  applyDelta,
  applyTimerAction,
  commit,
  diffState,
  goto,
  initialState,
  joinShown,
  needsSnapshot,
  pauseTimer,
  resetTimer,
  setPresence,
  showJoin,
  startTimer,
  timerElapsed,
  type RoomView,
} from "../../src/room/state.ts";

test("a new room starts at the first slide, stopped, empty", () => {
  assert.deepEqual(initialState("ABCDE"), {
    code: "ABCDE",
    slide: 0,
    step: 0,
    presenterOnline: false,
    audience: 0,
    timer: { startedAt: null, elapsed: 0 },
    poll: null,
    joinCard: null,
    joinBadge: true,
  });
});

test("goto moves without touching the rest, and returns a new object", () => {
  const before = initialState("ABCDE");
  const after = goto(before, { slide: 7, step: 2 });
  assert.deepEqual(after, { ...before, slide: 7, step: 2 });
  assert.equal(before.slide, 0, "the input is not mutated");
});

test("showJoin: the card on this slide, the badge on every slide; a new slide clears the card", () => {
  const start = initialState("ABCDE");
  assert.equal(showJoin(start, "badge", true), start, "no change, same object");
  const hidden = showJoin(showJoin(start, "card", false), "badge", false);
  assert.deepEqual({ card: hidden.joinCard, badge: hidden.joinBadge }, { card: false, badge: false });
  const step = goto(hidden, { slide: 0, step: 1 });
  assert.equal(step.joinCard, false, "a step on the same slide keeps the presenter's choice");
  const moved = goto(step, { slide: 1, step: 0 });
  assert.equal(moved.joinCard, null, "the next slide decides again");
  assert.equal(moved.joinBadge, false, "the badge stays as the presenter left it");
  assert.deepEqual(diffState(hidden, moved), { slide: 1, joinCard: null });
});

test("joinShown: opening slides show the card unless hidden; others the badge unless hidden", () => {
  const state = initialState("ABCDE");
  assert.deepEqual(joinShown(state, true), { card: true, badge: false });
  assert.deepEqual(joinShown(state, false), { card: false, badge: true });
  assert.deepEqual(joinShown(showJoin(state, "card", false), true), { card: false, badge: true });
  assert.deepEqual(joinShown(showJoin(state, "card", true), false), { card: true, badge: false });
  assert.deepEqual(joinShown(showJoin(state, "badge", false), false), { card: false, badge: false });
});

test("timer: start, pause, start, pause accumulates; reset clears", () => {
  let state = initialState("ABCDE");
  state = startTimer(state, 1_000);
  assert.deepEqual(state.timer, { startedAt: 1_000, elapsed: 0 });
  assert.equal(timerElapsed(state.timer, 4_000), 3_000);
  state = pauseTimer(state, 5_000);
  assert.deepEqual(state.timer, { startedAt: null, elapsed: 4_000 });
  assert.equal(timerElapsed(state.timer, 99_000), 4_000, "a paused clock doesn't move");
  state = startTimer(state, 10_000);
  state = pauseTimer(state, 12_500);
  assert.deepEqual(state.timer, { startedAt: null, elapsed: 6_500 });
  state = resetTimer(state);
  assert.deepEqual(state.timer, { startedAt: null, elapsed: 0 });
});

test("timer: repeated actions change nothing (same object back)", () => {
  const running = startTimer(initialState("ABCDE"), 1_000);
  assert.equal(startTimer(running, 2_000), running, "a second start doesn't restart the clock");
  const stopped = initialState("ABCDE");
  assert.equal(pauseTimer(stopped, 2_000), stopped);
  assert.equal(resetTimer(stopped), stopped);
  assert.deepEqual(resetTimer(running).timer, { startedAt: null, elapsed: 0 }, "reset also stops");
});

test("timer: a clock that stepped backwards never subtracts time", () => {
  const running = startTimer(initialState("ABCDE"), 5_000);
  assert.equal(pauseTimer(running, 4_000).timer.elapsed, 0);
  assert.equal(timerElapsed(running.timer, 4_000), 0);
});

test("applyTimerAction dispatches by action", () => {
  const state = initialState("ABCDE");
  assert.deepEqual(applyTimerAction(state, "start", 7).timer, { startedAt: 7, elapsed: 0 });
  assert.deepEqual(applyTimerAction(startTimer(state, 7), "pause", 10).timer, { startedAt: null, elapsed: 3 });
  assert.deepEqual(applyTimerAction(pauseTimer(startTimer(state, 7), 10), "reset", 11).timer, { startedAt: null, elapsed: 0 });
});

test("setPresence and diffState report only what changed", () => {
  const state = initialState("ABCDE");
  assert.equal(setPresence(state, { audience: 0, presenterOnline: false }), state);
  const next = setPresence(state, { audience: 3, presenterOnline: true });
  assert.deepEqual(diffState(state, next), { audience: 3, presenterOnline: true });
  assert.deepEqual(diffState(state, goto(state, { slide: 1, step: 0 })), { slide: 1 });
  assert.deepEqual(diffState(state, startTimer(state, 9)), { timer: { startedAt: 9, elapsed: 0 } });
  assert.deepEqual(diffState(state, { ...state, timer: { ...state.timer } }), {}, "timers compare by value");
});

test("commit numbers changes one by one and skips no-ops", () => {
  const view: RoomView = { seq: 41, state: initialState("ABCDE") };
  assert.equal(commit(view, view.state), null);
  assert.equal(commit(view, goto(view.state, { slide: 0, step: 0 })), null);
  const first = commit(view, goto(view.state, { slide: 2, step: 1 }));
  assert.ok(first);
  assert.deepEqual(first.delta, { seq: 42, changes: { slide: 2, step: 1 } });
  assert.equal(first.view.seq, 42);
  const second = commit(first.view, startTimer(first.view.state, 100));
  assert.equal(second?.delta.seq, 43);
});

test("applyDelta on the client reproduces the server's view", () => {
  let server: RoomView = { seq: 0, state: initialState("ABCDE") };
  let client: RoomView = structuredClone(server);
  const steps = [
    (s: RoomView["state"]) => goto(s, { slide: 4, step: 2 }),
    (s: RoomView["state"]) => startTimer(s, 1_000),
    (s: RoomView["state"]) => setPresence(s, { audience: 12, presenterOnline: true }),
    (s: RoomView["state"]) => pauseTimer(s, 3_000),
    (s: RoomView["state"]) => showJoin(s, "card", true),
    (s: RoomView["state"]) => showJoin(s, "badge", false),
    (s: RoomView["state"]) => goto(s, { slide: 5, step: 0 }),
  ];
  for (const step of steps) {
    const result = commit(server, step(server.state));
    assert.ok(result);
    server = result.view;
    const wire = JSON.parse(JSON.stringify(result.delta)) as typeof result.delta; // as it travels
    assert.equal(needsSnapshot(client, wire), false);
    client = applyDelta(client, wire);
  }
  assert.deepEqual(client, server);
});

test("gaps and stale deltas need a snapshot and are not applied", () => {
  const view: RoomView = { seq: 5, state: initialState("ABCDE") };
  assert.equal(needsSnapshot(view, { seq: 6 }), false);
  assert.equal(needsSnapshot(view, { seq: 7 }), true, "one was lost");
  assert.equal(needsSnapshot(view, { seq: 5 }), true, "already applied");
  assert.equal(needsSnapshot(view, { seq: 2 }), true);
  assert.equal(applyDelta(view, { seq: 7, changes: { slide: 9 } }), view);
  assert.equal(applyDelta(view, { seq: 5, changes: { slide: 9 } }), view);
  const applied = applyDelta(view, { seq: 6, changes: { slide: 9 } });
  assert.deepEqual(applied, { seq: 6, state: { ...view.state, slide: 9 } });
});

test("applyDelta copies the timer, so later changes don't alias the delta", () => {
  const view: RoomView = { seq: 0, state: initialState("ABCDE") };
  const timer = { startedAt: 5, elapsed: 0 };
  const next = applyDelta(view, { seq: 1, changes: { timer } });
  timer.elapsed = 999;
  assert.deepEqual(next.state.timer, { startedAt: 5, elapsed: 0 });
});
