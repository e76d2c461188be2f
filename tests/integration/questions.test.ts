/**
 * Questions against a real `partykit dev`: asking, one upvote per participant (exact counts from
 * many sockets), moderation only by the presenter, the limits, persistence across a killed server,
 * no participant id in any frame sent to someone else, and what a phone receives from a full,
 * churning board: a bounded view whose patches fold to exactly the room's list.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { audienceView, entries, OPEN_PER_PARTICIPANT_MAX, OPEN_PER_ROOM_MAX, questionList, type QuestionView } from "../../src/features/questions/rules.ts";
import type { TestSocket } from "./client.ts";
import { joinAsAudience, joinAsScreen, joinPhones, participant, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { foldedReport, foldedWhere, isReport, patchOf, patchWhere, sleep, until } from "./support.ts";

const servers: PartyServer[] = [];
after(async () => {
  for (const server of servers.reverse()) await server.dispose();
});

/** Sends `ask` and returns the id the server gave (from the asker's own acknowledgement). */
async function ask(socket: TestSocket, text: string): Promise<string> {
  socket.send({ type: "ask", text });
  const ack = await patchWhere(socket, "questions", (patch) => typeof patch.you?.asked === "string");
  return ack.you!.asked!;
}

/** Waits for this phone's acknowledgement of its upvote of `id`. */
const upvoted = (socket: TestSocket, id: string) => patchWhere(socket, "questions", (patch) => patch.you?.upvoted === id);

/** How many questions a folded report lists. */
const count = (report: { questions: object }) => Object.keys(report.questions).length;

