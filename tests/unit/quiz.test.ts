import { test } from "node:test";
import assert from "node:assert/strict";
import * as v from "valibot";
import { MESSAGES } from "../../src/features/index.ts";
import { QuizDefinitionSchema } from "../../src/features/quiz/protocol.ts";
import {
  announcedMark,
  cleanNickname,
  clockStart,
  countAnswers,
  GRACE_MAX_MS,
  graceFor,
  judgeAnswer,
  lockAt,
  pointsFor,
  rankPlayers,
  remainingMs,
  SEEN_MAX_MS,
  type StoredRound,
} from "../../src/features/quiz/rules.ts";
import { parseClientMessage } from "../../src/room/messages.ts";

const definition = { id: "handshake", question: "Que código de status o servidor responde?", options: ["200", "101", "302", "426"], answer: 1, seconds: 20 };
const T0 = 1_800_000_000_000;
const open: StoredRound = { definition, phase: "open", startedAt: T0, endsAt: T0 + 20_000 };

test("points: 1000 for an instant right answer, falling linearly to 500 at zero; 0 when wrong", () => {
  assert.equal(pointsFor(true, 0, 20_000), 1000);
  assert.equal(pointsFor(true, 10_000, 20_000), 750);
  assert.equal(pointsFor(true, 20_000, 20_000), 500);
  assert.equal(pointsFor(true, 4_321, 20_000), Math.round(1000 * (1 - 4321 / 20_000 / 2)));
  // Past the window (a grace arrival) stays at the floor; a negative time at the top.
  assert.equal(pointsFor(true, 20_400, 20_000), 500);
  assert.equal(pointsFor(true, -50, 20_000), 1000);
  assert.equal(pointsFor(false, 0, 20_000), 0);
  assert.equal(pointsFor(false, 19_000, 20_000), 0);
});

test("a phone's clock starts when its receipt arrives, or at startedAt + SEEN_MAX when it comes late or never", () => {
  assert.equal(clockStart(T0, T0 + 120), T0 + 120);
  assert.equal(clockStart(T0, T0 + SEEN_MAX_MS), T0 + SEEN_MAX_MS);
  assert.equal(clockStart(T0, T0 + SEEN_MAX_MS + 1), T0 + SEEN_MAX_MS);
  assert.equal(clockStart(T0, T0 + 60_000), T0 + SEEN_MAX_MS);
  assert.equal(clockStart(T0, undefined), T0 + SEEN_MAX_MS);
  // Holding the receipt back buys at most SEEN_MAX: whatever the delay, the clock starts by then.
  for (const delay of [0, 300, 999, 1000, 1001, 5000]) assert.ok(clockStart(T0, T0 + delay) <= T0 + SEEN_MAX_MS);
});

test("the grace after zero is the phone's one-way transit (half its receipt's delay), capped, and none without a timely receipt", () => {
  assert.equal(graceFor(T0, T0 + 80), 40);
  assert.equal(graceFor(T0, T0 + 600), 300);
  assert.equal(graceFor(T0, T0 + SEEN_MAX_MS), GRACE_MAX_MS);
  assert.equal(graceFor(T0, T0 + SEEN_MAX_MS + 1), 0);
  assert.equal(graceFor(T0, undefined), 0);
  assert.equal(lockAt(open), T0 + 20_000 + GRACE_MAX_MS);
  assert.equal(lockAt({ ...open, closed: true }), null);
  assert.equal(lockAt({ definition, phase: "ready" }), null);
});

test("deadline: an answer counts up to zero plus the phone's grace, not a millisecond later", () => {
  const seenAt = T0 + 300; // 150 ms one way
  const endsAt = T0 + 20_000;
  const atZero = judgeAnswer(open, 1, endsAt, seenAt, false);
  assert.ok("points" in atZero);
  assert.equal(atZero.taken, 20_000 - 300);
  assert.ok("points" in judgeAnswer(open, 1, endsAt + 150, seenAt, false));
  assert.deepEqual(judgeAnswer(open, 1, endsAt + 151, seenAt, false), { refusal: "quiz_closed" });
  // No receipt: no grace.
  assert.ok("points" in judgeAnswer(open, 1, endsAt, undefined, false));
  assert.deepEqual(judgeAnswer(open, 1, endsAt + 1, undefined, false), { refusal: "quiz_closed" });
  // Locked (ended early, or at zero plus the largest grace): refused whenever it arrives.
  assert.deepEqual(judgeAnswer({ ...open, closed: true }, 1, T0 + 1_000, seenAt, false), { refusal: "quiz_closed" });
});

