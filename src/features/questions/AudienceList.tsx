import { useSyncExternalStore } from "react";
import type { LiveSession } from "../../live/session.ts";
import { mine, sendUpvote, subscribeMine } from "./mine.ts";
import type { QuestionView } from "./rules.ts";
import { useStrings } from "../../i18n/react.tsx";
import { questionsStrings } from "./strings.ts";

/** The phone's list: open questions by votes, then answered ones; upvote buttons; "sua" on its own. */
export default function AudienceList({ session, questions, online }: { session: LiveSession; questions: QuestionView[]; online: boolean }) {
  const t = useStrings(questionsStrings);
  const memory = useSyncExternalStore(
    (listener) => subscribeMine(session.code, listener),
    () => mine(session.code),
  );
  if (questions.length === 0) return <p className="demo__hint">{t.none}</p>;
  return (
    <ol className="questions__list" aria-label={t.label}>
      {questions.map((question) => {
        const own = memory.asked.has(question.id);
        const upvoted = memory.upvoted.has(question.id);
        return (
          <li key={question.id} className={`questions__item questions__item--${question.status}`} data-question={question.id}>
            <p className="questions__question" data-question-text>
              {question.text}
            </p>
            <div className="questions__meta">
              {own ? <span className="questions__tag questions__tag--own">{t.mine}</span> : null}
              {question.status === "answered" ? <span className="questions__tag">{t.answeredTag}</span> : null}
              {own ? (
                <span className="questions__votes demo__number" data-question-votes>
                  {t.votes(question.votes)}
                </span>
              ) : (
                <button
                  type="button"
                  className="demo__button questions__upvote"
                  aria-pressed={upvoted}
                  disabled={!online || upvoted}
                  onClick={() => sendUpvote(session, question.id)}
                >
                  <span aria-hidden="true">▲ </span>
                  {upvoted ? t.upvoted : t.upvote} · <span className="demo__number" data-question-votes>{question.votes}</span>
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
