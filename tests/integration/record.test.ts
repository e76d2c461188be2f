/**
 * `npm run record` against a real `partykit dev`: a room with a poll, a quiz question, a word
 * cloud (one word hidden), questions (one answered), reactions, a notification, the browsers
 * tally and the round trips; the script's
 * record has the export's numbers and none of its ids, nicknames, hidden words or open questions;
 * a wrong key and an unknown room are refused with a message that says so.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AttendanceExport } from "../../src/features/attendance/log.ts";
import type { Tally, TallyExport } from "../../src/features/browsers/tally.ts";
import type { RoomResults } from "../../src/features/export/results.ts";
import type { QuizDefinition } from "../../src/features/quiz/protocol.ts";
import { parseRecord, RecordError } from "../../src/features/record/record.ts";
import type { RttExport, RttReport } from "../../src/features/rtt/report.ts";
import type { DeltaMessage } from "../../src/room/wire.ts";
import { main } from "../../scripts/record.ts";
import { joinAsAudience, participant, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { foldedWhere, reportWhere, until } from "./support.ts";

let server: PartyServer | undefined;
const dirs: string[] = [];
after(async () => {
  await server?.dispose();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const poll = { id: "ja-usou", question: "Você já usou WebSocket?", options: ["Sim", "Nunca"] };
const quiz: QuizDefinition = { id: "mascara", question: "Quem mascara os frames?", options: ["O servidor", "O cliente"], answer: 1, seconds: 20 };
const cloud = { id: "para-que", prompt: "Para que você usaria WebSocket?" };
const PIXEL = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

test("npm run record writes the room's numbers, and nothing that identifies anyone", async () => {
  server = await startPartyServer();
  const { room, presenter } = await roomWithPresenter(server);
  const phones = await Promise.all(["record-phone-01", "record-phone-02", "record-phone-03"].map(async (pid) => (await joinAsAudience(server!, room.code, pid))[0]));

  // A poll: two Sim, one Nunca.
  presenter.send({ type: "poll", action: "open", poll });
  await presenter.next((m) => m.type === "delta" && !!m.changes.poll?.open);
  phones.forEach((phone, i) => phone.send({ type: "vote", poll: poll.id, option: i === 2 ? 1 : 0 }));
  await presenter.next((m) => m.type === "delta" && (m as DeltaMessage).changes.poll?.total === 3, 5_000);

  // A quiz question: two right, one wrong; a nickname that must not reach the record.
  presenter.send({ type: "quiz", action: "start", quiz });
  await Promise.all(phones.map((phone) => foldedWhere(phone, "quiz", (report) => report.current?.id === quiz.id && report.current.phase === "open")));
  phones.forEach((phone, i) => {
    phone.send({ type: "quizSeen", quiz: quiz.id });
    phone.send({ type: "quizAnswer", quiz: quiz.id, option: i === 2 ? 0 : 1 });
  });
  await foldedWhere(presenter, "quiz", (report) => report.current?.answered === 3);
  presenter.send({ type: "quiz", action: "end", quiz });
  await foldedWhere(presenter, "quiz", (report) => report.current?.phase === "results");
  phones[1]!.send({ type: "nickname", name: "Ana Secreta" });
  // The export has the nickname (the presenter's download); the record must not.
  const exportUrl = `${server.origin}/parties/main/${room.code}/export?format=json`;
  const exportNow = async () => (await (await fetch(exportUrl, { headers: { authorization: `Bearer ${room.key}` } })).json()) as RoomResults;
  await until(async () => JSON.stringify((await exportNow()).quiz).includes("Ana Secreta"), { what: "the nickname in the export" });

  // A word cloud: "Chat" twice, "Jogos" once, "Palavrão" hidden by the presenter.
  presenter.send({ type: "cloud", action: "show", cloud });
  await foldedWhere(presenter, "cloud", (report) => report.clouds[cloud.id] !== undefined);
  for (const [i, text] of ["Chat", "chat", "Jogos", "Palavrão"].entries()) phones[i % 3]!.send({ type: "cloudAnswer", cloud: cloud.id, text });
  await foldedWhere(presenter, "cloud", (report) => report.clouds[cloud.id]?.answers === 4);
  presenter.send({ type: "cloudHide", cloud: cloud.id, key: "palavrao", hidden: true });
  const hiddenIn = (results: RoomResults) => (results.cloud as { words: { id: string; hidden: boolean }[] }[])[0]?.words.some((word) => word.id === "palavrao" && word.hidden) === true;
  await until(async () => hiddenIn(await exportNow()), { what: "the hidden word in the export" });

  // Questions: one answered, one left open.
  phones[1]!.send({ type: "ask", text: "E o HTTP/3?" });
  phones[2]!.send({ type: "ask", text: "Pergunta que ficou aberta" });
  const asked = await foldedWhere(presenter, "questions", (report) => report.open === 2);
  const answered = Object.keys(asked.questions).find((id) => asked.questions[id]!.text === "E o HTTP/3?")!;
  presenter.send({ type: "moderate", id: answered, action: "answered" });
  await foldedWhere(presenter, "questions", (report) => report.open === 1);

  // Reactions and a notification.
  phones[0]!.send({ type: "react", counts: { "🐍": 2, "👏": 3 } });
  await reportWhere<{ total: number }>(presenter, "reactions", (data) => data.total === 5, 5_000);
  presenter.send({ type: "notify", kind: "like" });
  await reportWhere<{ notifications: unknown[] }>(presenter, "notify", (data) => data.notifications.length === 1, 5_000);

  // Two live demos: the browsers tally (two phones report) and the round trips (three phones and the presenter's laptop).
  const reportUrl = `${server.origin}/parties/main/${room.code}/browsers/report`;
  for (const [i, userAgent] of [PIXEL, IPHONE].entries()) {
    const pid = await participant(server, room.code, `record-phone-0${i + 1}`);
    const reported = await fetch(reportUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": userAgent },
      body: JSON.stringify({ pid, websocket: true }),
    });
    assert.equal(reported.status, 200);
  }
  phones.forEach((phone, i) => phone.send({ type: "rtt", ms: [8, 35, 140][i]! }));
  presenter.send({ type: "rtt", ms: 2 });
  await reportWhere<Tally>(presenter, "browsers", (data) => data.total === 2, 5_000);
  await reportWhere<RttReport>(presenter, "rtt", (data) => data.count === 4, 5_000);

  const out = await mkdtemp(join(tmpdir(), "fd-record-"));
  dirs.push(out);
  const written = await main([room.code.toLowerCase(), "--host", server.origin, "--out", out, "--date", "2026-12-02", "--lang", "en"], { FULL_DUPLEX_KEY: room.key });
  assert.deepEqual(await readdir(out), ["2026-12-02-en.json"]);
  assert.equal(written.path, join(out, "2026-12-02-en.json"));
  const text = await readFile(written.path, "utf8");
  const record = parseRecord(text);
  assert.deepEqual(record, written.record);

  // The same numbers as the room's export, taken right after.
  const exported = await exportNow();
  assert.deepEqual(
    record.polls,
    exported.polls.map(({ open: _, ...rest }) => rest),
  );
  assert.deepEqual(record.polls[0]!.counts, [2, 1]);
  const exportedQuiz = exported.quiz as { questions: { answered: number; options: { text: string; answers: number; correct: boolean }[] }[]; leaderboard: { points: number }[] };
  assert.equal(record.quiz.questions[0]!.answered, 3);
  assert.deepEqual(record.quiz.questions[0]!.options, exportedQuiz.questions[0]!.options);
  assert.deepEqual(
    record.quiz.questions[0]!.options.map((option) => option.answers),
    [1, 2],
  );
  assert.deepEqual(
    record.quiz.leaderboard.map((entry) => entry.points),
    exportedQuiz.leaderboard.map((entry) => entry.points),
  );
  assert.equal(record.quiz.leaderboard.length, 3);
  assert.deepEqual(record.clouds[0]!.words, [
    { text: "Chat", count: 2 },
    { text: "Jogos", count: 1 },
  ]);
  assert.equal(record.clouds[0]!.answers, (exported.cloud as { answers: number }[])[0]!.answers);
  assert.deepEqual(record.questions, [{ text: "E o HTTP/3?", votes: 0 }]);
  const exportedReactions = exported.reactions as { totals: object; slides: unknown[] };
  assert.deepEqual(record.reactions, { totals: { ...exportedReactions.totals }, total: 5, slides: exportedReactions.slides });
  assert.deepEqual(record.reactions.slides, [{ slide: 1, totals: { ...exportedReactions.totals }, total: 5 }], "all on the slide the room showed");
  assert.equal(record.reactions.totals["🐍"], 2);
  const notification = (exported.notify as { sent: number; audience: number; acked: number }[])[0]!;
  assert.deepEqual(
    record.demos.notify?.map(({ sent, audience }) => ({ sent, audience })),
    [{ sent: notification.sent, audience: notification.audience }],
  );
  // The demos: the export's numbers in the boards' shapes; a demo not run is not in the record.
  const exportedTally = exported.browsers as TallyExport;
  assert.deepEqual(record.demos.browsers, {
    total: exportedTally.total,
    websocket: exportedTally.websocket,
    browsers: exportedTally.browsers.map(({ browser, people, websocket }) => ({ name: browser, count: people, websocket })),
    systems: exportedTally.systems.map(({ system, people, websocket }) => ({ name: system, count: people, websocket })),
  });
  assert.deepEqual(record.demos.browsers?.browsers.map(({ name, count }) => [name, count]), [["Chrome", 1], ["Safari", 1]]);
  const exportedRtt = exported.rtt as RttExport;
  assert.deepEqual(record.demos.rtt, {
    count: exportedRtt.devices,
    phones: exportedRtt.phones,
    p50: exportedRtt.p50,
    p95: exportedRtt.p95,
    max: exportedRtt.max,
    buckets: exportedRtt.buckets.map(({ from, to, devices }) => ({ from, to, count: devices })),
  });
  assert.deepEqual(
    { count: record.demos.rtt?.count, phones: record.demos.rtt?.phones, p50: record.demos.rtt?.p50, p95: record.demos.rtt?.p95, max: record.demos.rtt?.max },
    { count: 4, phones: 3, p50: 8, p95: 140, max: 140 },
  );
  assert.deepEqual(Object.keys(record.demos).sort(), ["browsers", "notify", "rtt"], "requests, pages and delivery were not run");
  assert.equal(record.audience.peak, 3, "three phones: the room's count, the poll and the quiz say so");
  // The room kept its count of people: the three phones, within the talk's first minute.
  assert.deepEqual(record.audience.samples, [{ minute: 0, count: 3 }]);
  assert.deepEqual(
    record.audience.samples,
    (exported.attendance as AttendanceExport).minutes.map(({ minute, people }) => ({ minute, count: people })),
  );
  for (const secret of [room.code, room.key, "record-phone", "Ana Secreta", "Palavrão", "Pergunta que ficou aberta", answered, "Mozilla"]) assert.ok(!text.includes(secret), `"${secret}" in the record`);

  // A wrong key, an unknown room, no key: refused, saying why; nothing written.
  const refusal = (args: string[], env: Record<string, string> = {}) => main([...args, "--host", server!.origin, "--out", out], env).then(
    () => assert.fail("written"),
    (error: unknown) => (assert.ok(error instanceof RecordError, String(error)), error.message),
  );
  assert.match(await refusal([room.code, "--key", "wrong-key"]), /presenter key is wrong/);
  assert.match(await refusal(["ZZZZZ"], { FULL_DUPLEX_KEY: room.key }), /no such room/);
  assert.match(await refusal([room.code]), /no presenter key/);
  assert.match(await refusal(["not-a-code"], { FULL_DUPLEX_KEY: room.key }), /not a room code/);
  assert.deepEqual(await readdir(out), ["2026-12-02-en.json"]);
});
