import { NOTIFICATION_KINDS } from "./protocol.ts";
import type { LiveSession } from "../../live/session.ts";
import { drives, showsBoard, useReport, useLinkStatus } from "../../live/hooks.tsx";
import { NOTIFICATION_ICONS } from "./kinds.ts";
import { useStrings } from "../../i18n/react.tsx";
import { notifyStrings } from "./strings.ts";
import type { NotificationRecord } from "./ledger.ts";
import "../../live/notLive.css";
import "./PushNotify.css";
import { liveIsland } from "../../live/island.tsx";
import { Now, Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";

/** Earlier notifications listed under the latest one. */
const HISTORY = 4;

/**
 * Push, made visible: the presenter sends a notification to every phone (a toast there, on any
 * slide, and a vibration where allowed); each phone acknowledges, and the board counts the
 * deliveries and the round trip live. Phones see this slide's explanation; the toast is theirs.
 */
export default liveIsland(notifyStrings, ({ session }) => (showsBoard(session) ? <Board session={session} /> : <Phone />), { Recorded: RecordedNotifications });

/** A notification as the board draws it: the live one's id and time are not needed, and a record has neither. */
export type ShownNotification = Omit<NotificationRecord, "id" | "at"> & { id?: number };

/** Outside a room: the notifications sent at the talks in records/, on the board the projector showed. */
function RecordedNotifications({ recorded }: { recorded?: RecordedTalk<ShownNotification[]>[] }) {
  if (!recorded?.length) return null;
  return (
    <div className="demo push" data-role="record">
      <Recorded talks={recorded}>{(notifications) => <Notifications notifications={notifications} still />}</Recorded>
    </div>
  );
}

function Phone() {
  const t = useStrings(notifyStrings);
  return (
    <div className="demo push push--phone">
      <p className="push__lead">{t.phoneLead}</p>
      <p className="demo__hint">{t.phoneHint}</p>
    </div>
  );
}

function Board({ session }: { session: LiveSession }) {
  const t = useStrings(notifyStrings);
  const report = useReport(session, "notify");
  const online = useLinkStatus(session) === "online";
  return (
    <div className="demo push">
      <Now />
      {drives(session) && (
        <div className="demo__actions" role="group" aria-label={t.send}>
          <span className="demo__label">{t.send}</span>
          {NOTIFICATION_KINDS.map((kind) => (
            <button key={kind} type="button" className="demo__button" disabled={!online} onClick={() => session.client.send({ type: "notify", kind })}>
              <span aria-hidden="true">{NOTIFICATION_ICONS[kind]}</span> {t.kinds[kind].button}
            </button>
          ))}
          <button type="button" className="demo__button push__reset" disabled={!online} onClick={() => session.client.send({ type: "reset", feature: "notify" })}>
            {t.reset}
          </button>
        </div>
      )}
      <Notifications notifications={report?.notifications ?? []} still={false} />
    </div>
  );
}

/**
 * The latest notification, big, and a few earlier ones under it. `still`: a record's, which never
 * changes, so nothing in it is announced (a page has one live region of its own: the slide's title).
 */
function Notifications({ notifications, still }: { notifications: readonly ShownNotification[]; still: boolean }) {
  const t = useStrings(notifyStrings);
  const latest = notifications.at(-1);
  const earlier = notifications.slice(-1 - HISTORY, -1).reverse();
  return (
    <>
      {latest ? <Latest note={latest} still={still} /> : <p className="demo__hint">{t.none}</p>}
      {earlier.length > 0 && (
        <ul className="push__history" aria-label={t.earlier}>
          {earlier.map((note, index) => (
            <li key={note.id ?? index}>
              <span aria-hidden="true">{NOTIFICATION_ICONS[note.kind]}</span> {t.kinds[note.kind].title}:{" "}
              <span className="demo__number">
                {note.acked}/{note.audience}
              </span>
              {note.latency && <span className="push__muted"> · {t.meanOf(note.latency.mean)}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Latest({ note, still }: { note: ShownNotification; still: boolean }) {
  const t = useStrings(notifyStrings);
  return (
    <div className="push__latest" data-notification={note.id}>
      <p className="push__kind">
        <span aria-hidden="true">{NOTIFICATION_ICONS[note.kind]}</span> {t.kinds[note.kind].title}
      </p>
      <p className="push__delivered" aria-live={still ? undefined : "polite"}>
        <span className="demo__number" data-push-delivered>
          {note.acked}/{note.audience}
        </span>{" "}
        <span className="push__unit">{t.delivered}</span>
      </p>
      <dl className="push__stats">
        <div>
          <dt>{t.sent}</dt>
          <dd className="demo__number">{note.sent}</dd>
        </div>
        <div>
          <dt>{t.roundTrip}</dt>
          <dd className="demo__number">{note.latency ? `${note.latency.mean} ms` : "…"}</dd>
        </div>
        <div>
          <dt>{t.worst}</dt>
          <dd className="demo__number">{note.latency ? `${note.latency.max} ms` : "…"}</dd>
        </div>
      </dl>
    </div>
  );
}
