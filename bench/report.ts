/** The bench's output: plain-text tables (a scenario not run at some N is left out of its table). */
import type { CloudStormResult } from "./scenarios/cloud-storm.ts";
import type { ObjectLoad } from "./scenarios/context.ts";
import type { FanOutResult } from "./scenarios/fan-out.ts";
import type { FloodResult } from "./scenarios/flood.ts";
import type { JoinStormResult } from "./scenarios/join-storm.ts";
import type { PollWithinResult } from "./scenarios/poll-within.ts";
import type { QuestionsStormResult } from "./scenarios/questions-storm.ts";
import type { QuizStormResult } from "./scenarios/quiz-storm.ts";
import type { StormResult } from "./scenarios/reaction-storm.ts";
import type { VoteStormResult } from "./scenarios/vote-storm.ts";
import type { PerPhone } from "./stats.ts";
import type { Usage } from "./room-process.ts";

/** One audience size: the join storm always, the other scenarios as chosen (and if everyone joined). */
export interface SizeRun {
  sockets: number;
  join: JoinStormResult;
  fanOut?: FanOutResult;
  reactions?: StormResult;
  naive?: StormResult;
  /** naive.outPerIn / reactions.outPerIn: how many times more frames the relay sends per batch. */
  naiveRatio?: number;
  votes?: VoteStormResult;
  poll?: PollWithinResult;
  questions?: QuestionsStormResult;
  cloud?: CloudStormResult;
  quiz?: QuizStormResult;
  flood?: FloodResult;
  /** What partykit dev printed (errors) while this size ran, if anything. */
  serverSaid?: string;
}

type Cell = string | number | boolean;
type Row = Record<string, Cell>;

