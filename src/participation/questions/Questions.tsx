import { useEffect } from "react";
import { drives, showsBoard, useLabReport, useLiveSession, useRoomSnapshot } from "../../demos/live.tsx";
import type { LiveSession } from "../../live/session.ts";
import AskForm from "./AskForm.tsx";
import AudienceList from "./AudienceList.tsx";
import { watchMine } from "./mine.ts";
import ProjectorList from "./ProjectorList.tsx";
import type { QuestionsReport } from "./rules.ts";
import "../../demos/demos.css";
import "./Questions.css";

/**
 * The audience's questions. Phones ask (a text box) and upvote others' questions; the projector
 * shows them by votes; the presenter marks them answered or hides them. Everything the audience
 * wrote is rendered as React text, never as HTML. Outside a room: what it is, to read.
 */
export default function Questions() {
  const session = useLiveSession();
  return (
    <section className="demo questions" aria-label="Perguntas da plateia">
      {session ? (
        <LiveQuestions session={session} />
      ) : (
        <div className="demo-offline" role="note">
          <p className="demo-offline__title">Perguntas ao vivo</p>
          <p>Numa sala ao vivo, a plateia manda perguntas pelo celular e apoia as dos outros; a tela mostra as mais votadas primeiro.</p>
          <p className="demo-offline__how">
            Quem apresenta abre <code>/present/</code> (com <code>npm start</code>) e a plateia entra pelo celular.
          </p>
        </div>
      )}
    </section>
  );
}

function LiveQuestions({ session }: { session: LiveSession }) {
  const report = useLabReport<QuestionsReport>(session, "questions");
  const online = useRoomSnapshot(session)?.status === "online";
  useEffect(() => watchMine(session), [session]);
  const questions = report?.questions ?? [];
  const open = report?.open ?? 0;

  if (showsBoard(session)) {
    return (
      <>
        <p className="questions__summary" aria-live="polite" data-questions-summary>
          {open === 1 ? "1 pergunta em aberto" : `${open} perguntas em aberto`} · as mais votadas primeiro
        </p>
        <ProjectorList session={session} questions={questions} drives={drives(session)} online={online} />
      </>
    );
  }
  return (
    <>
      <AskForm session={session} online={online} />
      <AudienceList session={session} questions={questions} online={online} />
    </>
  );
}
