import { useCallback, useEffect, useId, useState, type SyntheticEvent } from "react";
import { m } from "framer-motion";
import { DiagramMotion, EASE_OUT, useMotionPreference } from "../../diagrams/motion.tsx";
import { drives, showsBoard, useLiveSession, useReport, useRoomSnapshot, useServerMessages, useSlideActive } from "../../live/hooks.tsx";
import type { LiveSession } from "../../live/session.ts";
import type { ServerMessage } from "../../room/wire.ts";
import { htmlLang, locales, type Locale } from "../../i18n/locales.ts";
import { useLocale, useStrings, withLocale } from "../../i18n/react.tsx";
import { NICKNAME_MAX } from "./protocol.ts";
import { announcedMark, remainingMs, type LeaderEntry, type QuizDefinition, type QuizYou, type RoundView } from "./rules.ts";
import { quizStrings } from "./strings.ts";
import { Now, Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";
import "../../live/notLive.css";
import "./Quiz.css";

type Texts = (typeof quizStrings)[Locale];

const LETTERS = ["A", "B", "C", "D"];
const numbers = Object.fromEntries(locales.map((locale) => [locale, new Intl.NumberFormat(htmlLang[locale])])) as Record<Locale, Intl.NumberFormat>;
const tenths = Object.fromEntries(locales.map((locale) => [locale, new Intl.NumberFormat(htmlLang[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 })])) as Record<Locale, Intl.NumberFormat>;
/** The countdown redraws this often; the screen reader hears it only at marks (rules.ts). */
const TICK_MS = 100;
/** Receipts this page sent, by room and question: one per question, whichever island sends it. */
const receipted = new Set<string>();

/**
 * A quiz question declared in a slide. The presenter starts it; every phone shows it with a
 * countdown to the server's `endsAt` (on this device's measured clock offset) and answers once;
 * the projector shows the bars with the right answer, then the leaderboard; each phone its own
 * points and rank. Outside a room it is the question, its options and the answer behind a fold, or
 * what the room answered at the talks in records/ (`recorded`).
 */
export default withLocale(Quiz);

/** A question's answers as a record keeps them: per option, in the slide's order, and the right one. */
export type RecordedQuestion = Required<Pick<RoundView, "counts" | "answer">>;

function Quiz({ recorded, ...definition }: QuizDefinition & { recorded?: RecordedTalk<RecordedQuestion>[] }) {
  const t = useStrings(quizStrings);
  const session = useLiveSession();
  const [ref, active] = useSlideActive<HTMLElement>();
  return (
    <section className="demo quiz" ref={ref} aria-label={t.label(definition.question)} data-quiz={definition.id}>
      <p className="quiz__question">{definition.question}</p>
      {session ? (
        <DiagramMotion>
          <LiveQuiz session={session} definition={definition} active={active} />
        </DiagramMotion>
      ) : recorded?.length ? (
        <Recorded talks={recorded}>{(round) => <Bars round={round} definition={definition} grow={false} />}</Recorded>
      ) : (
        <ToRead definition={definition} />
      )}
      <p className="quiz__rule" data-quiz-rule>{t.rule}</p>
    </section>
  );
}

/** Outside a room, with no record: the question to read, its answer behind a fold. */
function ToRead({ definition }: { definition: QuizDefinition }) {
  const t = useStrings(quizStrings);
  return (
    <>
      <ol className="quiz__options" aria-label={t.options}>
        {definition.options.map((option, index) => (
          <li key={option} className="quiz__option">
            <span className="quiz__letter" aria-hidden="true">{LETTERS[index]}</span> {option}
          </li>
        ))}
      </ol>
      <details className="quiz__reveal">
        <summary>{t.reveal}</summary>
        <p>
          {t.rightAnswer}: <strong>{LETTERS[definition.answer]}. {definition.options[definition.answer]}</strong>
        </p>
      </details>
      <p className="demo__hint">{t.offlineHint}</p>
    </>
  );
}

/** Milliseconds left until `endsAt` on the server's clock, redrawn every TICK_MS while `running`. */
function useRemaining(endsAt: number | undefined, offset: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [running]);
  return endsAt === undefined ? 0 : remainingMs(endsAt, running ? now : Date.now(), offset);
}

