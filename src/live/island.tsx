/**
 * What every live island shares: it draws itself in a room, and outside one (a reader with no
 * room yet, or the static site with no room server) explains what it would show and how to see it
 * live. The locale comes from Astro, as for every island.
 */
import type { ComponentType, ReactNode } from "react";
import type { Strings } from "../i18n/strings.ts";
import { useStrings, withLocale } from "../i18n/react.tsx";
import { Rich } from "../i18n/Rich.tsx";
import { useLiveSession } from "./hooks.tsx";
import { liveDemoStrings } from "./notLiveStrings.ts";
import type { LiveSession } from "./session.ts";
import "./notLive.css";

/**
 * A demo's place-holder with no room: `text` (our own constant text, with inline markup) says what
 * it would show; `children` may show a sample.
 */
export function NotLive({ text, children }: { text: string; children?: ReactNode }) {
  const t = useStrings(liveDemoStrings);
  return (
    <div className="demo-offline" role="note">
      <p className="demo-offline__title">{t.offlineTitle}</p>
      <p>
        <Rich text={text} />
      </p>
      {children}
      <p className="demo-offline__how">
        <Rich text={t.offlineHow} />
      </p>
    </div>
  );
}

/** What a live island draws outside a room, besides its explanation. */
export interface Offline<P> {
  /** Inside the explanation: a sample of what it would show. */
  Sample?: ComponentType;
  /**
   * After it, from the island's props: what the talks in records/ measured, drawn with the demo's
   * own board (the props are picked at build time by the slide's Astro wrapper).
   */
  Recorded?: ComponentType<P>;
}

/**
 * An island that is `Live` in a room, and its strings' `offline` text (with `Sample`, if given)
 * and the talks' records (`Recorded`, given the island's props) outside one.
 */
export function liveIsland<P extends object = object>(strings: Strings<{ offline: string }>, Live: ComponentType<{ session: LiveSession }>, { Sample, Recorded }: Offline<P> = {}) {
  return withLocale(function LiveIsland(props: P) {
    const t = useStrings(strings);
    const session = useLiveSession();
    if (session) return <Live session={session} />;
    return (
      <>
        <NotLive text={t.offline}>{Sample ? <Sample /> : null}</NotLive>
        {Recorded ? <Recorded {...props} /> : null}
      </>
    );
  });
}
