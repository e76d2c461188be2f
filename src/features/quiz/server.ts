/**
 * The quiz race in the room. Questions, answers and players are the talk's record: each is
 * stored under its own key before it is acknowledged, and read back when the room starts, so a
 * restart or a reload keeps every score. Receipts (`quizSeen`) live in memory: a restart in the
 * middle of a question starts those phones' clocks at startedAt + SEEN_MAX_MS, as if none came.
 *
 * Phones and the projector share one view (the question on screen, the leaderboard), sent as
 * patches at most every AUDIENCE_EVERY_MS, so a thousand answers make a few broadcasts. What is a
 * phone's own (its answers, points and rank) reaches that participant's connections alone.
 */
import { errorMessage } from "../../room/errors.ts";
import { defineFeature, type Peer } from "../../room/feature.ts";
import type { MergePatch } from "../../room/patch.ts";
import type { ServerMessage } from "../../room/wire.ts";
import { QuizBook, type StoredAnswer, type StoredPlayer } from "./book.ts";
import { QUIZ_MESSAGES, type QuizDefinition } from "./protocol.ts";
import { cleanNickname, judgeAnswer, lockAt, QUIZZES_MAX, type QuizReport, type QuizYou, type StoredRound } from "./rules.ts";

/** `quiz:round:<id>` → StoredRound; `quiz:answer:<id>:<pid>` → StoredAnswer; `quiz:player:<pid>` → StoredPlayer. */
const ROUND_PREFIX = "quiz:round:";
const ANSWER_PREFIX = "quiz:answer:";
const PLAYER_PREFIX = "quiz:player:";
const CURRENT = "quiz:current";
const NEXT_PLAYER = "quiz:next";
/**
 * Phones hear of a started question within this (and of the count of answers, coalesced): short,
 * since the wait before a question reaches a phone shortens its countdown.
 */
export const AUDIENCE_EVERY_MS = 100;