test("ask, upvote once, exact counts from 40 phones, moderation, limits, no pid leaks", async () => {
  const server = await startPartyServer();
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);
  const [author] = await joinAsAudience(server, room.code, "author-pid-secret");
  const [ana] = await joinAsAudience(server, room.code, "phone-ana");

  const id = await ask(author, "  Dá para usar\n\nWebSocket com <b>Django</b>?  ");
  assert.match(id, /^q\d+$/);
  const seen = await foldedWhere(presenter, "questions", (report) => count(report) === 1);
  assert.deepEqual(questionList(seen.questions).map(({ id, text, votes, status }) => ({ id, text, votes, status })), [
    { id, text: "Dá para usar WebSocket com <b>Django</b>?", votes: 0, status: "open" },
  ]);
  await foldedWhere(ana, "questions", (report) => count(report) === 1 && report.you === undefined);

  // One upvote per participant; the second is refused; the author can't upvote their own.
  ana.send({ type: "upvote", id });
  await upvoted(ana, id);
  await foldedWhere(ana, "questions", (report) => report.questions[id]?.votes === 1);
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
  for (const [socket] of phones) await upvoted(socket, id);
  for (const [socket] of phones) socket.send({ type: "upvote", id });
  for (const [socket] of phones) assert.equal((await socket.nextOfType("error")).code, "already_upvoted");
  const counted = await foldedWhere(presenter, "questions", (report) => report.questions[id]?.votes === 41);
  assert.equal(count(counted), 1);
  // Waits out a report window (250 ms) and more: the report as it stands (no stale frame arriving late) still says 41.
  await sleep(400);
  assert.equal(foldedReport(presenter.frames, "questions")!.questions[id]!.votes, 41);
  // The author hears of the votes on their own question, in `yours`.
  await foldedWhere(author, "questions", (report) => report.yours?.[id]?.votes === 41);

  // Moderation: the presenter only.
  ana.send({ type: "moderate", id, action: "hidden" });
  assert.equal((await ana.nextOfType("error")).code, "forbidden");
  presenter.send({ type: "moderate", id, action: "answered" });
  await foldedWhere(presenter, "questions", (report) => report.questions[id]?.status === "answered");
  await foldedWhere(ana, "questions", (report) => report.questions[id]?.status === "answered");
  await foldedWhere(author, "questions", (report) => report.yours?.[id]?.status === "answered");
  presenter.send({ type: "moderate", id, action: "hidden" });
  await foldedWhere(presenter, "questions", (report) => report.questions[id]?.status === "hidden");
  await foldedWhere(ana, "questions", (report) => count(report) === 0);
  // The projector is a public screen: it holds the room's key, yet sees no hidden question, then or later.
  const [projector] = await joinAsScreen(server, room);
  assert.equal(count(await foldedWhere(projector, "questions", () => true)), 0);
  assert.ok(!projector.frames.some((frame) => frame.includes('"hidden"')), "a hidden question reached the projector");
  await projector.close();
  // Hidden: gone from its author's list too.
  await foldedWhere(author, "questions", (report) => report.yours !== undefined && !(id in report.yours) && count(report) === 0);
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
  const authorPid = await participant(server, room.code, "author-pid-secret");
  const anaPid = await participant(server, room.code, "phone-ana");
  const votersPid = await participant(server, room.code, "phone-0001");
  for (const socket of [presenter, ana, ...phones.map(([s]) => s)]) {
    assert.ok(!socket.frames.some((frame) => frame.includes(authorPid)), "author pid leaked");
  }
  assert.ok(!presenter.frames.some((frame) => frame.includes(anaPid) || frame.includes(votersPid)), "voter pid leaked to the presenter");
  assert.ok(!author.frames.some((frame) => frame.includes(anaPid)), "voter pid leaked to the author");

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
  await upvoted(voter, kept); // acknowledged once stored
  presenter.send({ type: "moderate", id: answered, action: "answered" });
  await foldedWhere(presenter, "questions", (report) => report.questions[answered]?.status === "answered");
  // No wait before the kill: moderate awaits its write before it reports, and a report already due
  // that shows the new status is held by the output gate until that write is stored.

  await first.kill();
  const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(second);
  const [again] = await joinAsAudience(second, room.code, "phone-voter");
  const restored = await foldedWhere(again, "questions", () => true);
  assert.deepEqual(questionList(restored.questions).map(({ id, text, votes, status }) => ({ id, text, votes, status })), [
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

/** Phones' reports go out at most this often (src/features/questions/server.ts). */
const AUDIENCE_EVERY_MS = 300;
const fields = ({ id, text, votes, status }: Pick<QuestionView, "id" | "text" | "votes" | "status">) => ({ id, text, votes, status });

test("a full board, churning: each phone gets a bounded view, and the patches fold to exactly the room's list", async (t) => {
  const server = await startPartyServer();
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);

  // The board: the room's 200 open questions, three from each asker (the per-person limit).
  const askers = await joinPhones(server, room.code, Math.ceil(OPEN_PER_ROOM_MAX / OPEN_PER_PARTICIPANT_MAX), "asker-");
  const authorOf = new Map<string, TestSocket>();
  let n = 0;
  await Promise.all(
    askers.map(async ([socket]) => {
      for (let i = 0; i < OPEN_PER_PARTICIPANT_MAX && n < OPEN_PER_ROOM_MAX; i++) {
        authorOf.set(await ask(socket, `Pergunta ${++n} do banco de testes: como a sala sabe que o meu celular ainda está ouvindo?`), socket);
      }
    }),
  );
  const ids = [...authorOf.keys()];
  assert.equal(ids.length, OPEN_PER_ROOM_MAX);

  // A phone that only watches: what it receives is what every phone pays.
  const [watcher] = await joinAsAudience(server, room.code, "watcher-0001");
  // (A phone that joins gets the view as the phones were last sent it: at most one window behind.)
  const whole = await foldedWhere(watcher, "questions", (report) => count(report) === 30 && report.open === OPEN_PER_ROOM_MAX);
  const listed = await foldedWhere(presenter, "questions", (report) => report.open === OPEN_PER_ROOM_MAX);
  assert.deepEqual(whole.questions, entries(audienceView(questionList(listed.questions))), "the view: the 30 most voted open questions");
  const wholeBytes = Buffer.byteLength(JSON.stringify({ type: "report", feature: "questions", data: whole }));

  // Churn: 40 phones each upvote a question they haven't yet, every 100 ms, for 4 s.
  const voters = await joinPhones(server, room.code, 40, "voter-");
  const from = watcher.frames.length;
  const startedAt = Date.now();
  let sent = 0;
  await Promise.all(
    voters.map(async ([socket], v) => {
      for (let i = 0; i < 40; i++) {
        socket.send({ type: "upvote", id: ids[(v * 7 + i * 13) % ids.length]! });
        sent++;
        await sleep(100);
      }
    }),
  );
  const acked = () => voters.reduce((sum, [socket]) => sum + socket.frames.filter((frame) => typeof patchOf(frame, "questions")?.you?.upvoted === "string").length, 0);
  await until(() => acked() === sent, { what: "every upvote acknowledged", timeoutMs: 10_000 });
  const board = await foldedWhere(presenter, "questions", (report) => Object.values(report.questions).reduce((sum, q) => sum + q.votes, 0) === sent);
  await sleep(AUDIENCE_EVERY_MS + 200); // the phones' last patch
  const seconds = (Date.now() - startedAt) / 1000;

  // Bounded: at most one frame per AUDIENCE_EVERY_MS, none larger than the whole view; the whole
  // list (what every phone used to get on every change) would have been ~7× the view each time.
  const frames = watcher.frames.slice(from).filter((frame) => isReport(frame, "questions"));
  const bytesPerSecond = frames.reduce((sum, frame) => sum + Buffer.byteLength(frame), 0) / seconds;
  const bound = (1000 / AUDIENCE_EVERY_MS) * wholeBytes;
  assert.ok(frames.length <= Math.ceil((seconds * 1000) / AUDIENCE_EVERY_MS) + 1, `${frames.length} frames in ${seconds} s`);
  assert.ok(frames.every((frame) => Buffer.byteLength(frame) <= wholeBytes + 32 * 12), "no frame larger than the whole view (and its removals)");
  assert.ok(bytesPerSecond <= bound, `${Math.round(bytesPerSecond)} B/s > ${Math.round(bound)} B/s`);
  const wholeList = Buffer.byteLength(JSON.stringify(board));
  t.diagnostic(`watcher: ${frames.length} frames, ${Math.round(bytesPerSecond)} B/s (bound ${Math.round(bound)}; the whole list is ${wholeList} B a frame)`);

  // Exact: the presenter's list is the export; every phone's view is the view of that list.
  const all = questionList(board.questions);
  const response = await fetch(`${server.origin}/parties/main/${room.code}/export`, { headers: { authorization: `Bearer ${room.key}` } });
  const exported = ((await response.json()) as { questions: QuestionView[] }).questions;
  assert.deepEqual(all.map(fields), exported.map(fields));
  const view = entries(audienceView(all));
  for (const socket of [watcher, ...voters.map(([s]) => s)]) assert.deepEqual(foldedReport(socket.frames, "questions")!.questions, view);
  // Late joiners get it whole: a phone, and a screen (public: it sees what the phones see), the view.
  const [late] = await joinAsAudience(server, room.code, "late-00001");
  assert.deepEqual((await foldedWhere(late, "questions", () => true)).questions, view);
  const [screen] = await joinAsScreen(server, room);
  assert.deepEqual((await foldedWhere(screen, "questions", () => true)).questions, view);

  // An author whose question ranks outside the view still has it, current, in `yours`; and hears
  // of its moderation there.
  const outside = all.find((question) => !(question.id in view))!;
  const author = authorOf.get(outside.id)!;
  const own = all.filter((question) => authorOf.get(question.id) === author);
  assert.deepEqual((await foldedWhere(author, "questions", (r) => r.yours?.[outside.id]?.votes === outside.votes)).yours, entries(own));
  presenter.send({ type: "moderate", id: outside.id, action: "answered" });
  await foldedWhere(author, "questions", (r) => r.yours?.[outside.id]?.status === "answered");
  presenter.send({ type: "moderate", id: outside.id, action: "hidden" });
  await foldedWhere(author, "questions", (r) => r.yours !== undefined && !(outside.id in r.yours));

  await Promise.all([presenter, watcher, late, screen, ...askers.map(([s]) => s), ...voters.map(([s]) => s)].map((socket) => socket.close()));
});
