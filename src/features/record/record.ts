/**
 * The talk's record from the room's results export (what `GET /parties/main/<CODE>/export` gives
 * the presenter): the same numbers, with everything that identifies a participant left behind.
 * Pure, so the presenter's panel, `npm run record` and the tests build the same record.
 */
import * as v from "valibot";
import type { Locale } from "../../i18n/locales.ts";
import type { AttendanceExport } from "../attendance/log.ts";
import type { TallyExport } from "../browsers/tally.ts";
import { LANES } from "../delivery/protocol.ts";
import type { DeliveryExport, LaneExport } from "../delivery/report.ts";
import type { RoomResults } from "../export/results.ts";
import type { NotificationKind } from "../notify/protocol.ts";
import type { PagesReport, RouteTally } from "../pages/pageTally.ts";
import type { RequestsExport } from "../requests/exchangeLog.ts";
import type { RttExport } from "../rtt/report.ts";
import type { SlideReactions } from "../reactions/bySlide.ts";
import { emptyTotals, type ReactionTotals } from "../reactions/tally.ts";
import { RECORD_VERSION, RecordSchema, type RecordAudience, type RecordDemos, type TalkRecord } from "./schema.ts";

export { RECORD_VERSION, RecordSchema, type TalkRecord } from "./schema.ts";

/** The features' exports as they are shaped (each feature's server.ts `export()`), as far as the record reads them. */
interface QuizExport {
  questions: { id: string; question: string; answered: number; options: { text: string; answers: number; correct: boolean }[] }[];
  leaderboard: { rank: number; points: number }[];
}
interface CloudExport {
  id: string;
  prompt: string;
  answers: number;
  others: number;
  words: { text: string; count: number; hidden: boolean }[];
}
interface QuestionExport {
  text: string;
  votes: number;
  status: string;
}
interface NotificationExport {
  kind: NotificationKind;
  sent: number;
  audience: number;
  acked: number;
  latency: { mean: number; max: number } | null;
}

export interface RecordOptions {
  /** YYYY-MM-DD: the day the talk was given. */
  date: string;
  locale: Locale;
  /** People in the room when the record was made (the room's public state). */
  audienceNow?: number;
}

export class RecordError extends Error {}

/** A record's file name in records/: `2026-12-02-pt-br.json`. */
export function recordFileName(record: Pick<TalkRecord, "date" | "locale">): string {
  return `${record.date}-${record.locale}.json`;
}

/** Today on this machine's calendar, YYYY-MM-DD (a talk given at 22:00 in São Paulo is that day's, not UTC's next). */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The most people known to be in the room at once: the room's own count (its attendance, kept per
 * minute), or more, when something proves more people took part: a poll's ballots or a quiz
 * question's answers (one per participant), the phones a notification reached, the browsers tally,
 * the phones measuring their round trips at once.
 */
export function audiencePeak(record: Omit<TalkRecord, "audience">, counts: readonly number[]): number {
  return Math.max(
    0,
    ...counts,
    ...record.polls.map((poll) => poll.total),
    ...record.quiz.questions.map((question) => question.answered),
    ...(record.demos.notify ?? []).map((notification) => notification.audience),
    record.demos.browsers?.total ?? 0,
    record.demos.rtt?.phones ?? 0,
  );
}

function audienceOf(record: Omit<TalkRecord, "audience">, attendance: AttendanceExport | undefined, options: RecordOptions): RecordAudience {
  const samples = attendance?.minutes.map(({ minute, people }) => ({ minute, count: people })) ?? [];
  const counts = [attendance?.peak ?? 0, ...(options.audienceNow === undefined ? [] : [options.audienceNow])];
  return { peak: audiencePeak(record, counts), samples };
}

/**
 * The live demos' measurements, from their exports (each feature's server.ts), in the shapes their
 * boards draw (the reports'). A demo the room didn't run (nothing measured) is left out, so no
 * slide shows a talk's zeros as if they had been measured.
 */
