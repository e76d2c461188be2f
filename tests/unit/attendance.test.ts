/** The room's count of people per minute (src/features/attendance/log.ts): peaks, gaps, bounds, storage. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { AttendanceLog, MAX_MINUTES, MINUTE_MS, restoreAttendance } from "../../src/features/attendance/log.ts";

const start = Date.parse("2026-12-02T22:00:00.000Z");

test("each minute keeps its peak, counting from the first arrival", () => {
  const log = new AttendanceLog();
  assert.equal(log.count(0, start - 5_000), false, "an empty room starts nothing");
  assert.equal(log.count(3, start), true);
  assert.equal(log.count(8, start + 20_000), true);
  assert.equal(log.count(5, start + 40_000), false, "a fall within the minute leaves its peak");
  // Minute 1 begins at 5, even if its first change is a fall.
  assert.equal(log.count(4, start + MINUTE_MS + 1_000), true);
  // Nobody changes for nine minutes; then one more arrives.
  log.count(5, start + 10 * MINUTE_MS);
  assert.deepEqual(log.export(), {
    startedAt: "2026-12-02T22:00:00.000Z",
    minutes: [
      { minute: 0, people: 8 },
      { minute: 1, people: 5 },
      { minute: 10, people: 5 },
    ],
    peak: 8,
  });
});

test("a day at most: later counts land in the last minute", () => {
  const log = new AttendanceLog();
  log.count(1, start);
  log.count(9, start + 3 * 24 * 60 * MINUTE_MS);
  assert.deepEqual(log.export().minutes.at(-1), { minute: MAX_MINUTES - 1, people: 9 });
});

test("stored and read back as it was; anything else read as no log", () => {
  const log = new AttendanceLog();
  log.count(2, start);
  log.count(6, start + 2 * MINUTE_MS);
  const again = new AttendanceLog(restoreAttendance(JSON.parse(JSON.stringify(log.stored()))));
  assert.deepEqual(again.export(), log.export());
  for (const broken of [null, 3, "x", { startedAt: "yesterday", minutes: [] }, { startedAt: 1 }]) assert.equal(restoreAttendance(broken), undefined);
  assert.deepEqual(restoreAttendance({ startedAt: start, minutes: [[0, 2], [1, -1], ["a", 3], [2]] }), { startedAt: start, minutes: [[0, 2]] });
});
