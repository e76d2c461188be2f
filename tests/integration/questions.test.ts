/**
 * Questions against a real `partykit dev`: asking, one upvote per participant (exact counts from
 * many sockets), moderation only by the presenter, the limits, persistence across a killed server,
 * and no participant id in any frame sent to someone else.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { QuestionsAudienceReport, QuestionsReport } from "../../src/features/questions/rules.ts";
import type { TestSocket } from "./client.ts";
import { joinAsAudience, joinPhones, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { reportsIn, reportWhere, sleep } from "./support.ts";

const servers: PartyServer[] = [];
after(async () => {
  for (const server of servers.reverse()) await server.dispose();
});

/** Sends `ask` and returns the id the server gave (from the asker's own acknowledgement). */
async function ask(socket: TestSocket, text: string): Promise<string> {
  socket.send({ type: "ask", text });
  const ack = await reportWhere<QuestionsAudienceReport>(socket, "questions", (report) => report.you?.asked !== undefined);
  return ack.you!.asked!;
}

test("ask, upvote once, exact counts from 40 phones, moderation, limits, no pid leaks", async () => {
  const server = await startPartyServer();
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);
  const [author] = await joinAsAudience(server, room.code, "author-pid-secret");
  const [ana] = await joinAsAudience(server, room.code, "phone-ana");

  const id = await ask(author, "  Dá para usar\n\nWebSocket com <b>Django</b>?  ");
  assert.match(id, /^q\d+$/);
  const seen = await reportWhere<QuestionsReport>(presenter, "questions", (report) => report.questions.length === 1);
  assert.deepEqual(seen.questions.map(({ id, text, votes, status }) => ({ id, text, votes, status })), [
    { id, text: "Dá para usar WebSocket com <b>Django</b>?", votes: 0, status: "open" },
  ]);
  await reportWhere<QuestionsAudienceReport>(ana, "questions", (report) => report.questions.length === 1 && report.you === undefined);

  // One upvote per participant; the second is refused; the author can't upvote their own.
  ana.send({ type: "upvote", id });
  assert.equal((await reportWhere<QuestionsAudienceReport>(ana, "questions", (report) => report.you?.upvoted === id)).questions[0]!.votes, 1);
  ana.send({ type: "upvote", id });
  const twice = await ana.nextOfType("error");
  assert.equal(twice.code, "already_upvoted");
  author.send({ type: "upvote", id });
  assert.equal((await author.nextOfType("error")).code, "own_question");
  ana.send({ type: "upvote", id: "q999" });
  assert.equal((await ana.nextOfType("error")).code, "no_question");

  // 40 more phones upvote, each twice: exactly 41 votes.
  const phones = await joinPhones(server, room.code, 40);
  for (const [socket] of phones) socket.send({ type: "upvote", id });
  for (const [socket] of phones) await reportWhere<QuestionsAudienceReport>(socket, "questions", (report) => report.you?.upvoted === id);
  for (const [socket] of phones) socket.send({ type: "upvote", id });
  for (const [socket] of phones) assert.equal((await socket.nextOfType("error")).code, "already_upvoted");
  const counted = await reportWhere<QuestionsReport>(presenter, "questions", (report) => report.questions[0]?.votes === 41);
  assert.equal(counted.questions.length, 1);
  // Waits out a report window (250 ms) and more: the latest report of all (not a stale one arriving late) still says 41.
  await sleep(400);
  const last = reportsIn<QuestionsReport>(presenter.frames, "questions").at(-1);
  assert.equal(last!.questions[0]!.votes, 41);

  // Moderation: the presenter only.
  ana.send({ type: "moderate", id, action: "hidden" });
  assert.equal((await ana.nextOfType("error")).code, "forbidden");
  presenter.send({ type: "moderate", id, action: "answered" });
  await reportWhere<QuestionsReport>(presenter, "questions", (report) => report.questions[0]?.status === "answered");
  await reportWhere<QuestionsReport>(ana, "questions", (report) => report.questions[0]?.status === "answered");
  presenter.send({ type: "moderate", id, action: "hidden" });
  await reportWhere<QuestionsReport>(presenter, "questions", (report) => report.questions[0]?.status === "hidden");
  await reportWhere<QuestionsReport>(ana, "questions", (report) => report.questions.length === 0);
  ana.send({ type: "upvote", id });
  assert.equal((await ana.nextOfType("error")).code, "no_question");
  presenter.send({ type: "moderate", id: "q999", action: "open" });
  assert.equal((await presenter.nextOfType("error")).code, "no_question");
  presenter.send({ type: "ask", text: "Eu apresento" });
  assert.equal((await presenter.nextOfType("error")).code, "forbidden");

  // Limits: three open questions per participant, 280 characters, not empty.
  await ask(ana, "Primeira");
  await ask(ana, "Segunda");
  await ask(ana, "Terceira");
  ana.send({ type: "ask", text: "Quarta" });
  const limit = await ana.nextOfType("error");
  assert.equal(limit.code, "question_limit");
  assert.equal(limit.detail, "per_participant");
  // Over 280 characters a person sees: refused by the room's rule; over the message's raw cap: by its shape.
  ana.send({ type: "ask", text: "x".repeat(281) });
  assert.deepEqual(await ana.nextOfType("error"), { type: "error", code: "bad_request", ref: "ask", detail: "text_max" });
  ana.send({ type: "ask", text: "x".repeat(4 * 280 + 1) });
  assert.equal((await ana.nextOfType("error")).code, "bad_message");
  // Nothing visible: refused as empty.
  ana.send({ type: "ask", text: " \u202E\u200B\u{E0041}\u3164 " });
  assert.deepEqual(await ana.nextOfType("error"), { type: "error", code: "bad_request", ref: "ask", detail: "empty" });
  assert.equal(await ask(phones[0]![0], "x".repeat(280)).then((q) => q.length > 0), true);

  // The author's id never reached anyone (their own snapshot aside), nor did any voter's.
  for (const socket of [presenter, ana, ...phones.map(([s]) => s)]) {
    assert.ok(!socket.frames.some((frame) => frame.includes("author-pid-secret")), "author pid leaked");
  }
  assert.ok(!presenter.frames.some((frame) => frame.includes("phone-ana") || frame.includes("phone-0001")), "voter pid leaked to the presenter");
  assert.ok(!author.frames.some((frame) => frame.includes("phone-ana")), "voter pid leaked to the author");

  await Promise.all([presenter, author, ana, ...phones.map(([s]) => s)].map((socket) => socket.close()));
});

