/**
 * The quiz race against a real `partykit dev`: 50 phones answering around the deadline (late ones
 * refused, points exact to the rule), a phone whose frames are held 300 ms scoring as a fast one
 * answering at the same moment on its screen, one answer each, only the presenter drives, a hidden
 * nickname that never reaches another phone nor the projector, and scores that survive a restart.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { applyPatch } from "../../src/room/patch.ts";
import type { QuizDefinition } from "../../src/features/quiz/protocol.ts";
import { GRACE_MAX_MS, pointsFor, type QuizReport, type RoundView } from "../../src/features/quiz/rules.ts";
import type { ServerMessage } from "../../src/room/wire.ts";
import type { TestSocket } from "./client.ts";
import { joinAsAudience, joinAsPresenter, joinAsScreen, joinPhones, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { foldedWhere, sleep } from "./support.ts";

const servers: PartyServer[] = [];
after(async () => {
  for (const server of servers.reverse()) await server.dispose();
});

const quiz: QuizDefinition = { id: "menos-bytes", question: "Qual técnica mandou menos bytes por evento?", options: ["Polling", "Long polling", "WebSocket"], answer: 2, seconds: 5 };

/**
 * A phone as the quiz sees it: its quiz report folded as frames arrive, and its sends. `outMs`
 * holds each outgoing frame that long (a slow uplink); `inMs` delays what it sees (a slow downlink).
 */
class QuizPhone {
  report: QuizReport | null = null;
  private readonly waiters: Array<{ match: (report: QuizReport) => boolean; resolve: (at: number) => void }> = [];
  readonly errors: ServerMessage[] = [];
  readonly socket: TestSocket;
  private readonly outMs: number;
  private readonly inMs: number;

  constructor(socket: TestSocket, { outMs = 0, inMs = 0 } = {}) {
    this.socket = socket;
    this.outMs = outMs;
    this.inMs = inMs;
    // Frames already in (the whole report on connect), then every new one.
    for (const frame of socket.frames) this.fold(frame);
    socket.ws.on("message", (data) => {
      const text = data.toString();
      if (this.inMs > 0) setTimeout(() => this.fold(text), this.inMs);
      else this.fold(text);
    });
  }

  private fold(text: string): void {
    const message = JSON.parse(text) as ServerMessage;
    if (message.type === "error") this.errors.push(message);
    if (message.type !== "report" || message.feature !== "quiz") return;
    if ("data" in message) this.report = message.data;
    else if (this.report) this.report = applyPatch<QuizReport>(this.report, message.patch);
    const now = Date.now();
    for (const waiter of [...this.waiters]) {
      if (this.report && waiter.match(this.report)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(now);
      }
    }
  }

