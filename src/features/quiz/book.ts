/**
 * What the room knows of its quiz: the questions, every answer, the players, and what each kind
 * of reader is shown of them. No clock, no storage, no sockets (the server in server.ts does
 * those): only the tables and the views they give.
 */
import { countAnswers, LEADERBOARD_SIZE, rankPlayers, type LeaderEntry, type QuizReport, type QuizYou, type RoundView, type Scored, type StoredRound } from "./rules.ts";

export interface StoredAnswer {
  option: number;
  /** Server time it arrived. */
  at: number;
  taken: number;
  points: number;
}

export interface StoredPlayer {
  /** Numbered in the order they joined the quiz: "Anonymous #12". */
  n: number;
  name: string;
  hidden: boolean;
}

export class QuizBook {
  readonly rounds = new Map<string, StoredRound>();
  /** Question id → participant id → their answer. */
  readonly answers = new Map<string, Map<string, StoredAnswer>>();
  /** Participant id → the player they are. */
  readonly players = new Map<string, StoredPlayer>();
  /** The question on screen. */
  current: string | null = null;
  nextPlayer = 1;

  clear(): void {
    this.rounds.clear();
    this.answers.clear();
    this.players.clear();
    this.current = null;
    this.nextPlayer = 1;
  }

  answersOf(id: string): Map<string, StoredAnswer> {
    let each = this.answers.get(id);
    if (!each) this.answers.set(id, (each = new Map()));
    return each;
  }

  /** A question as everyone sees it: the right answer and the counts only once it is locked. */
  view(id: string): RoundView | undefined {
    const round = this.rounds.get(id);
    if (!round) return undefined;
    const { definition, phase, startedAt, endsAt, closed } = round;
    const given = this.answersOf(id);
    const shown: RoundView = { id, question: definition.question, options: [...definition.options], seconds: definition.seconds, phase, answered: given.size };
    if (startedAt !== undefined) shown.startedAt = startedAt;
    if (endsAt !== undefined) shown.endsAt = endsAt;
    if (closed) {
      shown.answer = definition.answer;
      shown.counts = this.counts(id);
    }
    return shown;
  }

  counts(id: string): number[] {
    const round = this.rounds.get(id);
    return round ? countAnswers(round.definition.options.length, Array.from(this.answersOf(id).values(), (answer) => answer.option)) : [];
  }

  /** Every player's total over locked questions only (open ones would leak who is right). */
  standings() {
    const totals = new Map<string, number>();
    for (const [id, given] of this.answers) {
      if (!this.rounds.get(id)?.closed) continue;
      for (const [pid, answer] of given) totals.set(pid, (totals.get(pid) ?? 0) + answer.points);
    }
    return rankPlayers(Array.from(totals, ([pid, points]) => ({ pid, player: this.players.get(pid)?.n ?? 0, points })));
  }

  /** Each participant's points per locked question they answered. */
  scored(): Map<string, Record<string, Scored>> {
    const scored = new Map<string, Record<string, Scored>>();
    for (const [id, given] of this.answers) {
      if (!this.rounds.get(id)?.closed) continue;
      for (const [pid, answer] of given) scored.set(pid, { ...scored.get(pid), [id]: { points: answer.points, ms: answer.taken } });
    }
    return scored;
  }

  /** The top of `ranked`; hidden nicknames only for the presenter, marked. */
  leaderboard(presenter: boolean, ranked = this.standings()): LeaderEntry[] {
    return ranked
      .slice(0, LEADERBOARD_SIZE)
      .map(({ pid, player, points, rank }) => {
        const stored = this.players.get(pid);
        const entry: LeaderEntry = { player, points, rank };
        if (stored?.name && (presenter || !stored.hidden)) entry.name = stored.name;
        if (presenter && stored?.hidden) entry.hidden = true;
        return entry;
      });
  }

  report(presenter: boolean): QuizReport {
    const shown = this.current === null ? undefined : this.view(this.current);
    // Public screens get the leaderboard once the presenter puts it on (after hiding any nickname).
    const ranked = this.standings();
    const board = presenter || shown?.phase === "leaderboard" ? this.leaderboard(presenter, ranked) : [];
    const report: QuizReport = { leaderboard: board, players: ranked.length };
    if (shown) report.current = shown;
    return report;
  }

  /** What one participant's connections hold of their own. */
  yours(pid: string): QuizYou {
    const player = this.players.get(pid);
    const you: QuizYou = {};
    if (player) {
      you.player = player.n;
      you.name = player.name;
    }
    const mine: Record<string, number> = {};
    for (const [id, given] of this.answers) {
      const answer = given.get(pid);
      if (answer) mine[id] = answer.option;
    }
    const scored = this.scored().get(pid);
    if (Object.keys(mine).length > 0) you.answers = mine;
    if (scored) you.scored = scored;
    const standing = this.standings().find((each) => each.pid === pid);
    if (standing) {
      you.points = standing.points;
      you.rank = standing.rank;
    }
    return you;
  }

  /** The presenter's download: each question's answers per option, and the whole ranking. */
  export() {
    return {
      questions: Array.from(this.rounds, ([id, round]) => {
        const counts = this.counts(id);
        return {
          id,
          question: round.definition.question,
          seconds: round.definition.seconds,
          startedAt: round.startedAt === undefined ? null : new Date(round.startedAt).toISOString(),
          answered: this.answersOf(id).size,
          options: round.definition.options.map((text, i) => ({ text, answers: counts[i] ?? 0, correct: i === round.definition.answer })),
        };
      }),
      leaderboard: this.standings().map(({ pid, player, points, rank }) => ({ rank, player, name: this.players.get(pid)?.name || null, hidden: this.players.get(pid)?.hidden ?? false, points })),
    };
  }
}