test("questions, votes and statuses survive a killed server; ids keep counting", async () => {
  const first = await startPartyServer();
  servers.push(first);
  const { room, presenter } = await roomWithPresenter(first);
  const [asker] = await joinAsAudience(first, room.code, "phone-asker");
  const [voter] = await joinAsAudience(first, room.code, "phone-voter");
  const kept = await ask(asker, "Sobrevive?");
  const answered = await ask(asker, "Respondida?");
  voter.send({ type: "upvote", id: kept });
  await reportWhere<QuestionsAudienceReport>(voter, "questions", (report) => report.you?.upvoted === kept); // acknowledged once stored
  presenter.send({ type: "moderate", id: answered, action: "answered" });
  await reportWhere<QuestionsReport>(presenter, "questions", (report) => report.questions.some((q) => q.id === answered && q.status === "answered"));
  // No wait before the kill: moderate awaits its write before it reports, and a report already due
  // that shows the new status is held by the output gate until that write is stored.

  await first.kill();
  const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(second);
  const [again] = await joinAsAudience(second, room.code, "phone-voter");
  const restored = await reportWhere<QuestionsReport>(again, "questions", () => true);
  assert.deepEqual(restored.questions.map(({ id, text, votes, status }) => ({ id, text, votes, status })), [
    { id: kept, text: "Sobrevive?", votes: 1, status: "open" },
    { id: answered, text: "Respondida?", votes: 0, status: "answered" },
  ]);
  again.send({ type: "upvote", id: kept });
  assert.equal((await again.nextOfType("error")).code, "already_upvoted");
  const [asker2] = await joinAsAudience(second, room.code, "phone-asker");
  const fresh = await ask(asker2, "Depois do reinício");
  assert.ok(Number(fresh.slice(1)) > Number(answered.slice(1)), `${fresh} reuses an id`);
  await Promise.all([again, asker2].map((socket) => socket.close()));
});
