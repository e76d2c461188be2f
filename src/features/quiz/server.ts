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
import { defineFeature, type Peer, type RoomLink } from "../../room/feature.ts";
import type { MergePatch } from "../../room/patch.ts";
import type { ServerMessage } from "../../room/wire.ts";
import { QUIZ_MESSAGES, type QuizDefinition } from "./protocol.ts";
import {
  cleanNickname,
  countAnswers,
  judgeAnswer,
  LEADERBOARD_SIZE,
  lockAt,
  QUIZZES_MAX,
  rankPlayers,
  type LeaderEntry,
  type QuizReport,
  type QuizYou,
  type Scored,
  type RoundView,
  type StoredRound,
} from "./rules.ts";

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

interface StoredAnswer {
  option: number;
  /** Server time it arrived. */
  at: number;
  taken: number;
  points: number;
}

interface StoredPlayer {
  /** Numbered in the order they joined the quiz: "Anonymous #12". */
  n: number;
  name: string;
  hidden: boolean;
}

export const quiz = defineFeature("quiz", QUIZ_MESSAGES, (host) => {
  const rounds = new Map<string, StoredRound>();
  /** Question id → participant id → their answer. */
  const answers = new Map<string, Map<string, StoredAnswer>>();
  /** Question id → participant id → when their receipt arrived (server time). */
  const seen = new Map<string, Map<string, number>>();
  const players = new Map<string, StoredPlayer>();
  let current: string | null = null;
  let nextPlayer = 1;
  let lockTimer: ReturnType<typeof setTimeout> | null = null;

  const answersOf = (id: string) => {
    let each = answers.get(id);
    if (!each) answers.set(id, (each = new Map()));
    return each;
  };

  const view = (id: string): RoundView | undefined => {
    const round = rounds.get(id);
    if (!round) return undefined;
    const { definition, phase, startedAt, endsAt, closed } = round;
    const given = answersOf(id);
    const shown: RoundView = { id, question: definition.question, options: [...definition.options], seconds: definition.seconds, phase, answered: given.size };
    if (startedAt !== undefined) shown.startedAt = startedAt;
    if (endsAt !== undefined) shown.endsAt = endsAt;
    if (closed) {
      shown.answer = definition.answer;
      shown.counts = countAnswers(definition.options.length, Array.from(given.values(), (answer) => answer.option));
    }
    return shown;
  };

  /** Every player's total over locked questions only (open ones would leak who is right). */
  const standings = () => {
    const totals = new Map<string, number>();
    for (const [id, given] of answers) {
      if (!rounds.get(id)?.closed) continue;
      for (const [pid, answer] of given) totals.set(pid, (totals.get(pid) ?? 0) + answer.points);
    }
    return rankPlayers(Array.from(totals, ([pid, points]) => ({ pid, player: players.get(pid)?.n ?? 0, points })));
  };

  const leaderboard = (presenter: boolean): LeaderEntry[] =>
    standings()
      .slice(0, LEADERBOARD_SIZE)
      .map(({ pid, player, points, rank }) => {
        const stored = players.get(pid);
        const entry: LeaderEntry = { player, points, rank };
        if (stored?.name && (presenter || !stored.hidden)) entry.name = stored.name;
        if (presenter && stored?.hidden) entry.hidden = true;
        return entry;
      });

  const reportFor = (presenter: boolean): QuizReport => {
    const shown = current === null ? undefined : view(current);
    const ranked = standings();
    // Public screens get the leaderboard once the presenter puts it on (after hiding any nickname).
    const board = presenter || shown?.phase === "leaderboard" ? leaderboard(presenter) : [];
    const report: QuizReport = { leaderboard: board, players: ranked.length };
    if (shown) report.current = shown;
    return report;
  };

  /** What one participant's connections hold of their own. */
  const yours = (pid: string): QuizYou => {
    const player = players.get(pid);
    const you: QuizYou = {};
    if (player) {
      you.player = player.n;
      you.name = player.name;
    }
    const mine: Record<string, number> = {};
    const scored: Record<string, Scored> = {};
    for (const [id, given] of answers) {
      const answer = given.get(pid);
      if (!answer) continue;
      mine[id] = answer.option;
      if (rounds.get(id)?.closed) scored[id] = { points: answer.points, ms: answer.taken };
    }
    if (Object.keys(mine).length > 0) you.answers = mine;
    if (Object.keys(scored).length > 0) you.scored = scored;
    const standing = standings().find((each) => each.pid === pid);
    if (standing) {
      you.points = standing.points;
      you.rank = standing.rank;
    }
    return you;
  };

  const patchFor = (patch: MergePatch<QuizReport>) => JSON.stringify({ type: "report", feature: "quiz", patch } satisfies ServerMessage);

  /**
   * Sends `you` to the connection that asked at once, and to the participant's other connections
   * (another tab) within AUDIENCE_EVERY_MS, in one pass over the room for every participant told.
   */
  const othersToTell = new Map<string, { from: Set<string>; you: QuizYou }>();
  let tellTimer: ReturnType<typeof setTimeout> | null = null;
  const tell = (link: RoomLink, pid: string, you: QuizYou) => {
    host.send(link, patchFor({ you }));
    const pending = othersToTell.get(pid);
    othersToTell.set(pid, { from: (pending?.from ?? new Set()).add(link.id), you: { ...pending?.you, ...you } });
    tellTimer ??= setTimeout(() => {
      tellTimer = null;
      const told = new Map(othersToTell);
      othersToTell.clear();
      for (const peer of host.audience()) {
        const pending = peer.member.pid === undefined ? undefined : told.get(peer.member.pid);
        // A connection that alone spoke for its participant has had all of it already.
        const had = pending?.from.size === 1 && pending.from.has(peer.link.id);
        if (pending && !had) host.send(peer.link, patchFor({ you: pending.you }));
      }
    }, AUDIENCE_EVERY_MS);
  };

  /** After a question locks: every player hears their own points and rank (one small frame each). */
  const tellStandings = () => {
    const ranked = standings();
    const scoredIn = new Map<string, Record<string, Scored>>();
    for (const [id, given] of answers) {
      if (!rounds.get(id)?.closed) continue;
      for (const [pid, answer] of given) scoredIn.set(pid, { ...scoredIn.get(pid), [id]: { points: answer.points, ms: answer.taken } });
    }
    const texts = new Map(ranked.map(({ pid, points, rank }) => [pid, patchFor({ you: { points, rank, scored: scoredIn.get(pid) ?? {} } })] as const));
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
    if (current !== id) {
      current = id;
      await host.storage.put({ [CURRENT]: id });
    }
    host.changed();
  }

  async function answer(quizId: string, option: number, now: number, { link, member }: Peer): Promise<void> {
    if (member.role !== "audience") return; // the table lets only phones answer
    const round = rounds.get(quizId);
    const mine = answersOf(quizId);
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
    tell(link, member.pid, { player: player.n, answers: { ...othersToTell.get(member.pid)?.you.answers, [quizId]: option } });
  }

  /** This participant as a player: numbered the first time they answer or name themselves. */
  async function playerOf(pid: string): Promise<StoredPlayer> {
    let player = players.get(pid);
    if (!player) {
      player = { n: nextPlayer++, name: "", hidden: false };
      players.set(pid, player);
      await host.storage.put({ [PLAYER_PREFIX + pid]: player, [NEXT_PLAYER]: nextPlayer });
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
    tell(link, member.pid, { player: player.n, name: cleaned.name });
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
        answersOf(id).set(pid, stored);
      }
      for (const [key, player] of await host.storage.list<StoredPlayer>(PLAYER_PREFIX)) players.set(key.slice(PLAYER_PREFIX.length), player);
      nextPlayer = Math.max((await host.storage.get<number>(NEXT_PLAYER)) ?? 1, ...Array.from(players.values(), (player) => player.n + 1));
      const stored = await host.storage.get<string>(CURRENT);
      current = stored !== undefined && rounds.has(stored) ? stored : null;
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
      const you = yours(member.pid);
      if (Object.keys(you).length > 0) host.send(link, patchFor({ you }));
    },
    reset() {
      rounds.clear();
      answers.clear();
      seen.clear();
      players.clear();
      current = null;
      nextPlayer = 1;
      if (lockTimer !== null) clearTimeout(lockTimer);
      lockTimer = null;
      othersToTell.clear();
      forget().catch((error: unknown) => console.error("quiz: reset", error));
    },
    report: () => reportFor(true),
    audienceReport: () => reportFor(false),
    // The presenter's download: each question's answers per option, and the whole ranking.
    export: () => ({
      questions: Array.from(rounds, ([id, round]) => {
        const counts = countAnswers(round.definition.options.length, Array.from(answersOf(id).values(), (each) => each.option));
        return {
          id,
          question: round.definition.question,
          seconds: round.definition.seconds,
          startedAt: round.startedAt === undefined ? null : new Date(round.startedAt).toISOString(),
          answered: answersOf(id).size,
          options: round.definition.options.map((text, i) => ({ text, answers: counts[i] ?? 0, correct: i === round.definition.answer })),
        };
      }),
      leaderboard: standings().map(({ pid, player, points, rank }) => ({ rank, player, name: players.get(pid)?.name || null, hidden: players.get(pid)?.hidden ?? false, points })),
    }),
  };
});
