/**
 * The talk's record (src/features/record): built from a room's results export with exact numbers,
 * versioned, and refusing anything that identifies a participant or that the schema doesn't name.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AttendanceLog } from "../../src/features/attendance/log.ts";
import { tally, tallyExport } from "../../src/features/browsers/tally.ts";
import { describeBrowser } from "../../src/features/browsers/userAgent.ts";
import { deliveryExport } from "../../src/features/delivery/report.ts";
import { emptyCounters, laneReport } from "../../src/features/delivery/stats.ts";
import { buildResults } from "../../src/features/export/results.ts";
import { rttExport } from "../../src/features/rtt/report.ts";
import { localDate, parseRecord, readRecords, RecordError, recordFileName, recordFromResults, recordJson, type TalkRecord } from "../../src/features/record/record.ts";

const at = Date.parse("2026-12-02T22:40:00.000Z");

/** A room's export after a talk, shaped as each feature's server.ts `export()` makes it. */
const results = buildResults("K7QXM", at, {
  polls: [
    { id: "ja-usou", question: "Você já usou WebSocket?", options: ["Sim", "Nunca"], counts: [31, 9], total: 40, open: false, secret: "dropped by buildResults" },
  ],
  reactions: { totals: { "🐍": 12, "👏": 30 }, total: 42, slides: [{ slide: 4, totals: { "👏": 30 }, total: 30 }, { slide: 41, totals: { "🐍": 12 }, total: 12 }] },
  questions: [
    { id: "q3", text: "E o HTTP/3?", votes: 7, status: "answered", askedAt: "2026-12-02T22:10:00.000Z" },
    { id: "q1", text: "Ainda aberta", votes: 9, status: "open", askedAt: "2026-12-02T22:01:00.000Z" },
    { id: "q2", text: "Palavrão escondido", votes: 0, status: "hidden", askedAt: "2026-12-02T22:02:00.000Z" },
    { id: "q4", text: "E o SSE?", votes: 2, status: "answered", askedAt: "2026-12-02T22:11:00.000Z" },
  ],
  notify: [{ id: 3, kind: "like", sentAt: "2026-12-02T22:30:00.000Z", sent: 44, audience: 43, acked: 41, latency: { mean: 23, max: 140 } }],
  cloud: [
    {
      id: "para-que",
      prompt: "Para quê?",
      answers: 52,
      others: 3,
      words: [
        { id: "chat", text: "Chat", count: 20, hidden: false },
        { id: "jogos", text: "Jogos", count: 12, hidden: false },
        { id: "palavrao", text: "Palavrão", count: 5, hidden: true },
      ],
    },
  ],
  pointer: [{ id: 32, strokes: 2, points: 57 }],
  quiz: {
    questions: [
      {
        id: "mascara",
        question: "Quem mascara os frames?",
        seconds: 20,
        startedAt: "2026-12-02T22:20:00.000Z",
        answered: 38,
        options: [
          { text: "O servidor", answers: 11, correct: false },
          { text: "O cliente", answers: 27, correct: true },
        ],
      },
    ],
    leaderboard: [
      { rank: 1, player: 2, name: "Ana", hidden: false, points: 1912 },
      { rank: 2, player: 1, name: null, hidden: false, points: 950 },
      { rank: 2, player: 5, name: "Bia", hidden: true, points: 950 },
    ],
  },
  attendance: attendanceExport(),
  ...demoExports(),
});

/** The room's count of people over the talk, as the attendance feature logs it. */
function attendanceExport() {
  const log = new AttendanceLog();
  log.count(12, at - 30 * 60_000);
  log.count(30, at - 29 * 60_000 - 1);
  log.count(47, at - 10 * 60_000);
  log.count(20, at - 9 * 60_000);
  return log.export();
}

