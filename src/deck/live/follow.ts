import type { Deck } from "../controllers/deck.ts";
import { samePosition, type Position } from "../position.ts";
import type { RoomClient } from "../../live/room.ts";

function roomPosition(client: RoomClient): Position | null {
  const state = client.get().view?.state;
  return state ? { slide: state.slide, step: state.step } : null;
}

/**
 * Presenter: every move of this deck goes to the room, and moves made on another presenter
 * device (a phone as remote) come back into it. The room's position wins on (re)connect, so a
 * reloaded presenter page resumes where the talk was. The room echoes our own moves back; those
 * echoes are recognised and skipped, or quick key presses would be pulled back to older slides.
 */
export function drivePresenter(deck: Deck, client: RoomClient): void {
  let applying = false;
  let unconfirmed: Position[] = [];
  let seen: Position | null = null;

  deck.onMove((position) => {
    if (applying || (seen && samePosition(seen, position))) return;
    if (client.send({ type: "goto", ...position })) unconfirmed.push(position);
  });
  client.subscribe(() => {
    const live = roomPosition(client);
    if (!live || (seen && samePosition(live, seen))) return; // not a move (presence, timer…)
    seen = live;
    const echo = unconfirmed.findIndex((sent) => samePosition(sent, live));
    if (echo >= 0) {
      unconfirmed = unconfirmed.slice(echo + 1);
      return;
    }
    unconfirmed = [];
    if (samePosition(live, deck.position())) return;
    applying = true;
    deck.go(live);
    applying = false;
  });
}

/** Moves the deck to the room's position when it is elsewhere; `applying` tells the deck's listeners the move is the room's. */
function roomFollower(deck: Deck, client: RoomClient): { catchUp(): void; applying(): boolean } {
  let applying = false;
  return {
    catchUp() {
      const position = roomPosition(client);
      if (!position || samePosition(position, deck.position())) return;
      applying = true;
      deck.go(position);
      applying = false;
    },
    applying: () => applying,
  };
}

/**
 * The projector's window: the deck shows the room's position, always. Nothing in the window moves
 * it (boot.ts gives it no keys, swipes or links); a move from anywhere else is undone at once, so
 * it has no "off live" state to come back from.
 */
export function mirrorPresenter(deck: Deck, client: RoomClient): void {
  const follower = roomFollower(deck, client);
  client.subscribe(follower.catchUp);
  deck.onMove(() => {
    if (!follower.applying()) queueMicrotask(follower.catchUp);
  });
}

/**
 * Audience: the deck follows the presenter while "live". Browsing on one's own (keys, swipes,
 * overview) leaves live mode until "back to live" (or a move back onto the live position).
 */
export function followPresenter(deck: Deck, client: RoomClient, onLiveChange: (live: boolean) => void): () => void {
  let live = true;
  const follower = roomFollower(deck, client);
  const setLive = (value: boolean) => {
    if (value === live) return;
    live = value;
    onLiveChange(live);
  };

  deck.onMove((position) => {
    if (follower.applying()) return;
    const position_ = roomPosition(client);
    setLive(position_ !== null && samePosition(position_, position));
  });
  client.subscribe(() => {
    if (live) follower.catchUp();
  });
  onLiveChange(live);

  return () => {
    setLive(true);
    follower.catchUp();
  };
}
