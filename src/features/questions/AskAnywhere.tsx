import { useEffect, useRef, useState } from "react";
import { useLiveSession, useRoomSnapshot } from "../../live/hooks.tsx";
import AskForm from "./AskForm.tsx";
import { watchMine } from "./mine.ts";
import { useStrings, withLocale } from "../../i18n/react.tsx";
import { questionsStrings } from "./strings.ts";
import "../../live/notLive.css";
import "./Questions.css";

/**
 * The phone's "Perguntar" button in the deck bar: questions can be asked during the whole talk,
 * not only on the questions slide. Opens a small dialog with the same form. Phones only.
 */
export default withLocale(AskAnywhere);

function AskAnywhere() {
  const t = useStrings(questionsStrings);
  const session = useLiveSession();
  const online = useRoomSnapshot(session)?.status === "online";
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (session?.role === "audience") watchMine(session);
  }, [session]);
  if (session?.role !== "audience") return null;
  return (
    <>
      <button
        type="button"
        className="questions__anywhere"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t.ask}
      </button>
      <dialog ref={dialog} className="questions__dialog" aria-label={t.askDialog} onClose={() => setOpen(false)}>
        {open ? <AskForm session={session} online={online} autoFocus /> : null}
        <form method="dialog" className="questions__close">
          <button type="submit" className="demo__button">
            {t.close}
          </button>
        </form>
      </dialog>
    </>
  );
}