/** The five demos' exports, made by their own export functions from measurements a talk could take. */
function demoExports() {
  const reporters = [
    ["Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", true],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", true],
    ["Mozilla/4.0 (compatible; MSIE 8.0)", false],
  ] as const;
  const participants = new Map(reporters.map(([userAgent, websocket], i) => [`pid-${i}`, { ...describeBrowser(userAgent), websocket }]));
  const lanes = {
    poll: laneReport("poll", { ...emptyCounters(), requests: 10, answers: 10, empty: 8, delivered: 2, bytesUp: 4000, bytesDown: 2000, headerBytesUp: 4000, headerBytesDown: 1500, latencyCount: 2, latencySum: 1800, latencyMax: 1500 }, 3),
    longpoll: laneReport("longpoll", emptyCounters(), 0),
    ws: laneReport("ws", { ...emptyCounters(), frames: 2, delivered: 2, bytesDown: 60, headerBytesDown: 4, latencyCount: 2, latencySum: 40, latencyMax: 30 }, 2),
  };
  const rtt = [8, 12, 80].map((ms, i) => ({ ms, at: at - i, connection: `link-${i}`, phone: i < 2 }));
  return {
    browsers: tallyExport(tally(participants, 2)),
    requests: { requests: 5, refused: 1, requestBytes: 1500, responseBytes: 2500 },
    pages: { page: { loads: 2, requestBytes: 800, responseHeadBytes: 300, responseBodyBytes: 9000 }, data: { loads: 3, requestBytes: 1200, responseHeadBytes: 450, responseBodyBytes: 150 }, visits: 5 },
    delivery: deliveryExport({ running: false, last: null, held: 0, lanes }),
    rtt: rttExport(rtt),
  };
}

const record = recordFromResults(results, { date: "2026-12-02", locale: "pt-br", audienceNow: 20 });

test("recordFromResults: the export's numbers, exactly, without what identifies anyone", () => {
  assert.deepEqual(record, {
    version: 1,
    date: "2026-12-02",
    locale: "pt-br",
    polls: [{ id: "ja-usou", question: "Você já usou WebSocket?", options: ["Sim", "Nunca"], counts: [31, 9], total: 40 }],
    quiz: {
      questions: [
        {
          id: "mascara",
          question: "Quem mascara os frames?",
          answered: 38,
          options: [
            { text: "O servidor", answers: 11, correct: false },
            { text: "O cliente", answers: 27, correct: true },
          ],
        },
      ],
      leaderboard: [
        { rank: 1, points: 1912 },
        { rank: 2, points: 950 },
        { rank: 2, points: 950 },
      ],
    },
    clouds: [{ id: "para-que", prompt: "Para quê?", answers: 52, others: 3, words: [{ text: "Chat", count: 20 }, { text: "Jogos", count: 12 }] }],
    questions: [
      { text: "E o HTTP/3?", votes: 7 },
      { text: "E o SSE?", votes: 2 },
    ],
    reactions: {
      totals: { "👏": 30, "❤️": 0, "😂": 0, "🤯": 0, "🐍": 12, "🔥": 0 },
      total: 42,
      slides: [
        { slide: 4, totals: { "👏": 30, "❤️": 0, "😂": 0, "🤯": 0, "🐍": 0, "🔥": 0 }, total: 30 },
        { slide: 41, totals: { "👏": 0, "❤️": 0, "😂": 0, "🤯": 0, "🐍": 12, "🔥": 0 }, total: 12 },
      ],
    },
    demos: {
      notify: [{ kind: "like", sent: 44, audience: 43, acked: 41, latency: { mean: 23, max: 140 } }],
      // The boards' shapes: a tally row's name and count, a lane's latency count, the devices per bucket as a count.
      browsers: {
        total: 3,
        websocket: 2,
        browsers: [
          { name: "Chrome", count: 1, websocket: 1 },
          { name: "other", count: 1, websocket: 0 },
          { name: "Safari", count: 1, websocket: 1 },
        ],
        systems: [
          { name: "Android", count: 1, websocket: 1 },
          { name: "iOS", count: 1, websocket: 1 },
          { name: "other", count: 1, websocket: 0 },
        ],
      },
      requests: { count: 5, refused: 1, requestBytes: 1500, responseBytes: 2500 },
      pages: { page: { loads: 2, requestBytes: 800, responseHeadBytes: 300, responseBodyBytes: 9000 }, data: { loads: 3, requestBytes: 1200, responseHeadBytes: 450, responseBodyBytes: 150 }, visits: 5 },
      delivery: {
        lanes: {
          poll: { requests: 10, answers: 10, empty: 8, frames: 0, delivered: 2, bytesUp: 4000, bytesDown: 2000, bytesPerEvent: 3000, headerBytesPerMessage: 550, latency: { count: 2, mean: 900, max: 1500 } },
          longpoll: { requests: 0, answers: 0, empty: 0, frames: 0, delivered: 0, bytesUp: 0, bytesDown: 0, bytesPerEvent: null, headerBytesPerMessage: null, latency: { count: 0, mean: null, max: null } },
          ws: { requests: 0, answers: 0, empty: 0, frames: 2, delivered: 2, bytesUp: 0, bytesDown: 60, bytesPerEvent: 30, headerBytesPerMessage: 2, latency: { count: 2, mean: 20, max: 30 } },
        },
      },
      rtt: {
        count: 3,
        phones: 2,
        p50: 12,
        p95: 80,
        max: 80,
        buckets: [
          { from: 0, to: 10, count: 1 },
          { from: 10, to: 20, count: 1 },
          { from: 20, to: 50, count: 0 },
          { from: 50, to: 100, count: 1 },
          { from: 100, to: 200, count: 0 },
          { from: 200, to: 500, count: 0 },
          { from: 500, to: null, count: 0 },
        ],
      },
    },
    // The room's peak per minute since the first arrival (minute 21 began at 47); the peak over it, polls, quiz and notifications.
    audience: { peak: 47, samples: [{ minute: 0, count: 30 }, { minute: 20, count: 47 }, { minute: 21, count: 47 }] },
  } satisfies TalkRecord);
  const text = recordJson(record);
  for (const secret of ["K7QXM", "q3", "Ana", "Bia", "Palavrão", "Ainda aberta", "askedAt", "player", "who", "pid", "link-", "round", "Mozilla", "exportedAt"]) assert.ok(!text.includes(secret), `"${secret}" left in the record`);
  assert.equal(recordFileName(record), "2026-12-02-pt-br.json");
});