/** Left-aligned first column, right-aligned numbers, a rule under the header. */
export function table(title: string, rows: Row[]): string {
  if (rows.length === 0) return "";
  const headers = Object.keys(rows[0]!);
  const cells = [headers, ...rows.map((row) => headers.map((header) => String(row[header])))];
  const widths = headers.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) => values.map((value, column) => (column === 0 ? value.padEnd(widths[column]!) : value.padStart(widths[column]!))).join("  ");
  return [`\n${title}`, line(headers), widths.map((width) => "─".repeat(width)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** Rows for the runs that have `pick`'s scenario. */
function rows<T>(runs: SizeRun[], pick: (run: SizeRun) => T | undefined, row: (result: T, run: SizeRun) => Row | Row[]): Row[] {
  return runs.flatMap((run) => {
    const result = pick(run);
    return result === undefined ? [] : [row(result, run)].flat();
  });
}

const cpu = (usage: Usage): Row => ({ "room RSS MB": usage.peakRssMb, "room CPU %": usage.cpuPercent, "bench CPU %": usage.benchCpuPercent });
const exactly = (exact: boolean) => (exact ? "yes" : "not within 30 s");

export function tables(runs: SizeRun[]): string {
  return [
    table("Join storm: N phones connect (wave all: ids issued before, then every socket at once; in waves: each wave asks its ids, then connects)", rows(runs, (run) => run.join, (join) => ({
      N: join.sockets, wave: join.wave || "all", "ids issued ms": join.idsIssuedMs, joined: join.sockets - join.failed, "all joined ms": join.allJoinedMs, "p50 ms": join.join.p50, "p95 ms": join.join.p95, ...cpu(join.usage),
    }))),
    ...runs.filter((run) => run.join.failed > 0).map((run) => `  N=${run.sockets}: ${run.join.failed} never joined (first reason: ${run.join.error}); nothing else ran at this size`),
    table("Fan-out: presenter slide changes to every phone", rows(runs, (run) => run.fanOut, (fan) => ({
      N: fan.sockets, changes: fan.changes, "p50 ms": fan.latency.p50, "p95 ms": fan.latency.p95, "p99 ms": fan.latency.p99, "max ms": fan.latency.max, lost: fan.lost, "seq gaps": fan.outOfOrder, ...cpu(fan.usage),
    }))),
    table("Reaction storm: every phone sends a batch twice a second", [
      ...rows(runs, (run) => run.reactions, (storm, run) => stormRow(`room, N=${run.sockets}`, storm, "")),
      ...rows(runs, (run) => run.naive, (storm, run) => stormRow(`naive, N=${run.sockets}`, storm, run.naiveRatio === undefined ? "" : `${run.naiveRatio}×`)),
    ]),
    table("Vote storm: every phone changes its ballot twice a second", rows(runs, (run) => run.votes, (votes) => ({
      N: votes.sockets, s: votes.seconds, "ballots in": votes.ballots, "in/s": votes.ballotsPerSecond, acked: votes.acked, exact: exactly(votes.exact), "drain ms": votes.drainMs, ...cpu(votes.usage),
    }))),
    table("Poll within 10 s: every phone votes once, at a random moment of the window", rows(runs, (run) => run.poll, (poll) => ({
      N: poll.sockets, "within s": poll.withinSeconds, "ballots in": poll.ballots, acked: poll.acked, exact: exactly(poll.exact), "final after last ms": poll.drainMs,
      "open → final ms": poll.finalAfterMs, "peak in/s": poll.object.inPerSecondPeak, "B/phone/s mean": poll.perPhone.bytesMean, "B/phone/s max": poll.perPhone.bytesMax, ...cpu(poll.usage),
    }))),
    table("Questions storm: 200 open questions, every phone upvotes twice a second", rows(runs, (run) => run.questions, (questions) => ({
      N: questions.sockets, questions: questions.questions, s: questions.seconds, "upvotes in": questions.upvotes, "in/s": questions.upvotesPerSecond, exact: exactly(questions.exact), "drain ms": questions.drainMs, ...cpu(questions.usage),
    }))),
    table("Word cloud storm: every phone sends 3 answers in mixed spellings within a few seconds", rows(runs, (run) => run.cloud, (cloud) => ({
      N: cloud.sockets, s: cloud.seconds, answers: cloud.answers, "in/s": cloud.answersPerSecond, words: cloud.words, refused: cloud.refused, exact: exactly(cloud.exact),
      "projector final ms": cloud.finalMs, "B/phone/s mean": cloud.perPhone.bytesMean, ...cpu(cloud.usage),
    }))),
    table("Quiz storm: the presenter starts a question, every phone answers within the window, the presenter ends it", rows(runs, (run) => run.quiz, (quiz) => ({
      N: quiz.sockets, "answer within s": quiz.answerWithinSeconds, answers: quiz.answers, acked: quiz.acked, "reached all ms": quiz.questionReachedAllMs,
      "leaderboard final ms": quiz.leaderboardFinalMs, "start → final ms": quiz.totalMs, exact: quiz.exact ? "yes" : "NO", "B/phone mean": quiz.bytesPerPhoneMean, "B/phone max": quiz.bytesPerPhoneMax, ...cpu(quiz.usage),
    }))),
    table("What one phone receives during each storm (bytes on the wire per second: mean and max over phones)", runs.flatMap((run) => storms(run).map(([storm, phone, usage]) => ({
      storm, N: run.sockets, "B/phone/s mean": phone.bytesMean, "B/phone/s max": phone.bytesMax, "frames/phone/s mean": phone.framesMean, "frames/phone/s max": phone.framesMax, "room peak RSS MB": usage.peakRssMb,
    })))),
    table("Flood: 5 sockets flood while 20 phones ping", rows(runs, (run) => run.flood, (flood, run) => ({
      N: run.sockets, "quiet p50/p95 ms": `${flood.quiet.p50} / ${flood.quiet.p95}`, "flooded p50/p95 ms": `${flood.flooded.p50} / ${flood.flooded.p95}`,
      "p95 ratio": flood.p95Ratio, "flood frames": flood.floodFrames, refused: flood.refusals, "closed with": [...new Set(flood.closeCodes)].join(","), "all closed after ms": flood.closedAfterMs ?? "never",
      "room CPU %": flood.usage.cpuPercent, "bench CPU %": flood.usage.benchCpuPercent,
    }))),
    table("Per object: what the talk and its halls took in during each scenario (the talk's peak counts each hall's frames at their bound of 10 a second; the relay is an object of its own)", runs.flatMap((run) => objects(run).map(([scenario, object]) => ({
      scenario, N: run.sockets, objects: object.objects, "msgs in": object.messagesIn, "in/s mean": object.inPerSecondMean, "talk peak 1 s": object.talkPeak, "busiest hall peak 1 s": object.hallPeak, "of which reads": object.reads, "reads peak 1 s": object.readsPerSecondPeak,
      "workerd peak RSS MB": object.peakRssMb, "B/phone/s mean": object.bytesPerPhoneMean, "B/phone/s max": object.bytesPerPhoneMax,
    })))),
  ].filter((text) => text !== "").join("\n");
}

/** The storms that report what each phone receives, with the room's usage meanwhile. */
export function storms(run: SizeRun): [string, PerPhone, Usage][] {
  const all: [string, { perPhone: PerPhone; usage: Usage } | undefined][] = [
    ["reactions", run.reactions], ["votes", run.votes], ["poll 10 s", run.poll], ["questions", run.questions], ["cloud", run.cloud], ["quiz", run.quiz],
  ];
  return all.flatMap(([name, storm]) => (storm ? [[name, storm.perPhone, storm.usage] as [string, PerPhone, Usage]] : []));
}

/** Every scenario's per-object figures, in the order they ran. */
export function objects(run: SizeRun): [string, ObjectLoad][] {
  const all: [string, { object: ObjectLoad } | undefined][] = [
    ["join", run.join], ["fan-out", run.fanOut], ["reactions", run.reactions], ["votes", run.votes], ["poll 10 s", run.poll], ["questions", run.questions],
    ["cloud", run.cloud], ["quiz", run.quiz], ["flood", run.flood], ["naive relay", run.naive],
  ];
  return all.flatMap(([name, result]) => (result ? [[name, result.object] as [string, ObjectLoad]] : []));
}

function stormRow(label: string, storm: StormResult, ratio: string): Row {
  return {
    run: label, s: storm.seconds, "in/s": storm.messagesInPerSecond, "msgs in": storm.messagesIn, "frames out": storm.framesOut,
    "out/s": storm.framesOutPerSecond, "out per in": storm.outPerIn, "relay ÷ room": ratio, exact: exactly(storm.exact), "drain ms": storm.drainMs, ...cpu(storm.usage),
  };
}
