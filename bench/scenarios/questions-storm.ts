/**
 * Questions storm: the room holds as many open questions as it takes (200, of the longest
 * length, asked three each by the first phones: the per-person limit), then every phone upvotes
 * one it has not upvoted yet, twice a second, for S seconds (each upvote is acknowledged to its
 * phone). A presenter's remote (the whole list) must end with each question's exact votes. Measured: what each phone
 * receives per second while the board churns.
 */
import { foldReport, parseServerMessage, type WholeReport } from "../../src/room/wire.ts";
import { send, type Member } from "../crowd.ts";
import { now } from "../meter.ts";
import type { UpvotesSent } from "../phones/questions.ts";
import { round, type Usage } from "../room-process.ts";
import { sleep, until, type PerPhone } from "../stats.ts";
import { watch, type ObjectLoad, type Stage } from "./context.ts";

const UPVOTE_EVERY_MS = 500;
const ASK_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 30_000;

export interface QuestionsStormResult {
  sockets: number;
  /** Open questions on the board when the storm began. */
  questions: number;
  seconds: number;
  upvotes: number;
  upvotesPerSecond: number;
  /** The remote's list ended with every question's exact votes. */
  exact: boolean;
  /** From the last upvote sent until the remote had the final votes (ms). */
  drainMs: number;
  /** Per phone, from the first upvote until the remote had the final votes. */
  perPhone: PerPhone;
  usage: Usage;
  object: ObjectLoad;
}

/** The questions report of a presenter's remote, folded as its browser folds it (whole, then patches). */
function fold(previous: WholeReport<"questions"> | undefined, text: string): WholeReport<"questions"> | undefined {
  const message = parseServerMessage(text);
  return message?.type === "report" && message.feature === "questions" ? (foldReport(previous, message) ?? previous) : previous;
}

export async function questionsStorm(stage: Stage, seconds: number): Promise<QuestionsStormResult> {
  let board: WholeReport<"questions"> | undefined;
  // The remote is whoever in this thread is not the first presenter: its first frames may arrive
  // in the same read as its snapshot, before open() has handed it back.
  const isRemote = (member: Member) => member !== stage.presenter;
  stage.crowd.listener = (member, text) => {
    if (isRemote(member) && text.startsWith('{"type":"report","feature":"questions"')) board = fold(board, text);
  };
  // A second presenter connection (a remote), from now on: it gets the whole list on connect, then
  // its changes. (The projector would not do: a public screen sees only the phones' view.)
  await stage.crowd.open(stage.roomUrl, "role=presenter", JSON.stringify({ type: "auth", key: stage.presenterKey }));

  await stage.phones.begin("questions");
  const asked = (await stage.phones.call<number>("ask")).reduce((sum, each) => sum + each, 0);
  let acknowledged = 0;
  const allAsked = await until(() => acknowledged === asked, ASK_TIMEOUT_MS, async () => {
    acknowledged = (await stage.phones.call<number>("acknowledged")).reduce((sum, each) => sum + each, 0);
  });
  if (!allAsked) throw new Error(`questions storm: ${acknowledged} of ${asked} questions acknowledged`);
  const authors = (await stage.phones.call<[string, number][]>("authors")).flat();

  const watched = await watch(stage);
  await stage.phones.call("start", { authors, everyMs: UPVOTE_EVERY_MS });
  await sleep(seconds * 1000);
  const parts = await stage.phones.call<UpvotesSent>("stop");
  const stoppedAt = now();
  const expected = new Map(authors.map(([id]) => [id, parts.reduce((sum, part) => sum + (part.votes[id] ?? 0), 0)]));
  const sent = parts.reduce((sum, part) => sum + part.sent, 0);

  const exact = await until(() => [...expected].every(([id, votes]) => board?.data.questions[id]?.votes === votes), DRAIN_TIMEOUT_MS);
  const doneAt = now();
  const { usage, object, perPhone } = await watched(doneAt);
  await stage.phones.end();
  stage.crowd.listener = null;
  // An empty board for what follows.
  send(stage.presenter, { type: "reset", feature: "questions" });
  await sleep(500);

  return {
    sockets: stage.phones.count,
    questions: authors.length,
    seconds,
    upvotes: sent,
    upvotesPerSecond: round(sent / seconds),
    exact,
    drainMs: round(doneAt - stoppedAt),
    perPhone,
    usage,
    object,
  };
}
