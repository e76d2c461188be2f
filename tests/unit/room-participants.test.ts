import { test } from "node:test";
import assert from "node:assert/strict";
import { countAudience, isParticipantId, newParticipantId } from "../../src/room/participants.ts";

test("participant ids: 8 to 64 URL-safe characters", () => {
  for (const good of ["abcdefgh", "A-b_C-9_", "x".repeat(64), newParticipantId()]) assert.ok(isParticipantId(good), good);
  for (const bad of ["", "abcdefg", "x".repeat(65), "abc defg", "abcdefg!", "ação1234", "abcdefgh\n", null, 12345678, undefined]) {
    assert.ok(!isParticipantId(bad), String(bad));
  }
});

test("new participant ids are valid and distinct", () => {
  const ids = new Set(Array.from({ length: 100 }, () => newParticipantId()));
  assert.equal(ids.size, 100);
  for (const id of ids) assert.equal(id.length, 22);
});

test("the audience counts unique pids among audience connections only", () => {
  assert.equal(countAudience([]), 0);
  assert.equal(
    countAudience([
      { role: "audience", pid: "phone-one" },
      { role: "audience", pid: "phone-one" }, // a second tab
      { role: "audience", pid: "phone-two" },
      { role: "presenter" },
      { role: "presenter" },
      null, // a refused socket still closing
    ]),
    2,
  );
});
