/**
 * The `ink` frames: what the room coalesces for each group of readers, how often a phone may get one,
 * and how a screen folds them into what it draws. Pure, like the rest of the pointer's rules.
 */
import type { InkFrame, InkPiece } from "../../room/wire.ts";
import type { Point, PointerAt, PointerReport } from "./protocol.ts";
import { INK_EVERY_MS, PHONE_FRAMES_PER_SECOND } from "./rules.ts";

/**
 * What happened since the last `ink` frames went to one group of readers: the laser's latest
 * position, new points per stroke, wipes. Taken as frames at most every so often, one per slide
 * touched: a laser moved 300 times in a window is one position; a clear drops the pieces before it.
 */
export class InkOutbox {
  private pointer: { at: PointerAt | null; slide: number } | null = null;
  private readonly slides = new Map<number, { clear: boolean; pieces: InkPiece[] }>();

  private slideOf(slide: number) {
    let pending = this.slides.get(slide);
    if (!pending) this.slides.set(slide, (pending = { clear: false, pieces: [] }));
    return pending;
  }

  point(slide: number, at: PointerAt | null): void {
    this.pointer = { at, slide };
  }

  piece(slide: number, id: number, from: number, points: readonly Point[]): void {
    const pending = this.slideOf(slide);
    const last = pending.pieces.at(-1);
    // Pieces of one stroke in a row merge: one frame carries the window's points of each stroke.
    if (last && last.id === id && last.from + last.points.length === from) last.points.push(...points);
    else pending.pieces.push({ id, from, points: [...points] });
  }

  clear(slide: number): void {
    const pending = this.slideOf(slide);
    pending.clear = true;
    pending.pieces = [];
  }

  get empty(): boolean {
    return this.pointer === null && this.slides.size === 0;
  }

  /** The frames for this window, and the outbox emptied. */
  take(): InkFrame[] {
    const frames = new Map<number, InkFrame>();
    for (const [slide, { clear, pieces }] of this.slides) {
      const frame: InkFrame = { type: "ink", slide };
      if (clear) frame.clear = true;
      if (pieces.length > 0) frame.pieces = pieces;
      frames.set(slide, frame);
    }
    if (this.pointer) {
      const { at, slide } = this.pointer;
      const frame = frames.get(slide) ?? { type: "ink", slide };
      frame.pointer = at ? at.at : null;
      frames.set(slide, frame);
    }
    this.slides.clear();
    this.pointer = null;
    return [...frames.values()];
  }
}

/** How often one phone gets ink frames with `phones` phones in the room: 30 a second, slower past PHONE_FRAMES_PER_SECOND in all. */
export function phoneInkMs(phones: number): number {
  return Math.max(INK_EVERY_MS, Math.ceil((phones * 1000) / PHONE_FRAMES_PER_SECOND));
}

/**
 * What a screen draws: every slide's strokes and the laser, from the report (whole) and the
 * `ink` frames (folded in). Folding is idempotent: a piece says where it starts in its stroke, so
 * one seen twice (in the report and in a frame) writes the same points again.
 */
export class InkModel {
  private slides = new Map<number, Map<number, Point[]>>();
  pointer: PointerAt | null = null;

  /** A report: everything, replacing what was known. */
  load(report: PointerReport): void {
    this.slides = new Map();
    for (const [key, strokes] of Object.entries(report.slides)) {
      this.slides.set(Number(key), new Map(strokes.map(({ id, points }) => [id, [...points]])));
    }
    this.pointer = report.pointer;
  }

  fold(frame: InkFrame): void {
    if (frame.clear) this.slides.delete(frame.slide);
    for (const piece of frame.pieces ?? []) this.write(frame.slide, piece.id, piece.from, piece.points);
    if (frame.pointer !== undefined) this.pointer = frame.pointer ? { slide: frame.slide, at: frame.pointer } : null;
  }

  /** Points of stroke `id` from index `from` on (a stroke this device draws writes here too). */
  write(slide: number, id: number, from: number, points: readonly Point[]): void {
    let strokes = this.slides.get(slide);
    if (!strokes) this.slides.set(slide, (strokes = new Map()));
    const stroke = strokes.get(id) ?? [];
    strokes.set(id, stroke);
    // A gap (a piece missed) can't be filled: the points go on after what is known.
    const start = Math.min(from, stroke.length);
    points.forEach((point, i) => (stroke[start + i] = point));
  }

  clear(slide: number): void {
    this.slides.delete(slide);
  }

  strokes(slide: number): Point[][] {
    return [...(this.slides.get(slide)?.values() ?? [])];
  }
}
