import { test } from "node:test";
import assert from "node:assert/strict";
import { QuestionList } from "../../src/features/questions/list.ts";
import {
  compareQuestions,
  normalizeQuestionText,
  OPEN_PER_PARTICIPANT_MAX,
  QUESTION_TEXT_MAX,
  type QuestionView,
} from "../../src/features/questions/rules.ts";

function asked(board: QuestionList, pid: string, text: string, at = 1): string {
  const result = board.ask(pid, text, at);
  assert.ok(result.ok, JSON.stringify(result));
  return result.question.id;
}

test("an upvote counts once per participant; a second one is refused and changes nothing", () => {
  const board = new QuestionList();
  const id = asked(board, "author", "Dá para usar WebSocket com Django?");
  assert.equal(board.upvote("ana", id), null);
  assert.equal(board.upvote("ana", id), "already_upvoted");
  assert.equal(board.upvote("bia", id), null);
  assert.equal(board.views(false)[0]!.votes, 2);
});

test("the author can't upvote their own question, and questions start at zero votes", () => {
  const board = new QuestionList();
  const id = asked(board, "author", "Pergunta");
  assert.equal(board.views(false)[0]!.votes, 0);
  assert.equal(board.upvote("author", id), "own_question");
  assert.equal(board.upvote("ana", "q999"), "no_question");
});

test("hidden questions can't be upvoted and only presenters see them", () => {
  const board = new QuestionList();
  const id = asked(board, "author", "Spam");
  assert.deepEqual(board.moderate(id, "hidden").ok, true);
  assert.equal(board.upvote("ana", id), "no_question");
  assert.equal(board.views(false).length, 0);
  assert.equal(board.views(true)[0]!.status, "hidden");
  assert.equal(board.moderate("q404", "answered").ok, false);
  const again = board.moderate(id, "hidden");
  assert.ok(again.ok && !again.changed);
});

test("text is one trimmed line with single spaces; empty and too long are refused", () => {
  assert.equal(normalizeQuestionText("  Como\n\n  funciona\tisso?  "), "Como funciona isso?");
  assert.equal(normalizeQuestionText("a\u202Eb\u0000c"), "abc");
  assert.equal(normalizeQuestionText("👩‍💻 ok"), "👩‍💻 ok");
  const board = new QuestionList();
  const empty = board.ask("ana", " \n\t ", 1);
  assert.ok(!empty.ok && empty.refusal.code === "bad_request");
  const long = board.ask("ana", "x".repeat(QUESTION_TEXT_MAX + 1), 1);
  assert.ok(!long.ok && long.refusal.code === "bad_request");
  assert.ok(board.ask("ana", "x".repeat(QUESTION_TEXT_MAX), 1).ok);
});

test("a participant has at most three open questions; answering one frees a place", () => {
  const board = new QuestionList();
  const ids = Array.from({ length: OPEN_PER_PARTICIPANT_MAX }, (_, i) => asked(board, "ana", `Pergunta ${i}`));
  const fourth = board.ask("ana", "Mais uma", 1);
  assert.ok(!fourth.ok && fourth.refusal.code === "question_limit");
  assert.equal(fourth.refusal.detail, "per_participant");
  assert.ok(board.ask("bia", "Outra pessoa pode", 1).ok);
  board.moderate(ids[0]!, "answered");
  assert.ok(board.ask("ana", "Mais uma", 1).ok);
});

test("asking the same open question twice gives the same question back", () => {
  const board = new QuestionList();
  const first = board.ask("ana", "Igual", 1);
  const second = board.ask("ana", "  Igual ", 2);
  assert.ok(first.ok && second.ok && !second.created && second.question.id === first.question.id);
  assert.equal(board.size, 1);
});

test("order: open by votes then age, then answered, then hidden; ids keep counting after a clear", () => {
  const board = new QuestionList();
  const old = asked(board, "a", "velha", 1);
  const young = asked(board, "b", "nova", 2);
  const popular = asked(board, "c", "popular", 3);
  const done = asked(board, "d", "respondida", 0);
  const gone = asked(board, "e", "escondida", 0);
  board.upvote("x", popular);
  board.upvote("y", popular);
  board.upvote("x", done);
  board.upvote("y", done);
  board.upvote("z", done);
  board.moderate(done, "answered");
  board.moderate(gone, "hidden");
  assert.deepEqual(board.views(true).map((q) => q.id), [popular, old, young, done, gone]);
  assert.deepEqual(board.views(false).map((q) => q.id), [popular, old, young, done]);
  board.clear();
  assert.equal(asked(board, "a", "depois"), "q6");
});

test("restoring what was stored gives the same views and the next id", () => {
  const board = new QuestionList();
  board.restore({ id: "q7", text: "guardada", author: "ana", at: 5, status: "open" });
  board.restoreVote("q7", "bia");
  board.restoreVote("q7", "bia");
  board.restoreVote("q8", "bia");
  assert.deepEqual(board.views(false), [{ id: "q7", text: "guardada", votes: 1, status: "open", at: 5 }]);
  assert.equal(board.upvote("bia", "q7"), "already_upvoted");
  board.restoreNextId(12);
  assert.equal(asked(board, "c", "nova"), "q12");
});

test("views carry no participant ids", () => {
  const board = new QuestionList();
  const id = asked(board, "secret-author", "Oi");
  board.upvote("secret-voter", id);
  const text = JSON.stringify(board.views(true));
  assert.ok(!text.includes("secret-author") && !text.includes("secret-voter"));
});

test("compareQuestions breaks ties by age, then id", () => {
  const q = (id: string, votes: number, at: number): QuestionView => ({ id, text: id, votes, status: "open", at });
  assert.ok(compareQuestions(q("q1", 1, 5), q("q2", 1, 6)) < 0);
  assert.ok(compareQuestions(q("q10", 1, 5), q("q9", 1, 5)) > 0);
  assert.ok(compareQuestions(q("q1", 0, 1), q("q2", 3, 9)) > 0);
});
