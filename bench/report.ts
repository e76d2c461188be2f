/** The bench's output: plain-text tables, and the targets the issue set, checked. */
import type { CloudStormResult } from "./scenarios/cloud-storm.ts";
import type { FanOutResult } from "./scenarios/fan-out.ts";
import type { FloodResult } from "./scenarios/flood.ts";
import type { JoinStormResult } from "./scenarios/join-storm.ts";
import type { QuestionsStormResult } from "./scenarios/questions-storm.ts";
import type { QuizStormResult } from "./scenarios/quiz-storm.ts";
import type { StormResult } from "./scenarios/reaction-storm.ts";
import type { VoteStormResult } from "./scenarios/vote-storm.ts";
import type { PerPhone } from "./stats.ts";
import { round, type Usage } from "./room-process.ts";

export interface SizeRun {
  sockets: number;
  join: JoinStormResult;
  fanOut: FanOutResult;
  reactions: StormResult;
  naive: StormResult;
  /** naive.outPerIn / reactions.outPerIn: how many times more frames the relay sends per batch. */
  naiveRatio: number;
  votes: VoteStormResult;
  questions: QuestionsStormResult;
  cloud: CloudStormResult;
  quiz: QuizStormResult;
  flood: FloodResult;
}

type Cell = string | number | boolean;

