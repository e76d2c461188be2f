/**
 * Questions storm: the room holds as many open questions as it takes (200, of the longest
 * length, asked three each by the first phones: the per-person limit), then every phone upvotes
 * one it has not upvoted yet, twice a second, for S seconds (each upvote is acknowledged to its
 * phone). A presenter's remote (the whole list) must end with each question's exact votes. Measured: what each phone
 * receives per second while the board churns.
 */
import { performance } from "node:perf_hooks";
import { OPEN_PER_PARTICIPANT_MAX, OPEN_PER_ROOM_MAX, QUESTION_TEXT_MAX } from "../../src/features/questions/rules.ts";
import { foldReport, parseServerMessage, type WholeReport } from "../../src/room/wire.ts";
import { paced, send, type Member } from "../crowd.ts";
import { round, sampleUsage, type Usage } from "../room-process.ts";
import { perPhone, sleep, until, type PerPhone } from "../stats.ts";
import type { Stage } from "./context.ts";

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
}

/** A question as long as the room takes, numbered so each one is distinct. */
function questionText(n: number): string {
  const start = `Pergunta ${n}: como o servidor sabe que o celular ainda está na sala quando a rede cai sem avisar? `;
  return (start + "E se ".repeat(QUESTION_TEXT_MAX)).slice(0, QUESTION_TEXT_MAX).trimEnd();
}

/** The questions report of a presenter's remote, folded as its browser folds it (whole, then patches). */
function fold(previous: WholeReport<"questions"> | undefined, text: string): WholeReport<"questions"> | undefined {
  const message = parseServerMessage(text);
  return message?.type === "report" && message.feature === "questions" ? (foldReport(previous, message) ?? previous) : previous;
}

const ASKED = /"asked":"(q\d+)"/;

export async function questionsStorm(stage: Stage, seconds: number): Promise<QuestionsStormResult> {
  const askers = stage.audience.slice(0, Math.ceil(OPEN_PER_ROOM_MAX / OPEN_PER_PARTICIPANT_MAX));
  const authorOf = new Map<string, Member>();
  let board: WholeReport<"questions"> | undefined;
  // The remote is whoever is neither the first presenter nor a phone: its first frames may arrive in the
  // same read as its snapshot, before open() has handed it back.
  const phones = new Set(stage.audience);
  const isRemote = (member: Member) => member !== stage.presenter && !phones.has(member);
  // Phones' frames are read only while asking (for their acknowledgements): during the storm the
  // bench only counts them, so reading them costs the load generator nothing.
  let asking = true;
  stage.crowd.listener = (member, text) => {
    if (!text.startsWith('{"type":"report","feature":"questions"')) return;
    if (isRemote(member)) board = fold(board, text);
    else if (asking) {
      const id = ASKED.exec(text)?.[1];
      if (id) authorOf.set(id, member);
    }
  };

  // A second presenter connection (a remote), from now on: it gets the whole list on connect, then
  // its changes. (The projector would not do: a public screen sees only the phones' view.)
  await stage.crowd.open(stage.roomUrl, "role=presenter", JSON.stringify({ type: "auth", key: stage.presenterKey }));

  // The board: three questions from each asker, up to the room's limit of open ones.
  let asked = 0;
  for (const member of askers) {
    for (let i = 0; i < OPEN_PER_PARTICIPANT_MAX && asked < OPEN_PER_ROOM_MAX; i++) send(member, { type: "ask", text: questionText(++asked) });
  }
  if (!(await until(() => authorOf.size === asked, ASK_TIMEOUT_MS))) throw new Error(`questions storm: ${authorOf.size} of ${asked} questions acknowledged`);
  asking = false;
  const ids = [...authorOf.keys()];

  const expected = new Map(ids.map((id) => [id, 0]));
  const upvoted = new Map<Member, Set<string>>();
  let sent = 0;
  stage.crowd.resetCounters();
  const stop = sampleUsage(stage.workerd);
  const startedAt = performance.now();
  const stopUpvoting = paced(stage.audience, UPVOTE_EVERY_MS, (member) => {
    const mine = upvoted.get(member) ?? new Set<string>();
    upvoted.set(member, mine);
    // A random question this phone neither asked nor upvoted yet (a few tries: most are free).
    for (let tries = 0; tries < 10; tries++) {
      const id = ids[Math.floor(Math.random() * ids.length)]!;
      if (mine.has(id) || authorOf.get(id) === member) continue;
      mine.add(id);
      expected.set(id, expected.get(id)! + 1);
      sent++;
      return send(member, { type: "upvote", id });
    }
  });
  await sleep(seconds * 1000);
  stopUpvoting();
  const stoppedAt = performance.now();

  const exact = await until(() => ids.every((id) => board?.data.questions[id]?.votes === expected.get(id)), DRAIN_TIMEOUT_MS);
  const drainMs = performance.now() - stoppedAt;
  const usage = stop();
  const span = (performance.now() - startedAt) / 1000;
  stage.crowd.listener = null;
  // An empty board for what follows.
  send(stage.presenter, { type: "reset", feature: "questions" });
  await sleep(500);

  return {
    sockets: stage.audience.length,
    questions: ids.length,
    seconds,
    upvotes: sent,
    upvotesPerSecond: round(sent / seconds),
    exact,
    drainMs: round(drainMs),
    perPhone: perPhone(stage.audience, span),
    usage,
  };
}
