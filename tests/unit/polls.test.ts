import { test } from "node:test";
import assert from "node:assert/strict";
import * as v from "valibot";
import { checkVote, freshWarning, FRESH_MIN, tallyPoll } from "../../src/features/polls/rules.ts";
import { PollDefinitionSchema } from "../../src/features/polls/protocol.ts";
import { MESSAGES } from "../../src/features/index.ts";
import { samePollView } from "../../src/room/state.ts";
import { parseClientMessage as parseWith } from "../../src/room/messages.ts";

const parseClientMessage = (raw: string) => parseWith(raw, MESSAGES, "audience");

const poll = { id: "ja-usou", question: "Você já usou WebSocket?", options: ["Sim", "Só brincando", "Nunca"] };

test("one ballot per participant: a second one replaces the first, counts stay exact", () => {
  const ballots = new Map<string, number>([
    ["ana", 0],
    ["bia", 2],
  ]);
  assert.deepEqual(tallyPoll(poll, true, ballots).counts, [1, 0, 1]);
  ballots.set("ana", 1); // Ana changes her mind
  const view = tallyPoll(poll, true, ballots);
  assert.deepEqual(view.counts, [0, 1, 1]);
  assert.equal(view.total, 2);
  assert.equal(view.open, true);
  // A ballot for an option the poll doesn't have (a stored one from an edited deck) counts nowhere.
  ballots.set("caio", 7);
  assert.equal(tallyPoll(poll, true, ballots).total, 2);
});

test("votes go only to an open poll, for an option it has", () => {
  assert.equal(checkVote(undefined, 0), "no_poll");
  assert.equal(checkVote({ open: false, options: poll.options }, 0), "poll_closed");
  assert.equal(checkVote({ open: true, options: poll.options }, 3), "bad_option");
  assert.equal(checkVote({ open: true, options: poll.options }, -1), "bad_option");
  assert.equal(checkVote({ open: true, options: poll.options }, 2), null);
});

test("a poll's definition is checked: id, question and 2 to 6 short options", () => {
  assert.ok(v.is(PollDefinitionSchema, poll));
  for (const bad of [
    { ...poll, id: "Já Usou" },
    { ...poll, question: "" },
    { ...poll, question: "x".repeat(141) },
    { ...poll, options: ["só uma"] },
    { ...poll, options: Array.from({ length: 7 }, (_, i) => `opção ${i}`) },
    { ...poll, options: ["ok", "x".repeat(61)] },
    { ...poll, extra: true },
  ]) {
    assert.ok(!v.is(PollDefinitionSchema, bad), JSON.stringify(bad).slice(0, 80));
  }
});

test("vote and poll messages are validated like every other message", () => {
  assert.ok(parseClientMessage(JSON.stringify({ type: "vote", poll: "ja-usou", option: 1 })).ok);
  assert.ok(parseWith(JSON.stringify({ type: "poll", action: "open", poll }), MESSAGES, "presenter").ok);
  for (const bad of [
    { type: "vote", poll: "ja-usou", option: 6 },
    { type: "vote", poll: "ja-usou", option: 1.5 },
    { type: "vote", poll: "<script>", option: 0 },
    { type: "poll", action: "delete", poll },
  ]) {
    const parsed = parseClientMessage(JSON.stringify(bad));
    assert.ok(!parsed.ok && parsed.error.code === "bad_message", JSON.stringify(bad));
  }
});

test("two views are the same only with the same counts, state and text", () => {
  const a = tallyPoll(poll, true, new Map([["ana", 0]]));
  assert.ok(samePollView(a, tallyPoll(poll, true, new Map([["bia", 0]]))));
  assert.ok(!samePollView(a, tallyPoll(poll, false, new Map([["ana", 0]]))));
  assert.ok(!samePollView(a, tallyPoll(poll, true, new Map([["ana", 1]]))));
  assert.ok(samePollView(null, null));
  assert.ok(!samePollView(a, null));
});

test("the presenter hears of brand-new ids only when they are most ballots, and enough of them", () => {
  assert.equal(freshWarning(undefined), null);
  assert.equal(freshWarning({ ballots: FRESH_MIN, fresh: FRESH_MIN - 1 }), null, "a handful of latecomers");
  assert.equal(freshWarning({ ballots: 2 * FRESH_MIN, fresh: FRESH_MIN }), null, "half is not most");
  assert.equal(freshWarning({ ballots: 16, fresh: 12 }), 0.75);
});