  /** Resolves with this phone's clock when its report first satisfies `match`. */
  until(match: (report: QuizReport) => boolean, timeoutMs = 10_000): Promise<number> {
    if (this.report && match(this.report)) return Promise.resolve(Date.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching quiz report; have ${JSON.stringify(this.report)}`)), timeoutMs);
      this.waiters.push({ match, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  }

  send(message: unknown): void {
    if (this.outMs > 0) setTimeout(() => this.socket.send(message), this.outMs);
    else this.socket.send(message);
  }

  /** The question open on this phone (its receipt sent the moment it sees it): when it saw it, and the round. */
  async seeOpen(id: string): Promise<{ seenAt: number; round: RoundView }> {
    const seenAt = await this.until((report) => report.current?.id === id && report.current.phase === "open");
    this.send({ type: "quizSeen", quiz: id });
    return { seenAt, round: this.report!.current! };
  }

  /** The answer's fate: the server's acknowledgement (in `you.answers`) or its error code. */
  async answered(id: string, timeoutMs = 10_000): Promise<"ok" | string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.report?.you?.answers?.[id] !== undefined) return "ok";
      const error = this.errors.find((e) => e.type === "error" && e.ref === "quizAnswer");
      if (error && error.type === "error") return error.code;
      await sleep(10);
    }
    throw new Error("no answer to the answer");
  }
}

test("50 phones answer around the deadline: late ones refused, points exact, one answer each, only the presenter drives", async () => {
  const server = await startPartyServer();
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);
  const [screen] = await joinAsScreen(server, room);
  const sockets = await joinPhones(server, room.code, 50);
  const phones = sockets.map(([socket]) => new QuizPhone(socket));

  // Keyless roles can't put a question on nor start it.
  sockets[0]![0].send({ type: "quiz", action: "start", quiz });
  assert.equal((await sockets[0]![0].nextOfType("error")).code, "forbidden");
  screen.send({ type: "quiz", action: "start", quiz });
  assert.equal((await screen.nextOfType("error")).code, "forbidden");
  // Nor answer a question that hasn't started.
  presenter.send({ type: "quiz", action: "show", quiz });
  await phones[0]!.until((report) => report.current?.id === quiz.id && report.current.phase === "ready");
  phones[0]!.send({ type: "quizAnswer", quiz: quiz.id, option: 2 });
  assert.equal(await phones[0]!.answered(quiz.id), "no_quiz");
  phones[0]!.errors.length = 0;

  presenter.send({ type: "quiz", action: "start", quiz });
  const wrong = 0;
  const plan = await Promise.all(
    phones.map(async (phone, i) => {
      const { seenAt, round } = await phone.seeOpen(quiz.id);
      const endsAt = round.endsAt!; // this machine's clock is the server's
      // 0..19 answer during the countdown (even ones right), 20..34 just before zero, 35..49 after zero plus the largest grace.
      const sendAt = i < 20 ? seenAt + 500 + i * 150 : i < 35 ? endsAt - 300 : endsAt + GRACE_MAX_MS + 200;
      const option = i < 20 && i % 2 === 1 ? wrong : quiz.answer;
      await sleep(Math.max(0, sendAt - Date.now()));
      const sentAt = Date.now();
      phone.send({ type: "quizAnswer", quiz: quiz.id, option });
      return { seenAt, sentAt, option, outcome: await phone.answered(quiz.id) };
    }),
  );
  for (const [i, { outcome }] of plan.entries()) assert.equal(outcome, i < 35 ? "ok" : "quiz_closed", `phone ${i}`);

  // A second answer is refused; an option the question doesn't have is a bad message.
  phones[1]!.send({ type: "quizAnswer", quiz: quiz.id, option: quiz.answer });
  const twice = await sockets[1]![0].next((m) => m.type === "error" && m.ref === "quizAnswer");
  assert.equal(twice.type === "error" && twice.code, "already_answered");
  phones[40]!.send({ type: "quizAnswer", quiz: quiz.id, option: 3 });
  const bad = await sockets[40]![0].next((m) => m.type === "error" && m.code === "bad_message");
  assert.equal(bad.type === "error" && bad.detail, "option");

  // Locked: the bars, the right answer, and each phone's own points and time.
  const results = await foldedWhere(presenter, "quiz", (report) => report.current?.phase === "results");
  assert.equal(results.current?.answer, quiz.answer);
  assert.deepEqual(results.current?.counts, [10, 0, 25]);
  assert.equal(results.current?.answered, 35);
  assert.equal(results.players, 35);
  for (const [i, phone] of phones.entries()) {
    if (i >= 35) {
      await sleep(0);
      assert.equal(phone.report?.you?.scored, undefined, `phone ${i} scored nothing`);
      continue;
    }
    await phone.until((report) => report.you?.scored?.[quiz.id] !== undefined);
    const { points, ms } = phone.report!.you!.scored![quiz.id]!;
    const { seenAt, sentAt, option } = plan[i]!;
    assert.equal(points, pointsFor(option === quiz.answer, ms, quiz.seconds * 1000), `phone ${i}: the rule, exactly`);
    // The time the server measured is the time the phone took, give or take the room's own processing.
    assert.ok(Math.abs(ms - (sentAt - seenAt)) < 250, `phone ${i}: server ${ms} ms, phone ${sentAt - seenAt} ms`);
  }
  // Ranks: each phone's is one more than the number of phones with more points.
  const totals = phones.slice(0, 35).map((phone) => phone.report!.you!.points!);
  for (const [i, phone] of phones.slice(0, 35).entries()) assert.equal(phone.report!.you!.rank, 1 + totals.filter((p) => p > totals[i]!).length, `phone ${i}'s rank`);
  assert.deepEqual(
    results.leaderboard.map((entry) => entry.points),
    [...totals].sort((a, b) => b - a).slice(0, 10),
  );
  // The phones don't get the leaderboard until the presenter shows it.
  assert.deepEqual(phones[0]!.report!.leaderboard, []);
  presenter.send({ type: "quiz", action: "leaderboard", quiz });
  await phones[0]!.until((report) => report.current?.phase === "leaderboard" && report.leaderboard.length === 10);
  assert.deepEqual(phones[0]!.report!.leaderboard, results.leaderboard);

  // The presenter's results download: the counts per option and the whole ranking, in JSON and CSV.
  const download = (format: string) => fetch(`${server.origin}/parties/main/${room.code}/export?format=${format}`, { headers: { authorization: `Bearer ${room.key}` } });
  const exported = (await (await download("json")).json()) as { quiz: { questions: Array<{ id: string; answered: number; options: Array<{ answers: number; correct: boolean }> }>; leaderboard: Array<{ rank: number; points: number }> } };
  assert.deepEqual(exported.quiz.questions[0]!.options.map((option) => [option.answers, option.correct]), [[10, false], [0, false], [25, true]]);
  assert.equal(exported.quiz.questions[0]!.answered, 35);
  assert.deepEqual(exported.quiz.leaderboard.map((entry) => entry.points), [...totals].sort((a, b) => b - a));
  const csv = await (await download("csv")).text();
  assert.match(csv, /quiz,perguntas\.menos-bytes\.alternativas\.3,respostas,25\r\n/);
  assert.match(csv, new RegExp(`quiz,placar\\.1,pontos,${Math.max(...totals)}\r\n`));
  await Promise.all([presenter, screen, ...sockets.map(([socket]) => socket)].map((socket) => socket.close()));
});

test("a phone whose frames are held 300 ms scores as a fast one answering at the same moment on its screen", async () => {
  const server = await startPartyServer();
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);
  const [fastSocket, slowSocket, laggySocket] = (await joinPhones(server, room.code, 3)).map(([socket]) => socket);
  const fast = new QuizPhone(fastSocket!);
  // Both its receipt and its answer leave 300 ms late: a slow uplink.
  const slow = new QuizPhone(slowSocket!, { outMs: 300 });
  // 300 ms each way: it sees the question late and its answer at zero arrives after zero.
  const laggy = new QuizPhone(laggySocket!, { outMs: 300, inMs: 300 });
  const fair = { ...quiz, id: "justo", seconds: 10 };
  presenter.send({ type: "quiz", action: "start", quiz: fair });
  const answerAfter = async (phone: QuizPhone, ms: number) => {
    const { seenAt } = await phone.seeOpen(fair.id);
    await sleep(seenAt + ms - Date.now());
    phone.send({ type: "quizAnswer", quiz: fair.id, option: fair.answer });
    return phone.answered(fair.id);
  };
  const laggyAtZero = (async () => {
    const { round } = await laggy.seeOpen(fair.id);
    // Zero on its own screen, counted from endsAt and its clock (this machine's is the server's).
    await sleep(round.endsAt! - 20 - Date.now());
    laggy.send({ type: "quizAnswer", quiz: fair.id, option: fair.answer });
    return laggy.answered(fair.id, 15_000);
  })();
  assert.deepEqual(await Promise.all([answerAfter(fast, 2_000), answerAfter(slow, 2_000)]), ["ok", "ok"]);
  assert.equal(await laggyAtZero, "ok", "answered before zero on its screen: not refused");

  await Promise.all([fast, slow].map((phone) => phone.until((report) => report.you?.scored?.[fair.id] !== undefined, 15_000)));
  const fastScore = fast.report!.you!.scored![fair.id]!;
  const slowScore = slow.report!.you!.scored![fair.id]!;
  assert.ok(Math.abs(fastScore.ms - slowScore.ms) < 60, `fast took ${fastScore.ms} ms, slow ${slowScore.ms} ms`);
  assert.ok(Math.abs(fastScore.points - slowScore.points) <= 3, `fast ${fastScore.points} points, slow ${slowScore.points}`);
  assert.ok(Math.abs(fastScore.ms - 2_000) < 100, `fast took ${fastScore.ms} ms`);
  await Promise.all([presenter, fastSocket!, slowSocket!, laggySocket!].map((socket) => socket.close()));
});

