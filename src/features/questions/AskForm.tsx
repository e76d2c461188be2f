import { useCallback, useId, useRef, useState, type SyntheticEvent } from "react";
import { useServerMessages } from "../../live/hooks.tsx";
import type { LiveSession } from "../../live/session.ts";
import type { ServerMessage } from "../../room/wire.ts";
import { normalizeQuestionText, QUESTION_TEXT_MAX } from "./rules.ts";
import { useStrings } from "../../i18n/react.tsx";
import { questionsStrings } from "./strings.ts";

type Status = { kind: "idle" } | { kind: "sending" } | { kind: "sent" } | { kind: "error"; text: string };
type Texts = (typeof questionsStrings)[keyof typeof questionsStrings];

/** A phone's question box: a label, a character counter, a send button and the server's answer. */
export default function AskForm({ session, online, autoFocus = false }: { session: LiveSession; online: boolean; autoFocus?: boolean }) {
  const t = useStrings(questionsStrings);
  const id = useId();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  // The acknowledgement of this form's own question clears the box (not one from the deck bar's dialog).
  const sending = useRef(false);

  useServerMessages(
    session,
    useCallback((message: ServerMessage) => {
      if (!sending.current) return;
      if (message.type === "error" && message.ref === "ask") {
        sending.current = false;
        setStatus({ kind: "error", text: t.refused(message.code, message.detail) });
      }
      // The acknowledgement is a patch for this phone alone (server.ts).
      if (message.type === "report" && message.feature === "questions" && "patch" in message && message.patch.you?.asked) {
        sending.current = false;
        setText("");
        setStatus({ kind: "sent" });
      }
    }, [t]),
  );

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (normalizeQuestionText(text).length === 0) return setStatus({ kind: "error", text: t.empty });
    if (!session.client.send({ type: "ask", text })) return setStatus({ kind: "error", text: t.offline });
    sending.current = true;
    setStatus({ kind: "sending" });
  };

  return (
    <form className="questions__ask" onSubmit={submit} data-question-form>
      <label className="questions__label" htmlFor={`${id}-text`}>
        {t.yourQuestion}
      </label>
      <textarea
        id={`${id}-text`}
        className="questions__text"
        value={text}
        // UTF-16 units, as the browser counts them: never more than the room's 280 characters.
        maxLength={QUESTION_TEXT_MAX}
        rows={3}
        autoFocus={autoFocus}
        aria-describedby={`${id}-count ${id}-status`}
        onChange={(event) => {
          setText(event.target.value);
          if (status.kind !== "sending") setStatus({ kind: "idle" });
        }}
      />
      <div className="questions__row">
        <span id={`${id}-count`} className="questions__count demo__number" aria-label={t.characters(text.length, QUESTION_TEXT_MAX)}>
          {text.length}/{QUESTION_TEXT_MAX}
        </span>
        <button type="submit" className="demo__button" disabled={!online || status.kind === "sending"}>
          {t.send}
        </button>
      </div>
      <p id={`${id}-status`} className={`questions__status${status.kind === "error" ? " questions__status--error" : ""}`} aria-live="polite" data-question-status>
        {statusText(t, status)}
      </p>
    </form>
  );
}

function statusText(t: Texts, status: Status): string {
  switch (status.kind) {
    case "sending":
      return t.sending;
    case "sent":
      return t.sent;
    case "error":
      return status.text;
    default:
      return "";
  }
}
