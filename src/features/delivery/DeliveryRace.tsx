import { DiagramMotion } from "../../diagrams/motion.tsx";
import { useStrings, withLocale } from "../../i18n/react.tsx";

import { showsBoard, useLiveSession, useSlideActive } from "../../live/hooks.tsx";
import { DeliveryBoard, RecordedDelivery, type LaneTotals } from "./DeliveryBoard.tsx";
import type { Lane } from "./protocol.ts";
import { DeliveryPhone } from "./DeliveryPhone.tsx";
import { deliveryStrings } from "./strings.ts";
import "./DeliveryRace.css";
import { NotLive } from "../../live/island.tsx";
import { Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";

/**
 * "Polling × long polling × WebSocket", live: the server makes one stream of events; each phone
 * receives it one way (split by participant id, switchable), and the projector compares what
 * each way cost on the wire and how long events took to reach the screens, as measured now.
 */
export default withLocale(DeliveryRace);

/** The race as a record keeps it: each lane's totals. */
export interface RecordedRace {
  lanes: Record<Lane, LaneTotals>;
}

function DeliveryRace({ recorded }: { recorded?: RecordedTalk<RecordedRace>[] }) {
  const t = useStrings(deliveryStrings);
  const session = useLiveSession();
  const [ref, active] = useSlideActive<HTMLElement>();
  return (
    <section className="demo delivery" ref={ref} aria-label={t.region}>
      {session ? (
        <DiagramMotion>
          {showsBoard(session) ? <DeliveryBoard session={session} /> : <DeliveryPhone session={session} active={active} />}
        </DiagramMotion>
      ) : (
        <>
          <NotLive text={t.offline} />
          <Recorded talks={recorded}>{(race) => <RecordedDelivery lanes={race.lanes} />}</Recorded>
        </>
      )}
    </section>
  );
}
