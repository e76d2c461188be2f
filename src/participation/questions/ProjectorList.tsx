import type { LiveSession } from "../../live/session.ts";
import type { QuestionStatus, QuestionView } from "./rules.ts";

/**
 * The room's board, for the projector: the questions by votes, large. The presenter also gets
 * the buttons (answered, hide, reopen) and, folded away, the hidden ones; the screen never shows
 * those.
 */
export default function ProjectorList({ session, questions, drives, online }: { session: LiveSession; questions: QuestionView[]; drives: boolean; online: boolean }) {
  const shown = questions.filter((question) => question.status !== "hidden");
  const hidden = drives ? questions.filter((question) => question.status === "hidden") : [];
  const moderate = (id: string, action: QuestionStatus) => session.client.send({ type: "moderate", id, action });
  const row = (question: QuestionView) => (
    <li key={question.id} className={`questions__item questions__item--${question.status}`} data-question={question.id}>
      <span className="questions__tally demo__number" data-question-votes aria-label={`${question.votes} ${question.votes === 1 ? "voto" : "votos"}`}>
        {question.votes}
      </span>
      <p className="questions__question" data-question-text>
        {question.text}
      </p>
      {question.status === "answered" ? <span className="questions__tag">respondida</span> : null}
      {drives ? (
        <span className="questions__moderate">
          {question.status === "open" ? (
            <>
              <button type="button" className="demo__button" disabled={!online} onClick={() => moderate(question.id, "answered")}>
                Respondida
              </button>
              <button type="button" className="demo__button" disabled={!online} onClick={() => moderate(question.id, "hidden")}>
                Esconder
              </button>
            </>
          ) : (
            <button type="button" className="demo__button" disabled={!online} onClick={() => moderate(question.id, "open")}>
              Reabrir
            </button>
          )}
        </span>
      ) : null}
    </li>
  );
  return (
    <>
      {shown.length === 0 ? (
        <p className="questions__empty">Nenhuma pergunta ainda: mande a sua pelo celular.</p>
      ) : (
        <ol className="questions__list questions__list--board" aria-label="Perguntas da plateia">
          {shown.map(row)}
        </ol>
      )}
      {hidden.length > 0 ? (
        <details className="questions__hidden">
          <summary>
            {hidden.length} {hidden.length === 1 ? "escondida" : "escondidas"} (só você vê)
          </summary>
          <ol className="questions__list questions__list--board">{hidden.map(row)}</ol>
        </details>
      ) : null}
    </>
  );
}