function LiveQuiz({ session, definition, active }: { session: LiveSession; definition: QuizDefinition; active: boolean }) {
  const t = useStrings(quizStrings);
  const locale = useLocale();
  const room = useRoomSnapshot(session);
  const report = useReport(session, "quiz");
  const online = room?.status === "online";
  const round = report?.current?.id === definition.id ? report.current : null;
  const board = showsBoard(session);
  const presenter = drives(session);
  const open = round?.phase === "open";
  const remaining = useRemaining(round?.endsAt, room?.clockOffset ?? 0, open);
  const you = report?.you;
  const mine = you?.answers?.[definition.id];
  const [sending, setSending] = useState<number | null>(null);
  const [late, setLate] = useState(false);

  // The presenter's slide puts its question on screen (phones then see it, waiting to start).
  useEffect(() => {
    if (active && online && presenter) session.client.send({ type: "quiz", action: "show", quiz: definition });
  }, [active, online, presenter, session, definition]);

  // A phone's receipt, the moment a started question reaches it: its clock starts then (rules.ts).
  useEffect(() => {
    if (session.role !== "audience" || !open) return;
    const key = `${session.code}:${definition.id}`;
    if (!receipted.has(key) && session.client.send({ type: "quizSeen", quiz: definition.id })) receipted.add(key);
  }, [session, open, definition.id]);

  useEffect(() => setSending(null), [mine]);
  useServerMessages(
    session,
    useCallback((message: ServerMessage) => {
      if (message.type === "error" && message.ref === "quizAnswer") {
        setSending(null);
        if (message.code === "quiz_closed") setLate(true);
      }
    }, []),
  );

  const send = (action: "show" | "start" | "end" | "leaderboard") => session.client.send({ type: "quiz", action, quiz: definition });
  // Every question, answer and score forgotten; this question back on screen, ready to start again.
  const resetQuiz = () => {
    if (!window.confirm(t.resetConfirm)) return;
    session.client.send({ type: "reset", feature: "quiz" });
    send("show");
  };
  const answer = (option: number) => {
    if (session.client.send({ type: "quizAnswer", quiz: definition.id, option })) setSending(option);
  };
  const chosen = sending ?? mine;
  const phase = round?.phase ?? "ready";
  const locked = round?.answer !== undefined;

  const standing = !board && you ? <Standing t={t} locale={locale} you={you} quiz={definition.id} round={round} /> : null;
  const showBoard = report && round && (phase === "leaderboard" || (presenter && phase === "results"));
  return (
    <>
      {open ? <Countdown remaining={remaining} total={definition.seconds} /> : null}
      {/* Once locked, a phone's own result comes first: the buttons below only say what was right. */}
      {locked ? standing : null}
      {board && phase === "leaderboard" ? null : board ? (
        locked ? (
          <Bars round={round!} definition={definition} grow />
        ) : (
          <ol className="quiz__options quiz__options--board" aria-label={t.options}>
            {definition.options.map((option, index) => (
              <li key={option} className="quiz__option" data-quiz-option={index}>
                <span className="quiz__letter" aria-hidden="true">{LETTERS[index]}</span> {option}
              </li>
            ))}
          </ol>
        )
      ) : (
        <div className="quiz__choices" role="group" aria-label={t.yourAnswer}>
          {definition.options.map((option, index) => (
            <button
              key={option}
              type="button"
              className="quiz__choice"
              data-right={locked ? String(index === round?.answer) : undefined}
              aria-pressed={chosen === index}
              disabled={!open || !online || chosen !== undefined || remaining <= 0}
              onClick={() => answer(index)}
            >
              <span className="quiz__letter" aria-hidden="true">{LETTERS[index]}</span>
              <span>{option}</span>
              {locked && index === round?.answer ? <span className="quiz__mark"> ✓ {t.correctMark}</span> : null}
            </button>
          ))}
        </div>
      )}
      {/* "Agora" opens the status line under the bars: a line of its own would push the presenter's preview off the stage. */}
      <div className="quiz__statusline">
        {board && locked ? <Now inline /> : null}
        <p className="quiz__status" aria-live="polite" data-quiz-status>
          {statusText(t, round, board, definition, mine, late)}
        </p>
      </div>
      {locked ? null : standing}
      {/* The presenter's buttons before the preview: the next step stays in sight. */}
      {presenter ? (
        <p className="demo__actions">
          {phase === "ready" ? (
            <button type="button" className="demo__button" disabled={!online} onClick={() => send("start")} data-quiz-action="start">
              {t.start(definition.seconds)}
            </button>
          ) : null}
          {phase === "open" ? (
            <button type="button" className="demo__button" disabled={!online} onClick={() => send("end")} data-quiz-action="end">
              {t.end}
            </button>
          ) : null}
          {phase === "results" ? (
            <button type="button" className="demo__button" disabled={!online} onClick={() => send("leaderboard")} data-quiz-action="leaderboard">
              {t.showLeaderboard}
            </button>
          ) : null}
          {phase === "leaderboard" ? (
            <button type="button" className="demo__button" disabled={!online} onClick={resetQuiz} data-quiz-action="reset">
              {t.reset}
            </button>
          ) : null}
        </p>
      ) : null}
      {showBoard ? <Leaderboard entries={report.leaderboard} preview={phase === "results"} session={session} you={you} /> : null}
      {!board && phase !== "open" ? <NicknameForm session={session} you={you} online={online} /> : null}
    </>
  );
}