test("answers: one per participant, an option the question has, a question that started", () => {
  assert.deepEqual(judgeAnswer(open, 1, T0 + 2_000, T0 + 100, true), { refusal: "already_answered" });
  assert.deepEqual(judgeAnswer(open, 4, T0 + 2_000, T0 + 100, false), { refusal: "bad_option" });
  assert.deepEqual(judgeAnswer(open, -1, T0 + 2_000, T0 + 100, false), { refusal: "bad_option" });
  assert.deepEqual(judgeAnswer(undefined, 1, T0, undefined, false), { refusal: "no_quiz" });
  assert.deepEqual(judgeAnswer({ definition, phase: "ready" }, 1, T0, undefined, false), { refusal: "no_quiz" });
  assert.deepEqual(judgeAnswer(open, 1, T0 + 2_100, T0 + 100, false), { taken: 2_000, points: 950 });
  assert.deepEqual(judgeAnswer(open, 0, T0 + 2_100, T0 + 100, false), { taken: 2_000, points: 0 });
});

test("fair: a slow phone and a fast one answering at the same moment on their screens take the same time", () => {
  // The question leaves the server at T0; the fast phone's frames take 10 ms to arrive, the slow one's 310 ms.
  const seen = (transit: number) => T0 + transit;
  const answered = (transit: number, onScreen: number) => T0 + onScreen + transit;
  const fast = judgeAnswer(open, 1, answered(10, 3_000), seen(10), false);
  const slow = judgeAnswer(open, 1, answered(310, 3_000), seen(310), false);
  assert.deepEqual(fast, slow);
  // Answering right at zero on its own screen, the slow phone is still in time.
  assert.ok("points" in judgeAnswer(open, 1, answered(310, 20_000 - 310), seen(310), false));
});

test("nicknames: cleaned like questions' text, at most 20 characters a person sees, empty is anonymous", () => {
  assert.deepEqual(cleanNickname("  Ana\u200B  Lúcia\n"), { ok: true, name: "Ana Lúcia" });
  assert.deepEqual(cleanNickname("\u202Eabc"), { ok: true, name: "abc" });
  assert.deepEqual(cleanNickname("   "), { ok: true, name: "" });
  assert.deepEqual(cleanNickname("👩‍💻".repeat(20)), { ok: true, name: "👩‍💻".repeat(20) });
  assert.deepEqual(cleanNickname("x".repeat(21)), { ok: false });
  assert.deepEqual(cleanNickname("é".normalize("NFD").repeat(20)), { ok: true, name: "é".repeat(20) });
});

test("leaderboard: most points first, equal points share a rank and list by who joined first", () => {
  const ranked = rankPlayers([
    { player: 3, points: 1500 },
    { player: 1, points: 900 },
    { player: 7, points: 1500 },
    { player: 2, points: 2400 },
    { player: 5, points: 0 },
    { player: 4, points: 900 },
  ]);
  assert.deepEqual(
    ranked.map(({ player, rank }) => [player, rank]),
    [
      [2, 1],
      [3, 2],
      [7, 2],
      [1, 4],
      [4, 4],
      [5, 6],
    ],
  );
  assert.deepEqual(rankPlayers([]), []);
});

test("counts per option, the countdown on a device's clock, and announcements at marks only", () => {
  assert.deepEqual(countAnswers(4, [1, 1, 0, 3, 9, -1]), [1, 2, 0, 1]);
  // The device's clock runs 2 s behind the server's: it adds the offset.
  assert.equal(remainingMs(T0 + 20_000, T0 - 2_000 + 5_000, 2_000), 15_000);
  assert.equal(remainingMs(T0 + 20_000, T0 + 25_000, 0), 0);
  assert.equal(announcedMark(20, 20), null);
  assert.equal(announcedMark(15, 20), null);
  assert.equal(announcedMark(10, 20), 10);
  assert.equal(announcedMark(7, 20), 10);
  assert.equal(announcedMark(3, 20), 5);
  assert.equal(announcedMark(0, 20), 0);
  assert.equal(announcedMark(25, 30), null);
  assert.equal(announcedMark(19, 30), 20);
});

test("a quiz in a slide: the right answer must be one of its options; the table says who sends what", () => {
  assert.ok(v.is(QuizDefinitionSchema, definition));
  assert.ok(!v.is(QuizDefinitionSchema, { ...definition, answer: 4 }));
  assert.ok(!v.is(QuizDefinitionSchema, { ...definition, options: ["a", "b"], answer: 2 }));
  assert.ok(!v.is(QuizDefinitionSchema, { ...definition, seconds: 4 }));
  assert.ok(!v.is(QuizDefinitionSchema, { ...definition, options: ["a", "b", "c", "d", "e"] }));
  const start = JSON.stringify({ type: "quiz", action: "start", quiz: definition });
  assert.ok(parseClientMessage(start, MESSAGES, "presenter").ok);
  for (const role of ["audience", "screen"] as const) {
    const refused = parseClientMessage(start, MESSAGES, role);
    assert.ok(!refused.ok && refused.error.code === "forbidden", role);
  }
  const answer = JSON.stringify({ type: "quizAnswer", quiz: "handshake", option: 1 });
  assert.ok(parseClientMessage(answer, MESSAGES, "audience").ok);
  assert.ok(!parseClientMessage(answer, MESSAGES, "presenter").ok);
  const long = parseClientMessage(JSON.stringify({ type: "nickname", name: "x".repeat(81) }), MESSAGES, "audience");
  assert.ok(!long.ok && long.error.code === "bad_message");
});
