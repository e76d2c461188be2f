import type { ReactNode } from "react";
import type { LiveSession } from "../../live/session.ts";
import type { QuestionStatus, QuestionView } from "./rules.ts";
import { useStrings } from "../../i18n/react.tsx";
import { questionsStrings } from "./strings.ts";

/**
 * The room's board, for the projector: the questions by votes, large. The presenter also gets
 * the buttons (answered, hide, reopen) and, folded away, the hidden ones; the screen never shows
 * those.
 */
export default function ProjectorList({ session, questions, drives, online }: { session: LiveSession; questions: QuestionView[]; drives: boolean; online: boolean }) {
  const t = useStrings(questionsStrings);
  const shown = questions.filter((question) => question.status !== "hidden");
  const hidden = drives ? questions.filter((question) => question.status === "hidden") : [];
  const moderate = (id: string, action: QuestionStatus) => session.client.send({ type: "moderate", id, action });
  const row = (question: QuestionView) => (
    <BoardQuestion key={question.id} question={question}>
      {drives ? (
        <span className="questions__moderate">
          {question.status === "open" ? (
            <>
              <button type="button" className="demo__button" disabled={!online} onClick={() => moderate(question.id, "answered")}>
                {t.markAnswered}
              </button>
              <button type="button" className="demo__button" disabled={!online} onClick={() => moderate(question.id, "hidden")}>
                {t.hide}
              </button>
            </>
          ) : (
            <button type="button" className="demo__button" disabled={!online} onClick={() => moderate(question.id, "open")}>
              {t.reopen}
            </button>
          )}
        </span>
      ) : null}
    </BoardQuestion>
  );
  return (
    <>
      {shown.length === 0 ? (
        <p className="questions__empty">{t.noneOnBoard}</p>
      ) : (
        <ol className="questions__list questions__list--board" aria-label={t.label}>
          {shown.map(row)}
        </ol>
      )}
      {hidden.length > 0 ? (
        <details className="questions__hidden">
          <summary>
            {t.hidden(hidden.length)}
          </summary>
          <ol className="questions__list questions__list--board">{hidden.map(row)}</ol>
        </details>
      ) : null}
    </>
  );
}

/** One question on the board: its votes, its text, whether it was answered; `children`: the presenter's buttons. */
export function BoardQuestion({ question, children }: { question: Pick<QuestionView, "text" | "votes" | "status"> & { id?: string }; children?: ReactNode }) {
  const t = useStrings(questionsStrings);
  return (
    <li className={`questions__item questions__item--${question.status}`} data-question={question.id}>
      <span className="questions__tally demo__number" data-question-votes aria-label={t.votes(question.votes)}>
        {question.votes}
      </span>
      <p className="questions__question" data-question-text>
        {question.text}
      </p>
      {question.status === "answered" ? <span className="questions__tag">{t.answeredTag}</span> : null}
      {children}
    </li>
  );
}