function statusText(t: Texts, round: RoundView | null, board: boolean, definition: QuizDefinition, mine: number | undefined, late: boolean): string {
  if (!round || round.phase === "ready") return board ? t.waitingBoard : t.waiting;
  if (round.phase === "open") {
    if (board) return t.answered(round.answered);
    if (mine !== undefined) return t.sent(`${LETTERS[mine]}. ${definition.options[mine]}`);
    return late ? t.late : "";
  }
  return `${t.timeUp} · ${t.answered(round.answered)}`;
}

/** The big number and its bar; a screen reader hears it at marks only (start, 10 s, 5 s, zero), not every second. */
function Countdown({ remaining, total }: { remaining: number; total: number }) {
  const t = useStrings(quizStrings);
  const { reduce } = useMotionPreference();
  // A clock offset measured a few ms short must not show 21 of a 20-second question.
  const seconds = Math.min(total, Math.ceil(remaining / 1000));
  const mark = announcedMark(seconds, total);
  const spoken = mark === null ? t.started(t.secondsLeft(total)) : mark === 0 ? t.timeUp : t.secondsLeft(mark);
  // Reduced motion: the bar steps once a second instead of sliding.
  const share = Math.min(1, (reduce ? seconds * 1000 : remaining) / (total * 1000));
  return (
    <div className="quiz__countdown" data-quiz-countdown>
      <span className="quiz__seconds demo__number" role="timer" aria-label={t.countdown} data-urgent={seconds <= 5 || undefined}>
        <span aria-hidden="true">{seconds}</span>
      </span>
      <span className="quiz__track" aria-hidden="true">
        <span className="quiz__time" data-reduce={reduce || undefined} style={{ width: `${share * 100}%` }} />
      </span>
      <span className="sr-only" aria-live="polite" aria-atomic="true">
        {spoken}
      </span>
    </div>
  );
}