export const quiz = defineFeature("quiz", QUIZ_MESSAGES, (host) => {
  const book = new QuizBook();
  const { rounds, players } = book;
  /** Question id → participant id → when their receipt arrived (server time). */
  const seen = new Map<string, Map<string, number>>();
  let lockTimer: ReturnType<typeof setTimeout> | null = null;

  const patchFor = (patch: MergePatch<QuizReport>) => JSON.stringify({ type: "report", feature: "quiz", patch } satisfies ServerMessage);

  /** Sends `you` (a merge patch of this participant's own part) to each of their connections. */
  const tell = (pid: string, you: QuizYou) => {
    const text = patchFor({ you });
    for (const tab of host.participant(pid)) host.send(tab, text);
  };

  /** After a question locks: every player hears their own points and rank (one small frame each). */
  const tellStandings = () => {
    const scored = book.scored();
    const texts = new Map(book.standings().map(({ pid, points, rank }) => [pid, patchFor({ you: { points, rank, scored: scored.get(pid) ?? {} } })] as const));
    for (const { link, member } of host.audience()) {
      const text = member.pid === undefined ? undefined : texts.get(member.pid);
      if (text !== undefined) host.send(link, text);
    }
  };

  const storeRound = async (id: string, round: StoredRound) => {
    rounds.set(id, round);
    await host.storage.put({ [ROUND_PREFIX + id]: round });
  };

  /** Locks a question: no more answers; the bars, the right answer and the standings go out. */
  const lock = async (id: string, now: number) => {
    const round = rounds.get(id);
    if (!round || round.closed || round.endsAt === undefined) return;
    await storeRound(id, { ...round, closed: true, phase: round.phase === "open" ? "results" : round.phase, endsAt: Math.min(round.endsAt, now) });
    seen.delete(id);
    host.changed();
    tellStandings();
  };

  /** Arms the timer that locks the open question at zero plus the largest grace (again after a restart). */
  const armLock = () => {
    if (lockTimer !== null) clearTimeout(lockTimer);
    lockTimer = null;
    for (const [id, round] of rounds) {
      const due = lockAt(round);
      if (due === null) continue;
      lockTimer = setTimeout(() => {
        lockTimer = null;
        lock(id, Math.max(host.now(), round.endsAt ?? 0))
          .then(armLock)
          .catch((error: unknown) => console.error("quiz: lock", error));
      }, Math.max(0, due - host.now()));
      return;
    }
  };

  /** Locks whatever is due (a lost timer, a message arriving right at the end). */
  const lockDue = async (now: number) => {
    for (const [id, round] of rounds) {
      const due = lockAt(round);
      if (due !== null && now > due) await lock(id, round.endsAt!);
    }
  };

  async function present(action: "show" | "start" | "end" | "leaderboard", definition: QuizDefinition, peer: Peer): Promise<void> {
    const id = definition.id;
    const now = host.now();
    await lockDue(now);
    let round = rounds.get(id);
    if (!round) {
      if (rounds.size >= QUIZZES_MAX) return host.send(peer.link, errorMessage("bad_request", { ref: "quiz", detail: "quizzes_max" }));
      round = { definition, phase: "ready" };
      await storeRound(id, round);
    }
    if (action === "start" && round.startedAt === undefined) {
      // One question runs at a time: another still open locks now.
      for (const [other, each] of rounds) if (other !== id && lockAt(each) !== null) await lock(other, now);
      await storeRound(id, { ...round, phase: "open", startedAt: now, endsAt: now + round.definition.seconds * 1000 });
      armLock();
    } else if (action === "end" && round.phase === "open") {
      await lock(id, now);
      armLock();
    } else if (action === "leaderboard" && round.closed) {
      await storeRound(id, { ...round, phase: "leaderboard" });
    }
    if (book.current !== id) {
      book.current = id;
      await host.storage.put({ [CURRENT]: id });
    }
    host.changed();
  }

  async function answer(quizId: string, option: number, now: number, { link, member }: Peer): Promise<void> {
    if (member.role !== "audience") return; // the table lets only phones answer
    const round = rounds.get(quizId);
    const mine = book.answersOf(quizId);
    const judged = judgeAnswer(round, option, now, seen.get(quizId)?.get(member.pid), mine.has(member.pid));
    if ("refusal" in judged) {
      if (judged.refusal === "bad_option") return host.send(link, errorMessage("bad_message", { ref: "quizAnswer", detail: "option" }));
      return host.send(link, errorMessage(judged.refusal, { ref: "quizAnswer" }));
    }
    const stored: StoredAnswer = { option, at: now, ...judged };
    mine.set(member.pid, stored);
    const player = await playerOf(member.pid);
    await host.storage.put({ [`${ANSWER_PREFIX}${quizId}:${member.pid}`]: stored });
    host.changed();
    tell(member.pid, { player: player.n, answers: { [quizId]: option } });
  }

  /** This participant as a player: numbered the first time they answer or name themselves. */
  async function playerOf(pid: string): Promise<StoredPlayer> {
    let player = players.get(pid);
    if (!player) {
      player = { n: book.nextPlayer++, name: "", hidden: false };
      players.set(pid, player);
      await host.storage.put({ [PLAYER_PREFIX + pid]: player, [NEXT_PLAYER]: book.nextPlayer });
    }
    return player;
  }

  async function nickname(raw: string, { link, member }: Peer): Promise<void> {
    if (member.role !== "audience") return;
    const cleaned = cleanNickname(raw);
    if (!cleaned.ok) return host.send(link, errorMessage("bad_request", { ref: "nickname", detail: "length" }));
    const player = await playerOf(member.pid);
    if (player.name !== cleaned.name) {
      const named = { ...player, name: cleaned.name };
      players.set(member.pid, named);
      await host.storage.put({ [PLAYER_PREFIX + member.pid]: named });
      host.changed();
    }
    tell(member.pid, { player: player.n, name: cleaned.name });
  }

  async function hide(n: number, hidden: boolean, peer: Peer): Promise<void> {
    const found = Array.from(players).find(([, player]) => player.n === n);
    if (!found) return host.send(peer.link, errorMessage("bad_request", { ref: "hideNickname", detail: "player" }));
    const [pid, player] = found;
    if (player.hidden === hidden) return;
    const changed = { ...player, hidden };
    players.set(pid, changed);
    await host.storage.put({ [PLAYER_PREFIX + pid]: changed });
    host.changed();
  }

  async function forget(): Promise<void> {
    const keys = await Promise.all([ROUND_PREFIX, ANSWER_PREFIX, PLAYER_PREFIX].map(async (prefix) => [...(await host.storage.list(prefix)).keys()]));
    await host.storage.delete([...keys.flat(), CURRENT, NEXT_PLAYER]);
  }

  return {
    patches: true,
    audienceEveryMs: AUDIENCE_EVERY_MS,
    private: true,
    async load() {
      for (const [key, round] of await host.storage.list<StoredRound>(ROUND_PREFIX)) rounds.set(key.slice(ROUND_PREFIX.length), round);
      for (const [key, stored] of await host.storage.list<StoredAnswer>(ANSWER_PREFIX)) {
        const [id = "", pid = ""] = key.slice(ANSWER_PREFIX.length).split(":");
        book.answersOf(id).set(pid, stored);
      }
      for (const [key, player] of await host.storage.list<StoredPlayer>(PLAYER_PREFIX)) players.set(key.slice(PLAYER_PREFIX.length), player);
      book.nextPlayer = Math.max((await host.storage.get<number>(NEXT_PLAYER)) ?? 1, ...Array.from(players.values(), (player) => player.n + 1));
      const stored = await host.storage.get<string>(CURRENT);
      book.current = stored !== undefined && rounds.has(stored) ? stored : null;
      await lockDue(host.now());
      armLock();
    },
    async message(message, from) {
      switch (message.type) {
        case "quiz":
          return await present(message.action, message.quiz, from);
        case "quizSeen": {
          if (from.member.role !== "audience") return;
          const round = rounds.get(message.quiz);
          if (!round || round.phase !== "open" || round.closed) return; // late or stray: nothing to time
          let receipts = seen.get(message.quiz);
          if (!receipts) seen.set(message.quiz, (receipts = new Map()));
          // The first receipt counts: a phone can't move its clock's start by sending another.
          if (!receipts.has(from.member.pid)) receipts.set(from.member.pid, host.now());
          return;
        }
        case "quizAnswer": {
          // Timed on arrival, before anything else is awaited.
          const at = host.now();
          await lockDue(at);
          return await answer(message.quiz, message.option, at, from);
        }
        case "nickname":
          return await nickname(message.name, from);
        case "hideNickname":
          return await hide(message.player, message.hidden, from);
      }
    },
    join({ link, member }) {
      if (member.role !== "audience") return;
      const you = book.yours(member.pid);
      if (Object.keys(you).length > 0) host.send(link, patchFor({ you }));
    },
    reset() {
      book.clear();
      seen.clear();
      if (lockTimer !== null) clearTimeout(lockTimer);
      lockTimer = null;
      forget().catch((error: unknown) => console.error("quiz: reset", error));
    },
    report: () => book.report(true),
    audienceReport: () => book.report(false),
    export: () => book.export(),
  };
});
