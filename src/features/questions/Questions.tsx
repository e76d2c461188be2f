import { useEffect } from "react";
import { drives, showsBoard, useReport, useLiveSession, useRoomSnapshot } from "../../live/hooks.tsx";
import type { LiveSession } from "../../live/session.ts";
import AskForm from "./AskForm.tsx";
import AudienceList from "./AudienceList.tsx";
import { watchMine } from "./mine.ts";
import ProjectorList, { BoardQuestion } from "./ProjectorList.tsx";
import { phoneList, questionList } from "./rules.ts";
import { useStrings, withLocale } from "../../i18n/react.tsx";
import { Rich } from "../../i18n/Rich.tsx";
import { questionsStrings } from "./strings.ts";
import { Now, Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";
import "../../live/notLive.css";
import "./Questions.css";

/**
 * The audience's questions. Phones ask (a text box) and upvote others' questions; the projector
 * shows them by votes; the presenter marks them answered or hides them. Everything the audience
 * wrote is rendered as React text, never as HTML. Outside a room: what it is, to read, and the
 * questions the talks in records/ answered (`recorded`).
 */
export default withLocale(Questions);

/** The questions a talk answered, most voted first (text and votes only: a record keeps no more). */
export type RecordedQuestions = { text: string; votes: number }[];

function Questions({ recorded }: { recorded?: RecordedTalk<RecordedQuestions>[] }) {
  const t = useStrings(questionsStrings);
  const session = useLiveSession();
  return (
    // Unnamed, so not a second landmark called like its slide ("Perguntas da plateia").
    <section className="demo questions">
      {session ? (
        <LiveQuestions session={session} />
      ) : (
        <>
          <div className="demo-offline" role="note">
            <p className="demo-offline__title">{t.offlineTitle}</p>
            <p>{t.offlineBody}</p>
            {/* Our own constant text, with markup for the path and the command. */}
            <p className="demo-offline__how">
              <Rich text={t.offlineHow} />
            </p>
          </div>
          <Recorded talks={recorded} audienceText>
            {(questions) => (
              <ol className="questions__list questions__list--board" aria-label={t.answeredList}>
                {questions.map((question, index) => (
                  <BoardQuestion key={index} question={{ ...question, status: "answered" }} />
                ))}
              </ol>
            )}
          </Recorded>
        </>
      )}
    </section>
  );
}

function LiveQuestions({ session }: { session: LiveSession }) {
  const t = useStrings(questionsStrings);
  const report = useReport(session, "questions");
  const online = useRoomSnapshot(session)?.status === "online";
  useEffect(() => watchMine(session), [session]);
  const open = report?.open ?? 0;

  if (showsBoard(session)) {
    const questions = questionList(report?.questions ?? {});
    return (
      <>
        <Now />
        <p className="questions__summary" aria-live="polite" data-questions-summary>
          {t.summary(open)}
        </p>
        <ProjectorList session={session} questions={questions} drives={drives(session)} online={online} />
      </>
    );
  }
  // The view every phone shares is bounded (rules.ts: audienceView); this phone's own questions join it.
  const shown = Object.values(report?.questions ?? {}).filter((question) => question.status === "open").length;
  return (
    <>
      <AskForm session={session} online={online} />
      <AudienceList session={session} questions={phoneList(report ?? { questions: {} })} online={online} />
      {open > shown ? (
        <p className="questions__more" data-questions-more>
          {t.mostVoted(shown, open)}
        </p>
      ) : null}
    </>
  );
}