function demosOf(results: RoomResults): RecordDemos {
  const demos: RecordDemos = {};
  const notify = results.notify as NotificationExport[] | undefined;
  if (Array.isArray(notify) && notify.length > 0) demos.notify = notify.map(({ kind, sent, audience, acked, latency }) => ({ kind, sent, audience, acked, latency }));
  const browsers = results.browsers as TallyExport | undefined;
  if (browsers && browsers.total > 0) {
    demos.browsers = {
      total: browsers.total,
      websocket: browsers.websocket,
      browsers: browsers.browsers.map(({ browser, people, websocket }) => ({ name: browser, count: people, websocket })),
      systems: browsers.systems.map(({ system, people, websocket }) => ({ name: system, count: people, websocket })),
    };
  }
  const requests = results.requests as RequestsExport | undefined;
  if (requests && requests.requests > 0) {
    demos.requests = { count: requests.requests, refused: requests.refused, requestBytes: requests.requestBytes, responseBytes: requests.responseBytes };
  }
  const pages = results.pages as PagesReport | undefined;
  if (pages && pages.page.loads + pages.data.loads > 0) {
    const route = ({ loads, requestBytes, responseHeadBytes, responseBodyBytes }: RouteTally) => ({ loads, requestBytes, responseHeadBytes, responseBodyBytes });
    demos.pages = { page: route(pages.page), data: route(pages.data), visits: pages.visits };
  }
  const delivery = results.delivery as DeliveryExport | undefined;
  if (delivery && LANES.some((lane) => delivery.lanes[lane].requests + delivery.lanes[lane].frames > 0)) {
    // Field by field, as the export names them; the latency's count as the board's report has it.
    const lane = ({ requests, answers, empty, frames, delivered, bytesUp, bytesDown, bytesPerEvent, headerBytesPerMessage, latency }: LaneExport) => ({ requests, answers, empty, frames, delivered, bytesUp, bytesDown, bytesPerEvent, headerBytesPerMessage, latency: { count: latency.reports, mean: latency.mean, max: latency.max } });
    demos.delivery = { lanes: { poll: lane(delivery.lanes.poll), longpoll: lane(delivery.lanes.longpoll), ws: lane(delivery.lanes.ws) } };
  }
  const rtt = results.rtt as RttExport | undefined;
  if (rtt && rtt.devices > 0) {
    demos.rtt = {
      count: rtt.devices,
      phones: rtt.phones,
      p50: rtt.p50,
      p95: rtt.p95,
      max: rtt.max,
      buckets: rtt.buckets.map(({ from, to, devices }) => ({ from, to, count: devices })),
    };
  }
  return demos;
}

/**
 * The record of a room's results: polls, quiz, word clouds, answered questions, reactions and
 * the demos' measurements, without the room's code, ids, nicknames, hidden words or unanswered
 * questions. Validated before it is returned (throws RecordError if the export was malformed).
 */
export function recordFromResults(results: RoomResults, options: RecordOptions): TalkRecord {
  const quiz = results.quiz as QuizExport | undefined;
  const clouds = (results.cloud as CloudExport[] | undefined) ?? [];
  const questions = (results.questions as QuestionExport[] | undefined) ?? [];
  const reactions = results.reactions as { totals: ReactionTotals; total: number; slides?: SlideReactions[] } | undefined;
  const withoutAudience: Omit<TalkRecord, "audience"> = {
    version: RECORD_VERSION,
    date: options.date,
    locale: options.locale,
    polls: results.polls.map(({ id, question, options: texts, counts, total }) => ({ id, question, options: texts, counts, total })),
    quiz: {
      questions: (quiz?.questions ?? []).map(({ id, question, answered, options: choices }) => ({
        id,
        question,
        answered,
        options: choices.map(({ text, answers, correct }) => ({ text, answers, correct })),
      })),
      leaderboard: (quiz?.leaderboard ?? []).map(({ rank, points }) => ({ rank, points })),
    },
    clouds: clouds.map(({ id, prompt, answers, others, words }) => ({
      id,
      prompt,
      answers,
      others,
      words: words.filter((word) => !word.hidden && word.count > 0).map(({ text, count }) => ({ text, count })),
    })),
    // The export lists them most voted first; a question not marked answered stays in the room.
    questions: questions.filter((question) => question.status === "answered").map(({ text, votes }) => ({ text, votes })),
    reactions: {
      totals: { ...emptyTotals(), ...reactions?.totals },
      total: reactions?.total ?? 0,
      slides: (reactions?.slides ?? []).map(({ slide, totals, total }) => ({ slide, totals: { ...emptyTotals(), ...totals }, total })),
    },
    demos: demosOf(results),
  };
  const record = { ...withoutAudience, audience: audienceOf(withoutAudience, results.attendance as AttendanceExport | undefined, options) };
  return parseRecord(record);
}

/**
 * A record read from a file or built here, checked: the known version, every field this version
 * has and no other. Throws RecordError saying what is wrong.
 */
export function parseRecord(input: unknown): TalkRecord {
  const value = typeof input === "string" ? parseJson(input) : input;
  const version = (value as { version?: unknown } | null)?.version;
  if (version !== RECORD_VERSION) throw new RecordError(`not a version ${RECORD_VERSION} record (version: ${JSON.stringify(version) ?? "missing"})`);
  const result = v.safeParse(RecordSchema, value);
  if (!result.success) {
    const problems = result.issues.map((issue) => `${v.getDotPath(issue) ?? "(record)"}: ${issue.message}`);
    throw new RecordError(`invalid record: ${problems.slice(0, 5).join("; ")}`);
  }
  return result.output;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RecordError(`not JSON: ${(error as Error).message}`);
  }
}

/** Records read from files (a module per file, as a JSON import gives it), each checked, newest first; Portuguese before English on a day. */
export function readRecords(byFile: Readonly<Record<string, { default: unknown }>>): { file: string; record: TalkRecord }[] {
  return Object.entries(byFile)
    .map(([file, module]) => {
      try {
        return { file, record: parseRecord(module.default) };
      } catch (error) {
        throw new RecordError(`${file}: ${(error as Error).message}`);
      }
    })
    .sort((a, b) => b.record.date.localeCompare(a.record.date) || b.record.locale.localeCompare(a.record.locale) || a.file.localeCompare(b.file));
}

/** The record as its file holds it: pretty JSON with a final newline (a file meant to be read in a diff). */
export function recordJson(record: TalkRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
