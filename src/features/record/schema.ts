/**
 * The talk's record: what the room did when the talk was given, kept as a JSON file in `records/`
 * for readers afterwards (issue 18). It holds counts and the texts the room showed, never anything
 * that identifies a participant: no room code, no participant or question ids, no presenter key,
 * no nicknames (a nickname is typed by a phone and is often its owner's name), no hidden words,
 * no question that wasn't answered. Every object is strict, so a field this file doesn't name is
 * refused rather than kept: a new field is a new version.
 */
import * as v from "valibot";
import { locales } from "../../i18n/locales.ts";
import { BROWSER_NAMES, SYSTEM_NAMES } from "../browsers/userAgent.ts";
import { CLOUD_ID_PATTERN } from "../cloud/protocol.ts";
import { LANES } from "../delivery/protocol.ts";
import { NOTIFICATION_KINDS } from "../notify/protocol.ts";
import { POLL_ID_PATTERN } from "../polls/protocol.ts";
import { QUIZ_ID_PATTERN } from "../quiz/protocol.ts";
import { REACTIONS } from "../reactions/protocol.ts";

export const RECORD_VERSION = 1;

/** A text the room showed (a deck's question or option, an answered question, a visible word): bounded. */
const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Bytes, milliseconds: measured, so not always whole (an average), never negative. */
const Measure = v.pipe(v.number(), v.finite(), v.minValue(0));
const MaybeMeasure = v.nullable(Measure);

/** A slide's own id for its poll, quiz question or cloud (written in the deck, not by a phone). */
const DeckId = (pattern: RegExp) => v.pipe(v.string(), v.regex(pattern));

const AudienceSchema = v.strictObject({
  /** The most people known to be in the room at once (see audiencePeak in record.ts). */
  peak: Count,
  /** The room's count of people per minute since the first arrived: each minute's peak (minutes with no change left out). */
  samples: v.array(v.strictObject({ minute: Count, count: Count })),
});

const PollSchema = v.pipe(
  v.strictObject({
    id: DeckId(POLL_ID_PATTERN),
    question: Text,
    options: v.array(Text),
    counts: v.array(Count),
    total: Count,
  }),
  v.check((poll) => poll.counts.length === poll.options.length, "a count per option"),
  v.check((poll) => poll.counts.reduce((a, b) => a + b, 0) === poll.total, "the total is the sum of the counts"),
);

const QuizQuestionSchema = v.pipe(
  v.strictObject({
    id: DeckId(QUIZ_ID_PATTERN),
    question: Text,
    /** How many players answered it. */
    answered: Count,
    options: v.array(v.strictObject({ text: Text, answers: Count, correct: v.boolean() })),
  }),
  v.check((question) => question.options.filter((option) => option.correct).length === 1, "one right answer"),
);

const QuizSchema = v.strictObject({
  questions: v.array(QuizQuestionSchema),
  /** The ranking as points only: no nickname, no player number. */
  leaderboard: v.array(v.strictObject({ rank: v.pipe(Count, v.minValue(1)), points: Count })),
});

const CloudSchema = v.strictObject({
  id: DeckId(CLOUD_ID_PATTERN),
  prompt: Text,
  /** Answers counted, and answers past the cloud's limit of words. */
  answers: Count,
  others: Count,
  /** The visible words only (the presenter's hidden ones are dropped), most frequent first. */
  words: v.array(v.strictObject({ text: Text, count: v.pipe(Count, v.minValue(1)) })),
});

/** A question the presenter marked answered: its text and votes, never who asked or when. */
const AnsweredQuestionSchema = v.strictObject({ text: Text, votes: Count });

const ReactionTotalsSchema = v.record(v.picklist(REACTIONS), Count);
const ReactionsSchema = v.strictObject({
  totals: ReactionTotalsSchema,
  total: Count,
  /** The slides that got reactions (1-based, the deck's numbers): what arrived while each was shown. */
  slides: v.array(v.strictObject({ slide: v.pipe(Count, v.minValue(1)), totals: ReactionTotalsSchema, total: Count })),
});

