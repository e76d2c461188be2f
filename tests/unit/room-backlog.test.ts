import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { acked, BEHIND, CAUGHT_UP, CLOSE, count, CROWDED, freshBacklog, lagOf, laneOf, MARK_EVERY, marked, MARKS_KEPT, ROOM_BUDGET } from "../../src/room/backlog.ts";

describe("a connection's backlog", () => {
  it("asks for a mark once per MARK_EVERY characters, however they are split", () => {
    const backlog = freshBacklog();
    let due = 0;
    for (let i = 0; i < 80; i++) if (count(backlog, MARK_EVERY / 8)) due++;
    assert.equal(due, 10);
    assert.equal(count(backlog, 3 * MARK_EVERY), true, "one mark even when a frame crosses several boundaries");
  });

  it("an ack proves everything before its mark read, and forgets older marks", () => {
    const backlog = freshBacklog();
    count(backlog, 100);
    marked(backlog, "a");
    count(backlog, 50);
    marked(backlog, "b");
    count(backlog, 25);
    assert.equal(acked(backlog, "b"), 150);
    assert.equal(lagOf(backlog), 25);
    assert.equal(acked(backlog, "a"), 0, "an older mark proves nothing more");
    assert.equal(acked(backlog, "made-up"), 0);
    assert.equal(lagOf(backlog), 25);
  });

  it("keeps only the newest MARKS_KEPT marks", () => {
    const backlog = freshBacklog();
    for (let i = 0; i <= MARKS_KEPT; i++) {
      count(backlog, 10);
      marked(backlog, `m${i}`);
    }
    assert.equal(acked(backlog, "m0"), 0);
    assert.equal(acked(backlog, `m${MARKS_KEPT}`), 10 * (MARKS_KEPT + 1));
  });

  it("is live up to BEHIND, behind past it until it is back to CAUGHT_UP, closed past CLOSE", () => {
    const backlog = freshBacklog();
    count(backlog, BEHIND);
    assert.equal(laneOf(backlog, 0), "live");
    count(backlog, 1);
    assert.equal(laneOf(backlog, 0), "behind");
    backlog.behind = true;
    marked(backlog, "x");
    backlog.read = backlog.sent - CAUGHT_UP - 1;
    assert.equal(laneOf(backlog, 0), "behind", "no flapping: it must come well back");
    backlog.read = backlog.sent - CAUGHT_UP;
    assert.equal(laneOf(backlog, 0), "live");
    backlog.read = 0;
    backlog.sent = CLOSE + 1;
    assert.equal(laneOf(backlog, 0), "close");
  });

  it("when the room owes more than its budget, anyone past CROWDED is closed", () => {
    const backlog = freshBacklog();
    count(backlog, CROWDED);
    assert.equal(laneOf(backlog, ROOM_BUDGET + 1), "live");
    count(backlog, 1);
    assert.equal(laneOf(backlog, ROOM_BUDGET), "live");
    assert.equal(laneOf(backlog, ROOM_BUDGET + 1), "close");
  });
});
