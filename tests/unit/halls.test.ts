/** The halls' pure part (src/room/halls.ts): ids, the choice of a hall, and the link's lines both ways. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { isCanonicalRoomCode } from "../../src/room/codes.ts";
import { ReactionsSum, readSum } from "../../src/features/reactions/sum.ts";
import { ReactionTally, type ReactionCounts } from "../../src/features/reactions/tally.ts";
import { chooseHall, downLine, hallId, HALLS_MAX, parseHallId, readDown, readUp, sourceField, upLine, type DownLine, type UpLine } from "../../src/room/halls.ts";

test("a hall's id names its talk and its number; anything else is no hall", () => {
  assert.equal(hallId("K7QXM", 3), "K7QXM-3");
  assert.deepEqual(parseHallId("K7QXM-3", isCanonicalRoomCode), { code: "K7QXM", n: 3 });
  assert.deepEqual(parseHallId(`K7QXM-${HALLS_MAX - 1}`, isCanonicalRoomCode), { code: "K7QXM", n: HALLS_MAX - 1 });
  for (const id of [`K7QXM-${HALLS_MAX}`, "K7QXM-03", "K7QXM-", "K7QXM", "k7qxm-1", "K7QX0-1", "K7QXM-1-2", "K7QXM--1"]) assert.equal(parseHallId(id, isCanonicalRoomCode), null, id);
});

test("halls fill in order, each up to its size; null once all are full", () => {
  const load = new Map([[0, 5], [1, 4]]);
  assert.equal(chooseHall((n) => load.get(n) ?? 0, 5), 1);
  load.set(1, 5);
  assert.equal(chooseHall((n) => load.get(n) ?? 0, 5), 2);
  assert.equal(chooseHall(() => 5, 5), null);
});

test("lines up and down read back as written, a message's JSON untouched even with tabs and newlines inside its strings", () => {
  const json = JSON.stringify({ type: "ask", text: "tab\there\nnewline 🐍 \u2028" });
  const up: UpLine[] = [
    { op: "join", conn: "c-1", pid: "a".repeat(38), source: "203.0.113.9" },
    { op: "message", conn: "c-1", json },
    { op: "resync", conn: "c-1" },
    { op: "leave", conn: "c-1" },
    { op: "sum", json: '{"type":"react","counts":{"🐍":120},"batches":7}' },
  ];
  assert.deepEqual(readUp(up.map(upLine).join("\n")), up);
  const down: DownLine[] = [
    { op: "all", text: '{"type":"delta","seq":1}' },
    { op: "reply", conn: "c_2", text: json },
    { op: "send", conn: "c_2", text: "{}" },
    { op: "close", conn: "c_2", code: 4000 },
    { op: "admit", conn: "c_2" },
  ];
  assert.deepEqual(readDown(down.map(downLine).join("\n")), down);
});

test("lines that can't be a hall's are left out, not guessed at", () => {
  assert.deepEqual(readUp(["", "j\tc1\tpid", "m\tbad:conn\t{}", "q\tc1", "m\tc1", "s"].join("\n")), []);
  assert.equal(sourceField(" 2001:db8::1\t\n"), "2001:db8::1");
  assert.equal(sourceField(""), "local");
});

test("a hall's sum of reactions: every tap of every batch, once; the talk reads back only what a sum can be", () => {
  const sum = new ReactionsSum();
  assert.equal(sum.take(), null, "no batch, no line");
  const batches: ReactionCounts[] = [{ "👏": 50, "🐍": 1 }, { "👏": 50 }, { "🔥": 3, "🐍": 2 }];
  for (const batch of batches) sum.add(batch);
  const taken = readSum(sum.take()!);
  assert.deepEqual(taken, { type: "react", counts: { "👏": 100, "🐍": 3, "🔥": 3 }, batches: 3 });
  assert.equal(sum.take(), null, "taken: it starts over");

  // Summed into a tally, it is the same as the batches one by one.
  const one = new ReactionTally();
  for (const batch of batches) one.add(batch);
  const summed = new ReactionTally();
  summed.add(taken!.counts, taken!.batches);
  assert.deepEqual(summed.report(), one.report());

  for (const bad of ['{"type":"react","counts":{"💩":1},"batches":1}', '{"type":"react","counts":{"🐍":-1},"batches":1}', '{"type":"react","counts":{"🐍":1}}', '{"type":"vote"}', "not json"]) {
    assert.equal(readSum(bad), null, bad);
  }
});
