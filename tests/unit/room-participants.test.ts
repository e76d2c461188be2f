import { test } from "node:test";
import assert from "node:assert/strict";
import { countAudience, isIssued, isParticipantId, issueParticipantId, participantKey } from "../../src/room/participants.ts";

test("an issued id is 38 URL-safe characters, and only the room that issued it accepts it", async () => {
  const room = await participantKey("the room's secret");
  const other = await participantKey("another room's secret");
  const pid = await issueParticipantId(room);
  assert.match(pid, /^[A-Za-z0-9_-]{38}$/);
  assert.ok(isParticipantId(pid));
  assert.ok(await isIssued(pid, room));
  assert.ok(!(await isIssued(pid, other)), "another room's id is not this room's");
  const flipped = pid.slice(0, -1) + (pid.endsWith("A") ? "B" : "A");
  for (const forged of [flipped, `${pid.slice(0, 22)}${"A".repeat(16)}`, pid.slice(1), `${pid}x`, "abcdefgh", "x".repeat(38), null, 12345678]) {
    assert.ok(!(await isIssued(forged, room)), String(forged));
  }
});

test("issued ids are distinct", async () => {
  const key = await participantKey("s");
  const ids = new Set(await Promise.all(Array.from({ length: 100 }, () => issueParticipantId(key))));
  assert.equal(ids.size, 100);
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