const NotificationSchema = v.strictObject({
  kind: v.picklist(NOTIFICATION_KINDS),
  sent: Count,
  audience: Count,
  acked: Count,
  latency: v.nullable(v.strictObject({ mean: Measure, max: Measure })),
});

/** A tally row: a browser or system by the name the room gives it (a known one or `other`, never a User-Agent). */
const TallyRowSchema = (names: readonly string[]) =>
  v.pipe(
    v.strictObject({ name: v.picklist(names), count: v.pipe(Count, v.minValue(1)), websocket: Count }),
    v.check((row) => row.websocket <= row.count, "no more with WebSocket than people"),
  );
const sum = (rows: readonly { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);
const BrowsersSchema = v.pipe(
  v.strictObject({ total: Count, websocket: Count, browsers: v.array(TallyRowSchema(BROWSER_NAMES)), systems: v.array(TallyRowSchema(SYSTEM_NAMES)) }),
  v.check((tally) => sum(tally.browsers) === tally.total && sum(tally.systems) === tally.total, "each person in one browser row and one system row"),
);

const RequestsSchema = v.strictObject({ count: Count, refused: Count, requestBytes: Count, responseBytes: Count });

const RouteTallySchema = v.strictObject({ loads: Count, requestBytes: Count, responseHeadBytes: Count, responseBodyBytes: Count });
const PagesSchema = v.strictObject({ page: RouteTallySchema, data: RouteTallySchema, visits: Count });

const LaneSchema = v.strictObject({
  requests: Count,
  answers: Count,
  empty: Count,
  frames: Count,
  delivered: Count,
  bytesUp: Count,
  bytesDown: Count,
  bytesPerEvent: MaybeMeasure,
  headerBytesPerMessage: MaybeMeasure,
  latency: v.strictObject({ count: Count, mean: MaybeMeasure, max: MaybeMeasure }),
});
const DeliverySchema = v.strictObject({ lanes: v.strictObject(Object.fromEntries(LANES.map((lane) => [lane, LaneSchema])) as Record<(typeof LANES)[number], typeof LaneSchema>) });

const RttSchema = v.pipe(
  v.strictObject({
    /** Devices measured (phones and the presenter's own). */
    count: Count,
    phones: Count,
    p50: MaybeMeasure,
    p95: MaybeMeasure,
    max: MaybeMeasure,
    buckets: v.array(v.strictObject({ from: Measure, to: MaybeMeasure, count: Count })),
  }),
  v.check((rtt) => sum(rtt.buckets) === rtt.count && rtt.phones <= rtt.count, "every device in one bucket"),
);

/**
 * The live demos' final measurements, in the shapes their boards draw; each present when the room
 * measured something with it. `rtt` is the distribution when the most devices were measuring at once.
 */
const DemosSchema = v.strictObject({
  browsers: v.optional(BrowsersSchema),
  requests: v.optional(RequestsSchema),
  pages: v.optional(PagesSchema),
  delivery: v.optional(DeliverySchema),
  rtt: v.optional(RttSchema),
  notify: v.optional(v.array(NotificationSchema)),
});

export const RecordSchema = v.strictObject({
  version: v.literal(RECORD_VERSION),
  /** The day the talk was given (YYYY-MM-DD, the presenter's calendar). */
  date: v.pipe(v.string(), v.isoDate()),
  locale: v.picklist(locales),
  audience: AudienceSchema,
  polls: v.array(PollSchema),
  quiz: QuizSchema,
  clouds: v.array(CloudSchema),
  /** Answered questions only, most voted first. */
  questions: v.array(AnsweredQuestionSchema),
  reactions: ReactionsSchema,
  demos: DemosSchema,
});

export type TalkRecord = v.InferOutput<typeof RecordSchema>;
export type RecordAudience = TalkRecord["audience"];
export type RecordDemos = TalkRecord["demos"];
export type RecordReactions = TalkRecord["reactions"];