test("the audience's peak: what a poll, the quiz or a notification proves when the room kept no count", () => {
  const { attendance: _, ...uncounted } = results;
  const unwatched = recordFromResults(uncounted as typeof results, { date: "2026-12-02", locale: "en" });
  assert.deepEqual(unwatched.audience, { peak: 43, samples: [] });
  const empty = recordFromResults(buildResults("K7QXM", at, {}), { date: "2026-12-02", locale: "en" });
  assert.deepEqual(empty.audience, { peak: 0, samples: [] });
  assert.deepEqual(empty.quiz, { questions: [], leaderboard: [] });
  assert.equal(empty.reactions.total, 0);
  assert.deepEqual(empty.demos, {});
});

test("a demo the room didn't run is left out: no slide shows zeros nobody measured", () => {
  const idle = buildResults("K7QXM", at, {
    browsers: tallyExport(tally(new Map(), 0)),
    requests: { requests: 0, refused: 0, requestBytes: 0, responseBytes: 0 },
    pages: { page: { loads: 0, requestBytes: 0, responseHeadBytes: 0, responseBodyBytes: 0 }, data: { loads: 0, requestBytes: 0, responseHeadBytes: 0, responseBodyBytes: 0 }, visits: 0 },
    delivery: deliveryExport({ running: false, last: null, held: 0, lanes: { poll: laneReport("poll", emptyCounters(), 2), longpoll: laneReport("longpoll", emptyCounters(), 0), ws: laneReport("ws", emptyCounters(), 1) } }),
    rtt: rttExport([]),
    notify: [],
  });
  assert.deepEqual(recordFromResults(idle, { date: "2026-12-02", locale: "pt-br" }).demos, {});
});

test("parseRecord: a record round-trips through its file; the version is checked first", () => {
  assert.deepEqual(parseRecord(recordJson(record)), record);
  assert.throws(() => parseRecord({ ...record, version: 2 }), (error: Error) => error instanceof RecordError && /version 1/.test(error.message) && /2/.test(error.message));
  const { version: _, ...unversioned } = record;
  assert.throws(() => parseRecord(unversioned), /version: missing/);
  assert.throws(() => parseRecord("{not json"), /not JSON/);
  assert.throws(() => parseRecord({ ...record, date: "2 dez 2026" }), /date/);
  assert.throws(() => parseRecord({ ...record, locale: "fr" }), /locale/);
});

