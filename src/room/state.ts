/**
 * The room's public state and its pure transitions, shared by the server (which owns it) and
 * the browser (which mirrors it). "Sync state, not events": the server sends a snapshot on
 * connect, then deltas numbered by `seq`; a client that misses one asks for a new snapshot.
 */

/**
 * The talk clock, stored as a start instant plus what was accumulated before it, never as a
 * ticking number: every device computes the same reading from it, so clocks cannot drift.
 */
export interface TimerState {
  /** Server time (ms since the epoch) when the timer was last started; null while stopped. */
  startedAt: number | null;
  /** Milliseconds counted before `startedAt` (all earlier runs). */
  elapsed: number;
}

/**
 * The poll on screen, as everyone sees it: its question and options (as the slide declares them),
 * whether it takes votes, and the ballots per option. Polls' rules live in src/features/polls/.
 */
export interface PollView {
  id: string;
  question: string;
  options: string[];
  open: boolean;
  /** Ballots per option, in the options' order. */
  counts: number[];
  total: number;
}

/** Everything anyone in the room may see. Never the presenter key nor its hash. */
export interface PublicState {
  code: string;
  slide: number;
  step: number;
  presenterOnline: boolean;
  /** Unique participant ids among the audience's connections (two tabs of one phone count once). */
  audience: number;
  timer: TimerState;
  /** The poll on screen (the last one the presenter showed, opened or closed), or none yet. */
  poll: PollView | null;
  /**
   * The big "how to join" card (QR, address, code) on the projector and the presenter's stage:
   * shown or hidden by the presenter on this slide, or null for the slide's own choice (the
   * opening slides show it). A new slide clears it.
   */
  joinCard: boolean | null;
  /** The small corner badge with the room's code, on every slide without the card. */
  joinBadge: boolean;
}

/**
 * A delta's payload: the top-level fields that changed, each with its new value (`timer` whole).
 * `| undefined` so the type parsed off the wire (valibot's partial) fits; undefined means absent.
 */
export type StateChanges = { [K in keyof PublicState]?: PublicState[K] | undefined };

/** A state together with the number of the last change it includes: what server and clients hold. */
export interface RoomView {
  seq: number;
  state: PublicState;
}

/** The part of a delta message that `applyDelta` needs. */
export interface Delta {
  seq: number;
  changes: StateChanges;
}

export type TimerAction = "start" | "pause" | "reset";

export function initialState(code: string): PublicState {
  return {
    code,
    slide: 0,
    step: 0,
    presenterOnline: false,
    audience: 0,
    timer: { startedAt: null, elapsed: 0 },
    poll: null,
    joinCard: null,
    joinBadge: true,
  };
}

/**
 * The room trusts the presenter's browser to clamp to the deck: it doesn't know the step counts.
 * The join card shown or hidden on one slide goes back to the next slide's own choice.
 */
export function goto(state: PublicState, position: { slide: number; step: number }): PublicState {
  const joinCard = position.slide === state.slide ? state.joinCard : null;
  return { ...state, slide: position.slide, step: position.step, joinCard };
}

export type JoinPart = "card" | "badge";

/** The presenter shows or hides the join card (on this slide) or the corner badge (on every slide). */
export function showJoin(state: PublicState, part: JoinPart, shown: boolean): PublicState {
  if (part === "card") return state.joinCard === shown ? state : { ...state, joinCard: shown };
  return state.joinBadge === shown ? state : { ...state, joinBadge: shown };
}

/**
 * What the projector shows of how to join: the card when the presenter asked for it on this slide
 * (or, unasked, when the slide is an opening one), otherwise the badge unless the presenter hid it.
 */
export function joinShown(state: Pick<PublicState, "joinCard" | "joinBadge">, openingSlide: boolean): { card: boolean; badge: boolean } {
  const card = state.joinCard ?? openingSlide;
  return { card, badge: !card && state.joinBadge };
}

/** Starting a running timer changes nothing (a second remote pressing start must not reset it). */
export function startTimer(state: PublicState, now: number): PublicState {
  if (state.timer.startedAt !== null) return state;
  return { ...state, timer: { startedAt: now, elapsed: state.timer.elapsed } };
}

export function pauseTimer(state: PublicState, now: number): PublicState {
  const { startedAt, elapsed } = state.timer;
  if (startedAt === null) return state;
  // Never subtract time if the clock stepped backwards between start and pause.
  return { ...state, timer: { startedAt: null, elapsed: elapsed + Math.max(0, now - startedAt) } };
}