/** The answers per option, the right one marked; `grow`: the bars grow from zero (live, when the answers are revealed). */
function Bars({ round, definition, grow }: { round: Pick<RoundView, "counts" | "answer">; definition: QuizDefinition; grow: boolean }) {
  const t = useStrings(quizStrings);
  const { transition } = useMotionPreference();
  const counts = round.counts ?? [];
  const most = Math.max(1, ...counts);
  return (
    <ul className="quiz__bars" aria-label={t.results}>
      {definition.options.map((option, index) => {
        const count = counts[index] ?? 0;
        const right = index === round.answer;
        return (
          <li key={option} className="quiz__row" data-quiz-option={index} data-right={String(right)}>
            <span className="quiz__label">
              <span className="quiz__letter" aria-hidden="true">{LETTERS[index]}</span> {option}
              {right ? <span className="quiz__mark"> ✓ {t.correctMark}</span> : null}
            </span>
            <span className="quiz__track" aria-hidden="true">
              <m.span className="quiz__bar" initial={grow ? { width: 0 } : false} animate={{ width: `${(count / most) * 100}%` }} transition={transition({ duration: 0.6, ease: EASE_OUT })} />
            </span>
            <span className="quiz__count demo__number" data-quiz-count>
              {count}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function displayName(t: Texts, entry: Pick<LeaderEntry, "name" | "player">): string {
  return entry.name || t.anonymous(entry.player);
}

/** The top 10. The presenter sees hidden nicknames (marked) and hides or shows them again. */
function Leaderboard({ entries, preview, session, you }: { entries: LeaderEntry[]; preview: boolean; session: LiveSession; you: QuizYou | undefined }) {
  const t = useStrings(quizStrings);
  const locale = useLocale();
  const presenter = drives(session);
  return (
    <section className="quiz__leaderboard" aria-label={preview ? t.preview : t.leaderboard} data-quiz-leaderboard={preview ? "preview" : "shown"} data-compact={presenter || undefined}>
      <p className="demo__label">{preview ? t.preview : t.leaderboard}</p>
      {entries.length === 0 ? <p className="demo__hint">{t.noPlayers}</p> : null}
      <ol className="quiz__ranks">
        {entries.map((entry) => {
          const name = displayName(t, entry);
          const own = you?.player === entry.player;
          return (
            <li key={entry.player} className="quiz__rank" data-own={own || undefined} data-hidden={entry.hidden || undefined}>
              <span className="quiz__place demo__number">{t.rank(entry.rank)}</span>
              <span className="quiz__name">
                {name}
                {entry.hidden ? <span className="quiz__tag"> ({t.hidden})</span> : null}
                {own ? <span className="quiz__tag"> ({t.you})</span> : null}
              </span>
              <span className="quiz__points demo__number">{t.points(numbers[locale].format(entry.points))}</span>
              {presenter && entry.name ? (
                <button
                  type="button"
                  className="demo__button quiz__hide"
                  aria-label={t.hide(entry.name)}
                  aria-pressed={entry.hidden === true}
                  onClick={() => session.client.send({ type: "hideNickname", player: entry.player, hidden: !entry.hidden })}
                >
                  {t.hideButton}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A phone's own result for this question, and its place across the room's questions. */
function Standing({ t, locale, you, quiz, round }: { t: Texts; locale: Locale; you: QuizYou; quiz: string; round: RoundView | null }) {
  const scored = you.scored?.[quiz];
  const locked = round?.answer !== undefined;
  const seconds = scored ? tenths[locale].format(scored.ms / 1000) : "";
  const result = !locked ? null : scored ? (scored.points > 0 ? t.right(numbers[locale].format(scored.points), seconds) : t.wrong(seconds)) : t.noAnswer;
  if (result === null && you.rank === undefined) return null;
  return (
    <div className="quiz__standing" data-quiz-standing>
      {result ? <p className="quiz__result" data-right={scored ? String(scored.points > 0) : undefined}>{result}</p> : null}
      {you.rank !== undefined && you.points !== undefined ? <p className="quiz__place-line">{t.standing(String(you.rank), numbers[locale].format(you.points))}</p> : null}
    </div>
  );
}

function NicknameForm({ session, you, online }: { session: LiveSession; you: QuizYou | undefined; online: boolean }) {
  const t = useStrings(quizStrings);
  const id = useId();
  const saved = you?.name ?? "";
  const [name, setName] = useState(saved);
  useEffect(() => setName(saved), [saved]);
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    session.client.send({ type: "nickname", name });
  };
  return (
    <form className="quiz__nickname" onSubmit={submit}>
      <label htmlFor={id}>{t.nickname}</label>
      <span className="quiz__nickname-row">
        <input id={id} type="text" autoComplete="nickname" maxLength={NICKNAME_MAX} value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="demo__button" disabled={!online || name === saved}>
          {t.saveNickname}
        </button>
      </span>
      {you?.player !== undefined ? <span className="demo__hint">{t.shownAs(saved || t.anonymous(you.player))}</span> : null}
    </form>
  );
}