/** The record with one change (a deep copy: the fixture stays as it is). */
function changed(change: (copy: Record<string, any>) => void): unknown {
  const copy = structuredClone(record) as Record<string, any>;
  change(copy);
  return copy;
}

test("parseRecord refuses ids, participants, hidden words, unanswered questions and unknown fields", () => {
  const refused: [string, (copy: Record<string, any>) => void][] = [
    ["the room's code", (copy) => (copy.room = "K7QXM")],
    ["a question's id", (copy) => (copy.questions[0].id = "q3")],
    ["a question's status (an open one)", (copy) => (copy.questions[0].status = "open")],
    ["a question's time", (copy) => (copy.questions[0].askedAt = "2026-12-02T22:10:00.000Z")],
    ["a participant id", (copy) => (copy.quiz.leaderboard[0].pid = "export-phone-01")],
    ["a player number", (copy) => (copy.quiz.leaderboard[0].player = 2)],
    ["a nickname", (copy) => (copy.quiz.leaderboard[0].name = "Ana")],
    ["a hidden word", (copy) => copy.clouds[0].words.push({ text: "Palavrão", count: 5, hidden: true })],
    ["a word's key", (copy) => (copy.clouds[0].words[0].id = "chat")],
    ["a notification's id", (copy) => (copy.demos.notify[0].id = 3)],
    ["the requests' recent exchanges", (copy) => (copy.demos.requests.recent = [])],
    ["an unknown demo", (copy) => (copy.demos.sensors = {})],
    ["a User-Agent for a browser's name", (copy) => (copy.demos.browsers.browsers[0].name = "Mozilla/5.0 (Linux; Android 14; Pixel 7)")],
    ["a browser tally whose rows aren't its total", (copy) => (copy.demos.browsers.total = 4)],
    ["the browsers tally's round", (copy) => (copy.demos.browsers.round = 2)],
    ["a lane's phones watching now", (copy) => (copy.demos.delivery.lanes.ws.phones = 2)],
    ["an rtt histogram that isn't its devices", (copy) => (copy.demos.rtt.buckets[0].count = 2)],
    ["an rtt device's connection", (copy) => (copy.demos.rtt.connection = "link-0")],
    ["the presenter key", (copy) => (copy.key = "secret")],
    ["a poll whose total isn't its counts'", (copy) => (copy.polls[0].total = 41)],
    ["a quiz question with two right answers", (copy) => (copy.quiz.questions[0].options[0].correct = true)],
    ["a negative count", (copy) => (copy.reactions.total = -1)],
    ["an unknown reaction", (copy) => (copy.reactions.totals["💩"] = 1)],
    ["a poll id a deck can't have", (copy) => (copy.polls[0].id = "Já usou?")],
  ];
  for (const [what, change] of refused) assert.throws(() => parseRecord(changed(change)), RecordError, what);
});

test("localDate is the machine's calendar day", () => {
  assert.equal(localDate(new Date(2026, 11, 2, 23, 59)), "2026-12-02");
  assert.equal(localDate(new Date(2026, 0, 9, 0, 0)), "2026-01-09");
});

test("every record committed in records/ is valid and named after its date and language", () => {
  const dir = resolve(import.meta.dirname, "../../records");
  for (const name of readdirSync(dir).filter((file) => file.endsWith(".json"))) {
    const parsed = parseRecord(readFileSync(join(dir, name), "utf8"));
    assert.equal(recordFileName(parsed), name);
  }
});

test("readRecords: every file checked (an invalid one named), newest first, Portuguese before English", () => {
  const file = (date: string, locale: "pt-br" | "en") => ({ default: { ...structuredClone(record), date, locale } });
  const read = readRecords({ "/records/a.json": file("2026-01-10", "en"), "/records/b.json": file("2026-12-02", "en"), "/records/c.json": file("2026-12-02", "pt-br") });
  assert.deepEqual(
    read.map(({ file }) => file),
    ["/records/c.json", "/records/b.json", "/records/a.json"],
  );
  assert.throws(() => readRecords({ "/records/ok.json": file("2026-12-02", "en"), "/records/bad.json": { default: { version: 1 } } }), /\/records\/bad\.json: invalid record/);
});
