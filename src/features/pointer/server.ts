/**
 * The pointer's server: the presenter's laser and pen, relayed to every screen and phone.
 *
 * - `pointer` (the laser): not stored; the latest position goes out in the next `ink` frame.
 * - `stroke` (the pen): appended to its slide's strokes (StrokeBook: bounded, `ink_full` past a
 *   bound), stored before the frame that carries it, relayed as a piece.
 * - `clearStrokes`: the slide's strokes wiped, stored, relayed.
 *
 * Frames are coalesced per group: presenters and screens get one at most every INK_EVERY_MS (30 a
 * second), phones at most every phoneInkMs(phones) (30 a second up to ~300 phones, then slower so
 * the room's sends stay level). Like any feature message they skip a connection that is behind
 * (src/room/backlog.ts); when it catches up it gets the report again, whole, with every stroke.
 */
import { errorMessage } from "../../room/errors.ts";
import { defineFeature, type RoomLink } from "../../room/feature.ts";
import { POINTER_MESSAGES, type PointerAt, type PointerReport } from "./protocol.ts";
import { InkOutbox, phoneInkMs } from "./frames.ts";
import { INK_EVERY_MS, roundPoint } from "./rules.ts";
import { StrokeBook } from "./strokes.ts";

/** Storage key of the strokes (every slide's, one object: at most ROOM_POINTS_MAX points). */
const STROKES_KEY = "pointer:strokes";

export const pointer = defineFeature("pointer", POINTER_MESSAGES, (host) => {
  let book = new StrokeBook();
  let laser: PointerAt | null = null;
  let unsaved = false;

  /** One group of readers: what they have not been sent yet, and when they may be sent it. */
  const group = (links: () => RoomLink[], everyMs: () => number) => {
    const outbox = new InkOutbox();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let sentAt = Number.NEGATIVE_INFINITY;
    const flush = () => {
      timer = null;
      sentAt = host.now();
      persist();
      const texts = outbox.take().map((frame) => JSON.stringify(frame));
      for (const link of links()) for (const text of texts) host.send(link, text);
    };
    return {
      outbox,
      schedule() {
        if (timer !== null || outbox.empty) return;
        timer = setTimeout(flush, Math.max(0, sentAt + everyMs() - host.now()));
      },
    };
  };
  const watchers = group(() => [...host.presenters(), ...host.screens()], () => INK_EVERY_MS);
  const phones = group(() => host.audience().map(({ link }) => link), () => phoneInkMs(host.audience().length));
  const both = [watchers, phones];

  // Written just before the frame that shows it goes out: what a phone has seen is stored.
  function persist(): void {
    if (!unsaved) return;
    unsaved = false;
    host.storage.put({ [STROKES_KEY]: book.toJSON() }).catch((error: unknown) => console.error("pointer: put", error));
  }

  const report = (): PointerReport => ({ slides: book.toJSON(), pointer: laser });

  return {
    async load() {
      book = new StrokeBook(await host.storage.get(STROKES_KEY));
    },
    message(message, from) {
      switch (message.type) {
        case "pointer":
          laser = message.at ? { slide: message.slide, at: roundPoint(message.at) } : null;
          for (const { outbox } of both) outbox.point(message.slide, laser);
          break;
        case "stroke": {
          const added = book.add(message.slide, message.id, message.points);
          if ("full" in added) return host.send(from.link, errorMessage("ink_full", { ref: "stroke", detail: added.full }));
          unsaved = true;
          const stroke = book.strokesOf(message.slide).find(({ id }) => id === message.id)!;
          const points = stroke.points.slice(added.from);
          for (const { outbox } of both) outbox.piece(message.slide, message.id, added.from, points);
          break;
        }
        case "clearStrokes":
          if (!book.clear(message.slide)) return;
          unsaved = true;
          for (const { outbox } of both) outbox.clear(message.slide);
          break;
      }
      for (const each of both) each.schedule();
    },
    reset() {
      book.clearAll();
      laser = null;
      unsaved = true;
    },
    // Only on connect (and after a reset): the changes travel as `ink` frames, not as reports.
    report,
    audienceReport: report,
    persist,
    // The drawings themselves are the slides' business: the record says where the presenter drew, and how much.
    export: () => book.summary(),
  };
});