/** Left-aligned first column, right-aligned numbers, a rule under the header. */
export function table(title: string, rows: Record<string, Cell>[]): string {
  if (rows.length === 0) return "";
  const headers = Object.keys(rows[0]!);
  const cells = [headers, ...rows.map((row) => headers.map((header) => String(row[header])))];
  const widths = headers.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) => values.map((value, column) => (column === 0 ? value.padEnd(widths[column]!) : value.padStart(widths[column]!))).join("  ");
  return [`\n${title}`, line(headers), widths.map((width) => "─".repeat(width)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function tables(runs: SizeRun[]): string {
  return [
    table("Join storm: N phones connect at once", runs.map(({ sockets, join }) => ({
      N: sockets, "all joined ms": join.allJoinedMs, "p50 ms": join.join.p50, "p95 ms": join.join.p95,
      "room RSS MB": join.usage.peakRssMb, "room CPU %": join.usage.cpuPercent, "bench CPU %": join.usage.benchCpuPercent,
    }))),
    table("Fan-out: presenter slide changes to every phone", runs.map(({ sockets, fanOut }) => ({
      N: sockets, changes: fanOut.changes, "p50 ms": fanOut.latency.p50, "p95 ms": fanOut.latency.p95,
      "p99 ms": fanOut.latency.p99, "max ms": fanOut.latency.max, lost: fanOut.lost, "seq gaps": fanOut.outOfOrder,
      "room RSS MB": fanOut.usage.peakRssMb, "room CPU %": fanOut.usage.cpuPercent, "bench CPU %": fanOut.usage.benchCpuPercent,
    }))),
    table("Reaction storm: every phone sends a batch twice a second", runs.flatMap(({ sockets, reactions, naive, naiveRatio }) => [
      stormRow(`room, N=${sockets}`, reactions, ""),
      stormRow(`naive, N=${sockets}`, naive, `${naiveRatio}×`),
    ])),
    table("Vote storm: every phone changes its ballot twice a second", runs.map(({ sockets, votes }) => ({
      N: sockets, s: votes.seconds, "ballots in": votes.ballots, "in/s": votes.ballotsPerSecond, acked: votes.acked, exact: votes.exact ? "yes" : "not within 30 s",
      "drain ms": votes.drainMs, "room RSS MB": votes.usage.peakRssMb, "room CPU %": votes.usage.cpuPercent, "bench CPU %": votes.usage.benchCpuPercent,
    }))),
    table("Questions storm: 200 open questions, every phone upvotes twice a second", runs.map(({ sockets, questions }) => ({
      N: sockets, questions: questions.questions, s: questions.seconds, "upvotes in": questions.upvotes, "in/s": questions.upvotesPerSecond,
      exact: questions.exact ? "yes" : "not within 30 s", "drain ms": questions.drainMs,
      "room RSS MB": questions.usage.peakRssMb, "room CPU %": questions.usage.cpuPercent, "bench CPU %": questions.usage.benchCpuPercent,
    }))),
    table("Word cloud storm: every phone sends 3 answers in mixed spellings within a few seconds", runs.map(({ sockets, cloud }) => ({
      N: sockets, s: cloud.seconds, answers: cloud.answers, "in/s": cloud.answersPerSecond, words: cloud.words, refused: cloud.refused,
      exact: cloud.exact ? "yes" : "not within 30 s", "projector final ms": cloud.finalMs, "B/phone/s mean": cloud.perPhone.bytesMean,
      "room RSS MB": cloud.usage.peakRssMb, "room CPU %": cloud.usage.cpuPercent, "bench CPU %": cloud.usage.benchCpuPercent,
    }))),
    table("Quiz storm: the presenter starts a question, every phone answers within the window, the presenter ends it", runs.map(({ sockets, quiz }) => ({
      N: sockets, "answer within s": quiz.answerWithinSeconds, answers: quiz.answers, acked: quiz.acked, "reached all ms": quiz.questionReachedAllMs,
      "leaderboard final ms": quiz.leaderboardFinalMs, "start → final ms": quiz.totalMs, exact: quiz.exact ? "yes" : "NO",
      "B/phone mean": quiz.bytesPerPhoneMean, "B/phone max": quiz.bytesPerPhoneMax, "room RSS MB": quiz.usage.peakRssMb, "room CPU %": quiz.usage.cpuPercent, "bench CPU %": quiz.usage.benchCpuPercent,
    }))),
    table("What one phone receives during each storm (bytes on the wire per second: mean and max over phones)", runs.flatMap(({ sockets, reactions, votes, questions, cloud, quiz }) => [
      phoneRow("reactions", sockets, reactions.perPhone, reactions.usage),
      phoneRow("votes", sockets, votes.perPhone, votes.usage),
      phoneRow("questions", sockets, questions.perPhone, questions.usage),
      phoneRow("cloud", sockets, cloud.perPhone, cloud.usage),
      phoneRow("quiz", sockets, quiz.perPhone, quiz.usage),
    ])),
    table("Flood: 5 sockets flood while 20 phones ping", runs.map(({ sockets, flood }) => ({
      N: sockets, "quiet p50/p95 ms": `${flood.quiet.p50} / ${flood.quiet.p95}`, "flooded p50/p95 ms": `${flood.flooded.p50} / ${flood.flooded.p95}`,
      "p95 ratio": flood.p95Ratio, "flood frames": flood.floodFrames, refused: flood.refusals, "closed with": [...new Set(flood.closeCodes)].join(","), "all closed after ms": flood.closedAfterMs ?? "never",
      "room CPU %": flood.usage.cpuPercent, "bench CPU %": flood.usage.benchCpuPercent,
    }))),
  ].join("\n");
}

function phoneRow(storm: string, sockets: number, phone: PerPhone, usage: Usage): Record<string, Cell> {
  return {
    storm, N: sockets, "B/phone/s mean": phone.bytesMean, "B/phone/s max": phone.bytesMax,
    "frames/phone/s mean": phone.framesMean, "frames/phone/s max": phone.framesMax, "room peak RSS MB": usage.peakRssMb,
  };
}

function stormRow(label: string, storm: StormResult, ratio: string): Record<string, Cell> {
  return {
    run: label, s: storm.seconds, "in/s": storm.messagesInPerSecond, "msgs in": storm.messagesIn, "frames out": storm.framesOut,
    "out/s": storm.framesOutPerSecond, "out per in": storm.outPerIn, "relay ÷ room": ratio, exact: storm.exact ? "yes" : "not within 30 s",
    "drain ms": storm.drainMs, "room RSS MB": storm.usage.peakRssMb, "room CPU %": storm.usage.cpuPercent, "bench CPU %": storm.usage.benchCpuPercent,
  };
}

export interface Target {
  what: string;
  measured: string;
  met: boolean;
  /** Correctness targets hold at any N and in the smoke run; speed targets only in the full run. */
  kind: "correctness" | "speed";
}

/**
 * What one phone may receive per second in any storm: its own acknowledgements, the reactions'
 * and the poll's coalesced counts, and the questions' patches, with room to spare; the whole
 * question board on every change was ~220 KB a second.
 */
const PHONE_BYTES_MAX = 20_000;

const storms = (run: SizeRun): [string, PerPhone][] => [
  ["reactions", run.reactions.perPhone],
  ["votes", run.votes.perPhone],
  ["questions", run.questions.perPhone],
  ["cloud", run.cloud.perPhone],
  ["quiz", run.quiz.perPhone],
];

/** The targets, judged on the largest N (the ones about correctness on every N). */
export function targets(runs: SizeRun[]): Target[] {
  const largest = runs.at(-1)!;
  const n = largest.sockets;
  return [
    { kind: "correctness", what: "fan-out: nothing lost, no seq gap, at every N", measured: runs.map((run) => `${run.sockets}: ${run.fanOut.lost} lost, ${run.fanOut.outOfOrder} gaps`).join("; "), met: runs.every((run) => run.fanOut.lost === 0 && run.fanOut.outOfOrder === 0) },
    { kind: "correctness", what: "reaction totals exact on every phone and the presenter", measured: runs.map((run) => `${run.sockets}: ${run.reactions.exact ? "exact" : "WRONG"}`).join("; "), met: runs.every((run) => run.reactions.exact) },
    { kind: "correctness", what: "poll counts exact on every phone and the presenter", measured: runs.map((run) => `${run.sockets}: ${run.votes.exact ? "exact" : "WRONG"}`).join("; "), met: runs.every((run) => run.votes.exact) },
    { kind: "correctness", what: "question votes exact on a presenter's remote", measured: runs.map((run) => `${run.sockets}: ${run.questions.exact ? "exact" : "WRONG"}`).join("; "), met: runs.every((run) => run.questions.exact) },
    { kind: "correctness", what: "word cloud counts exact on the projector and the presenter", measured: runs.map((run) => `${run.sockets}: ${run.cloud.exact ? "exact" : "WRONG"}`).join("; "), met: runs.every((run) => run.cloud.exact) },
    { kind: "correctness", what: "quiz: every answer acknowledged, counts, points and ranks exact", measured: runs.map((run) => `${run.sockets}: ${run.quiz.acked}/${run.quiz.answers} acked, ${run.quiz.exact ? "exact" : "WRONG"}`).join("; "), met: runs.every((run) => run.quiz.exact) },
    { kind: "correctness", what: "flooders closed with 4008", measured: runs.map((run) => run.flood.closeCodes.join(",")).join("; "), met: runs.every((run) => run.flood.closeCodes.every((code) => code === 4008)) },
    { kind: "speed", what: `fan-out p99 ≤ 100 ms at N=${n}`, measured: `${largest.fanOut.latency.p99} ms`, met: largest.fanOut.latency.p99 <= 100 },
    { kind: "speed", what: `frames out ≥ 50× fewer than the naive relay at N=${n}`, measured: `${largest.naiveRatio}×`, met: largest.naiveRatio >= 50 },
    { kind: "speed", what: `every storm: ≤ ${PHONE_BYTES_MAX / 1000} KB a second to any phone at N=${n}`, measured: storms(largest).map(([name, phone]) => `${name} ${round(phone.bytesMax / 1000, 1)} KB/s`).join(", "), met: storms(largest).every(([, phone]) => phone.bytesMax <= PHONE_BYTES_MAX) },
    { kind: "speed", what: `all ${n} joined within 5 s`, measured: `${largest.join.allJoinedMs} ms`, met: largest.join.allJoinedMs <= 5000 },
    { kind: "speed", what: `honest p50 under a flood ≤ 2× quiet, N=${n}`, measured: `${largest.flood.quiet.p50} → ${largest.flood.flooded.p50} ms`, met: largest.flood.flooded.p50 <= 2 * largest.flood.quiet.p50 },
    { kind: "speed", what: `honest p95 under a flood ≤ 2× quiet, N=${n}`, measured: `${largest.flood.quiet.p95} → ${largest.flood.flooded.p95} ms (${largest.flood.p95Ratio}×)`, met: largest.flood.p95Ratio <= 2 },
  ];
}

export function targetLines(list: Target[], smoke: boolean): string {
  return list
    .map((target) => {
      const judged = !smoke || target.kind === "correctness";
      const mark = !judged ? "  (smoke: not judged)" : target.met ? "  ok" : "  MISSED";
      return `${target.met ? "✓" : "✗"} ${target.what}: ${target.measured}${mark}`;
    })
    .join("\n");
}