/** Reset stops the clock as well as zeroing it: "start" is a separate, deliberate action. */
export function resetTimer(state: PublicState): PublicState {
  const { startedAt, elapsed } = state.timer;
  if (startedAt === null && elapsed === 0) return state;
  return { ...state, timer: { startedAt: null, elapsed: 0 } };
}

export function applyTimerAction(state: PublicState, action: TimerAction, now: number): PublicState {
  switch (action) {
    case "start":
      return startTimer(state, now);
    case "pause":
      return pauseTimer(state, now);
    case "reset":
      return resetTimer(state);
  }
}

/** The clock's reading at `now` (server time: clients add their measured clock offset first). */
export function timerElapsed(timer: TimerState, now: number): number {
  return timer.elapsed + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));
}

export interface Presence {
  audience: number;
  presenterOnline: boolean;
}

export function setPresence(state: PublicState, presence: Presence): PublicState {
  if (state.audience === presence.audience && state.presenterOnline === presence.presenterOnline) return state;
  return { ...state, audience: presence.audience, presenterOnline: presence.presenterOnline };
}

export function samePollView(a: PollView | null, b: PollView | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.open === b.open &&
    a.question === b.question &&
    a.total === b.total &&
    a.options.length === b.options.length &&
    a.options.every((option, i) => option === b.options[i] && a.counts[i] === b.counts[i])
  );
}

function sameTimer(a: TimerState, b: TimerState): boolean {
  return a.startedAt === b.startedAt && a.elapsed === b.elapsed;
}

/** The fields of `after` that differ from `before`, with their new values. */
export function diffState(before: PublicState, after: PublicState): StateChanges {
  const changes: StateChanges = {};
  if (before.code !== after.code) changes.code = after.code;
  if (before.slide !== after.slide) changes.slide = after.slide;
  if (before.step !== after.step) changes.step = after.step;
  if (before.presenterOnline !== after.presenterOnline) changes.presenterOnline = after.presenterOnline;
  if (before.audience !== after.audience) changes.audience = after.audience;
  if (!sameTimer(before.timer, after.timer)) changes.timer = { ...after.timer };
  if (!samePollView(before.poll, after.poll)) changes.poll = after.poll;
  if (before.joinCard !== after.joinCard) changes.joinCard = after.joinCard;
  if (before.joinBadge !== after.joinBadge) changes.joinBadge = after.joinBadge;
  return changes;
}

/**
 * Server side: move `view` to `next`. Returns the new view and the delta to broadcast, or null
 * when nothing changed, so a no-op (a repeated goto) costs no sequence number and no broadcast.
 */
export function commit(view: RoomView, next: PublicState): { view: RoomView; delta: Delta } | null {
  const changes = diffState(view.state, next);
  if (Object.keys(changes).length === 0) return null;
  const seq = view.seq + 1;
  return { view: { seq, state: next }, delta: { seq, changes } };
}

/**
 * Client side: true when `delta` is not the very next change after `view` (one was lost, or the
 * view is not from this room's current run). The client then sends `{"type":"sync"}` and waits
 * for the snapshot, ignoring deltas until it arrives.
 */
export function needsSnapshot(view: RoomView, delta: Pick<Delta, "seq">): boolean {
  return delta.seq !== view.seq + 1;
}

/**
 * Client side: the view after `delta`. A delta that doesn't follow `view` directly is not
 * applied (that would mix two histories): the view comes back unchanged, and `needsSnapshot`
 * tells the caller to resync.
 */
export function applyDelta(view: RoomView, delta: Delta): RoomView {
  if (needsSnapshot(view, delta)) return view;
  const { code, slide, step, presenterOnline, audience, timer, poll, joinCard, joinBadge } = delta.changes;
  const state: PublicState = { ...view.state, timer: { ...view.state.timer } };
  if (code !== undefined) state.code = code;
  if (slide !== undefined) state.slide = slide;
  if (step !== undefined) state.step = step;
  if (presenterOnline !== undefined) state.presenterOnline = presenterOnline;
  if (audience !== undefined) state.audience = audience;
  if (timer !== undefined) state.timer = { startedAt: timer.startedAt, elapsed: timer.elapsed };
  if (poll !== undefined) state.poll = poll;
  if (joinCard !== undefined) state.joinCard = joinCard;
  if (joinBadge !== undefined) state.joinBadge = joinBadge;
  return { seq: delta.seq, state };
}
