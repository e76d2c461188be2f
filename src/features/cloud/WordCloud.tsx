import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type SyntheticEvent } from "react";
import { drives, showsBoard, useLiveSession, useReport, useRoomSnapshot, useServerMessages, useSlideActive } from "../../live/hooks.tsx";
import type { LiveSession } from "../../live/session.ts";
import type { ServerMessage } from "../../room/wire.ts";
import { useStrings, withLocale } from "../../i18n/react.tsx";
import { estimateSize, layoutCloud, type Layout, type Size } from "./layout.ts";
import { ANSWER_TEXT_MAX, ANSWERS_PER_PARTICIPANT, cleanAnswer, wordList, type CloudEntry, type CloudWord } from "./rules.ts";
import type { CloudDefinition } from "./protocol.ts";
import { cloudStrings } from "./strings.ts";
import { Now, Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";
import "../../live/notLive.css";
import "./WordCloud.css";

/**
 * A word cloud declared in a slide. The presenter's slide declares it when it shows; each phone
 * sends up to three short answers; the projector draws the most frequent words, sized by count,
 * each keeping its place while it fits (layout.ts). Outside a room it is the prompt, to read, and
 * the clouds the talks in records/ made (`recorded`).
 */
export default withLocale(WordCloud);

/** A cloud as a record keeps it: its visible words, most frequent first. */
export interface RecordedCloud {
  words: { text: string; count: number }[];
  others: number;
}

function WordCloud({ recorded, ...definition }: CloudDefinition & { recorded?: RecordedTalk<RecordedCloud>[] }) {
  const t = useStrings(cloudStrings);
  const session = useLiveSession();
  const [slideRef, active] = useSlideActive<HTMLElement>();
  // A slide titled with the prompt (the talk's own) doesn't say it twice.
  const [titled, setTitled] = useState(false);
  const ref = useCallback(
    (node: HTMLElement | null) => {
      slideRef(node);
      if (node) setTitled(node.closest("[data-title]")?.getAttribute("data-title") === definition.prompt);
    },
    [slideRef, definition.prompt],
  );
  return (
    <section className="demo cloud" ref={ref} aria-label={t.label(definition.prompt)} data-cloud={definition.id}>
      {titled ? null : <p className="cloud__prompt">{definition.prompt}</p>}
      {session ? (
        <LiveCloud session={session} definition={definition} active={active} />
      ) : (
        <>
          <Recorded talks={recorded} audienceText>{(cloud) => <StillCloud cloud={cloud} />}</Recorded>
          <p className="demo__hint">{t.offlineHint}</p>
        </>
      )}
    </section>
  );
}

function LiveCloud({ session, definition, active }: { session: LiveSession; definition: CloudDefinition; active: boolean }) {
  const t = useStrings(cloudStrings);
  const room = useRoomSnapshot(session);
  const report = useReport(session, "cloud");
  const online = room?.status === "online";
  const entry = report?.clouds[definition.id] ?? null;
  const mine = report?.yours?.[definition.id] ?? [];

  // The presenter's slide declares its cloud (phones may answer from then on).
  useEffect(() => {
    if (active && online && drives(session)) session.client.send({ type: "cloud", action: "show", cloud: definition });
  }, [active, online, session, definition]);

  const board = showsBoard(session);
  const words = useMemo(() => wordList(entry?.words ?? {}), [entry]);
  return (
    <>
      {board ? null : <AnswerForm session={session} cloud={definition.id} online={online && entry !== null} mine={mine} />}
      <p className="cloud__status" aria-live="polite" data-cloud-status>
        {!entry ? t.waiting : entry.answers === 0 ? t.empty : t.status(entry.answers, entry.people)}
      </p>
      {board && entry && words.length > 0 ? <Now /> : null}
      {entry && words.length > 0 ? <Cloud words={words} entry={entry} small={!board} /> : null}
      {drives(session) && entry ? <Moderation session={session} definition={definition} entry={entry} words={words} online={online} /> : null}
    </>
  );
}

/** Text width at 100 px per font, measured once per word (widths scale with the size). */
function useMeasure(sample: HTMLElement | null): (text: string, fontPx: number) => Size {
  return useMemo(() => {
    const context = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
    if (!context || !sample) return estimateSize;
    const style = getComputedStyle(sample);
    context.font = `${style.fontWeight} 100px ${style.fontFamily}`;
    const widths = new Map<string, number>();
    return (text, fontPx) => {
      let width = widths.get(text);
      if (width === undefined) widths.set(text, (width = context.measureText(text).width));
      return { width: Math.ceil((width * fontPx) / 100) + 2, height: Math.ceil(fontPx * 1.15) };
    };
  }, [sample]);
}

/** The cloud itself (aria-hidden), and its text alternative: the words in order, with counts. */
function Cloud({ words, entry, small }: { words: CloudWord[]; entry: CloudEntry; small: boolean }) {
  const t = useStrings(cloudStrings);
  const stage = useRef<HTMLDivElement>(null);
  const [probe, setProbe] = useState<HTMLElement | null>(null);
  const [box, setBox] = useState<Size | null>(null);
  const [minPx, setMinPx] = useState(0);
  const previous = useRef<Layout["placed"] | undefined>(undefined);
  const measure = useMeasure(probe);

  useLayoutEffect(() => {
    const element = stage.current;
    if (!element) return;
    const read = () => {
      setBox({ width: element.clientWidth, height: element.clientHeight });
      // The smallest word: the probe's size, which CSS holds at the view's floor (--label-floor).
      if (probe) setMinPx(parseFloat(getComputedStyle(probe).fontSize) || 16);
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, [probe]);

  const layout = useMemo(() => {
    if (!box || box.width === 0 || minPx === 0) return null;
    return layoutCloud(words, { box, minPx, maxPx: Math.min(minPx * 5, box.height / 3.2), measure, previous: previous.current });
  }, [words, box, minPx, measure]);
  useEffect(() => {
    if (layout) previous.current = layout.placed;
  }, [layout]);

  return (
    <>
      <div className={`cloud__stage${small ? " cloud__stage--small" : ""}`} ref={stage} aria-hidden="true" data-cloud-stage>
        <span className="cloud__word cloud__probe" ref={setProbe}>
          ·
        </span>
        {layout
          ? words.map((word) => {
              const place = layout.placed.get(word.id);
              if (!place) return null;
              return (
                <span
                  key={word.id}
                  className={`cloud__word cloud__word--${word.order % 4}`}
                  data-cloud-word={word.key}
                  data-count={word.count}
                  style={{ fontSize: `${place.fontPx}px`, transform: `translate(${place.x - place.width / 2}px, ${place.y - place.height / 2}px)` }}
                >
                  {word.text}
                </span>
              );
            })
          : null}
      </div>
      <WordsRead words={words} />
      {entry.more > 0 || entry.others > 0 ? (
        <p className="cloud__more">{[entry.more > 0 ? t.more(entry.more) : null, entry.others > 0 ? t.others(entry.others) : null].filter(Boolean).join(" · ")}</p>
      ) : null}
    </>
  );
}

/** The cloud's text alternative: the words in order, with counts (the drawing is aria-hidden). */
function WordsRead({ words }: { words: readonly { id: string; text: string; count: number }[] }) {
  const t = useStrings(cloudStrings);
  return (
    <ol className="sr-only" aria-label={t.list} data-cloud-list>
      {words.map((word) => (
        <li key={word.id}>
          {word.text}: {t.times(word.count)}
        </li>
      ))}
    </ol>
  );
}

/** A recorded cloud's frame: a fixed box the SVG scales to fit, with words no smaller than a label at that scale. */
const STILL_BOX = { width: 1000, height: 400 };
const STILL_MIN_PX = 28;

/**
 * A record's cloud, drawn once on the server: the same layout as live (layout.ts), in a fixed box
 * with estimated text widths, as an SVG that scales to its place, readable without a script.
 */
function StillCloud({ cloud }: { cloud: RecordedCloud }) {
  const t = useStrings(cloudStrings);
  const words = cloud.words.map((word, order) => ({ id: `w${order}`, order, key: word.text, ...word }));
  const layout = layoutCloud(words, { box: STILL_BOX, minPx: STILL_MIN_PX, maxPx: STILL_BOX.height / 3.2, measure: estimateSize });
  return (
    <>
      <svg className="cloud__still" viewBox={`0 0 ${STILL_BOX.width} ${STILL_BOX.height}`} aria-hidden="true" data-cloud-still>
        {words.map((word) => {
          const place = layout.placed.get(word.id);
          if (!place) return null;
          return (
            <text key={word.id} className={`cloud__word--${word.order % 4}`} x={place.x} y={place.y} fontSize={place.fontPx} textAnchor="middle" dominantBaseline="central">
              {word.text}
            </text>
          );
        })}
      </svg>
      <WordsRead words={words} />
      {cloud.others > 0 ? <p className="cloud__more">{t.others(cloud.others)}</p> : null}
    </>
  );
}

type Status = { kind: "idle" } | { kind: "sending" } | { kind: "error"; text: string };

/** A phone's answers: one box that adds an answer at a time, up to three, and what it sent. */
function AnswerForm({ session, cloud, online, mine }: { session: LiveSession; cloud: string; online: boolean; mine: readonly string[] }) {
  const t = useStrings(cloudStrings);
  const id = useId();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const sending = useRef(false);
  const full = mine.length >= ANSWERS_PER_PARTICIPANT;

  // This phone's answers grew: the one sent was taken.
  const count = mine.length;
  useEffect(() => {
    if (!sending.current) return;
    sending.current = false;
    setText("");
    setStatus({ kind: "idle" });
  }, [count]);

  useServerMessages(
    session,
    useCallback(
      (message: ServerMessage) => {
        if (sending.current && message.type === "error" && message.ref === "cloudAnswer") {
          sending.current = false;
          setStatus({ kind: "error", text: t.refused(message.code, message.detail) });
        }
      },
      [t],
    ),
  );

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (cleanAnswer(text).length === 0) return setStatus({ kind: "error", text: t.refused("bad_request", "empty") });
    if (!session.client.send({ type: "cloudAnswer", cloud, text })) return setStatus({ kind: "error", text: t.offline });
    sending.current = true;
    setStatus({ kind: "sending" });
  };

  return (
    <form className="cloud__form" onSubmit={submit} data-cloud-form>
      {full ? (
        <p className="cloud__done" role="status">
          {t.done}
        </p>
      ) : (
        <>
          <label className="cloud__label" htmlFor={`${id}-text`}>
            {t.yourAnswer}
          </label>
          <div className="cloud__row">
            <input
              id={`${id}-text`}
              className="cloud__input"
              type="text"
              value={text}
              maxLength={ANSWER_TEXT_MAX * 4}
              autoComplete="off"
              enterKeyHint="send"
              aria-describedby={`${id}-hint`}
              disabled={!online}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit" className="demo__button" disabled={!online || status.kind === "sending"}>
              {status.kind === "sending" ? t.sending : t.send}
            </button>
          </div>
          <p className="cloud__hint" id={`${id}-hint`}>
            {t.hint(ANSWER_TEXT_MAX)} · {t.used(mine.length, ANSWERS_PER_PARTICIPANT)}
          </p>
        </>
      )}
      <p className={`cloud__feedback${status.kind === "error" ? " cloud__feedback--error" : ""}`} role="status" data-cloud-feedback>
        {status.kind === "error" ? status.text : ""}
      </p>
      {mine.length > 0 ? (
        <ul className="cloud__chips" aria-label={t.yours} data-cloud-mine>
          {mine.map((answer) => (
            <li key={answer} className="cloud__chip">
              {answer}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

/** The presenter's words: hide one from every screen, show a hidden one again, or start over. */
function Moderation({ session, definition, entry, words, online }: { session: LiveSession; definition: CloudDefinition; entry: CloudEntry; words: CloudWord[]; online: boolean }) {
  const t = useStrings(cloudStrings);
  const hidden = wordList(entry.hidden ?? {});
  const set = (key: string, isHidden: boolean) => session.client.send({ type: "cloudHide", cloud: definition.id, key, hidden: isHidden });
  return (
    <details className="cloud__moderate" data-cloud-moderate>
      <summary>{t.moderate(hidden.length)}</summary>
      <p className="demo__actions">
        <button type="button" className="demo__button" disabled={!online} onClick={() => session.client.send({ type: "cloud", action: "reset", cloud: definition })}>
          {t.reset}
        </button>
      </p>
      <WordRows words={words} label={t.hide} name={t.hideWord} disabled={!online} onPick={(word) => set(word.key, true)} />
      {hidden.length > 0 ? (
        <>
          <p className="cloud__hidden-title">{t.hiddenList}</p>
          <WordRows words={hidden} label={t.show} name={t.showWord} disabled={!online} onPick={(word) => set(word.key, false)} hidden />
        </>
      ) : null}
    </details>
  );
}

/** Words with their counts, each with a button (hide, or show again). */
function WordRows({ words, label, name, disabled, onPick, hidden = false }: { words: CloudWord[]; label: string; name: (word: string) => string; disabled: boolean; onPick: (word: CloudWord) => void; hidden?: boolean }) {
  return (
    <ul className="cloud__moderate-list" data-cloud-hidden={hidden ? "" : undefined}>
      {words.map((word) => (
        <li key={word.id}>
          <span>
            {word.text} <span className="cloud__count">{word.count}</span>
          </span>
          <button type="button" className="demo__button" disabled={disabled} aria-label={name(word.text)} onClick={() => onPick(word)}>
            {label}
          </button>
        </li>
      ))}
    </ul>
  );
}