test("nicknames: cleaned, bounded; a hidden one never reaches another phone nor the projector; scores survive a restart", async () => {
  const first = await startPartyServer();
  servers.push(first);
  const { room, presenter } = await roomWithPresenter(first);
  const [screen] = await joinAsScreen(first, room);
  const [aSocket, bSocket, cSocket] = (await joinPhones(first, room.code, 3, "nick-")).map(([socket]) => socket);
  const [a, b, c] = [aSocket!, bSocket!, cSocket!].map((socket) => new QuizPhone(socket)) as [QuizPhone, QuizPhone, QuizPhone];

  // Phone a has a second tab open: it hears of its own nickname and answers too.
  const [aTabSocket] = await joinAsAudience(first, room.code, "nick-0000");
  const aTab = new QuizPhone(aTabSocket);
  a.send({ type: "nickname", name: "  Zé\u200B do\u202E Código \n" });
  await a.until((report) => report.you?.name === "Zé do Código");
  await aTab.until((report) => report.you?.name === "Zé do Código");
  b.send({ type: "nickname", name: "Palavrão Feio" });
  await b.until((report) => report.you?.name === "Palavrão Feio");
  c.send({ type: "nickname", name: "x".repeat(21) });
  const long = await cSocket!.next((m) => m.type === "error" && m.ref === "nickname");
  assert.equal(long.type === "error" && long.code, "bad_request");
  c.send({ type: "hideNickname", player: 1, hidden: true });
  assert.equal((await cSocket!.next((m) => m.type === "error" && m.ref === "hideNickname")).type === "error", true);

  const named = { ...quiz, id: "apelidos" };
  presenter.send({ type: "quiz", action: "start", quiz: named });
  await Promise.all(
    [a, b, c].map(async (phone, i) => {
      await phone.seeOpen(named.id);
      await sleep(300 + i * 300);
      phone.send({ type: "quizAnswer", quiz: named.id, option: named.answer });
      assert.equal(await phone.answered(named.id), "ok");
    }),
  );
  await aTab.until((report) => report.you?.answers?.[named.id] === named.answer);
  presenter.send({ type: "quiz", action: "end", quiz: named });
  // The presenter sees every name, before anyone else sees the leaderboard; hides one.
  const board = await foldedWhere(presenter, "quiz", (report) => report.current?.phase === "results" && report.leaderboard.length === 3);
  assert.deepEqual(
    board.leaderboard.map(({ name, rank }) => [name, rank]),
    [
      ["Zé do Código", 1],
      ["Palavrão Feio", 2],
      [undefined, 3],
    ],
  );
  const rude = board.leaderboard[1]!.player;
  presenter.send({ type: "hideNickname", player: rude, hidden: true });
  await foldedWhere(presenter, "quiz", (report) => report.leaderboard[1]?.hidden === true && report.leaderboard[1].name === "Palavrão Feio");
  // Renaming doesn't bring a hidden player back.
  b.send({ type: "nickname", name: "Outro Nome Feio" });
  await b.until((report) => report.you?.name === "Outro Nome Feio");
  presenter.send({ type: "quiz", action: "leaderboard", quiz: named });
  for (const phone of [a, c]) await phone.until((report) => report.current?.phase === "leaderboard" && report.leaderboard.length === 3);
  assert.equal(a.report!.leaderboard[1]!.player, rude);
  assert.equal(a.report!.leaderboard[1]!.name, undefined);
  assert.equal(a.report!.leaderboard[0]!.name, "Zé do Código");
  await sleep(300);
  for (const [who, frames] of [
    ["phone a", aSocket!.frames],
    ["phone c", cSocket!.frames],
    ["phone a's other tab", aTabSocket.frames],
    ["projector", screen.frames],
  ] as const) {
    assert.ok(!frames.some((frame) => frame.includes("Palavrão") || frame.includes("Outro Nome")), `${who} never got the hidden nickname`);
  }
  const scores = [a, b, c].map((phone) => phone.report!.you!.points);

  // A killed server: the scores, names and ranks come back from storage.
  await first.kill();
  const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(second);
  const [again] = await joinAsPresenter(second, room);
  const back = await foldedWhere(again, "quiz", (report) => report.leaderboard.length === 3);
  assert.equal(back.current?.phase, "leaderboard");
  assert.equal(back.leaderboard[1]?.hidden, true);
  const [phoneAgain] = await joinAsAudience(second, room.code, "nick-0001");
  const rejoined = new QuizPhone(phoneAgain);
  await rejoined.until((report) => report.you?.points !== undefined);
  assert.equal(rejoined.report!.you!.points, scores[1]);
  assert.equal(rejoined.report!.you!.rank, 2);
  assert.equal(rejoined.report!.you!.answers?.[named.id], named.answer);
  await Promise.all([again, phoneAgain].map((socket) => socket.close()));
});
