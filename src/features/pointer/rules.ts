/**
 * The pointer's and pen's rules, pure (the caller passes the clock), so the tests can move a
 * laser 300 times in a millisecond: coordinates in slide space, the presenter's throttle and
 * stroke pieces, the room's bounded strokes per slide and its coalesced `ink` frames, and how a
 * screen folds those frames into what it draws.
 */
import type { InkFrame, InkPiece } from "../../room/wire.ts";
import { COORD_DECIMALS, ROOM_POINTS_MAX, SLIDE_STROKES_MAX, STROKE_POINTS_MAX, type Point, type PointerAt, type PointerReport, type Stroke } from "./protocol.ts";

/** At most 30 a second: the laser's positions, a stroke's pieces, the room's frames. */
export const INK_EVERY_MS = 34;
/**
 * Frames a second the room spends on the phones' ink, at most: past ~300 phones each phone's
 * pace slows so the room's sends stay level (1,000 phones: a frame every 100 ms each).
 */
export const PHONE_FRAMES_PER_SECOND = 10_000;
/** Pen points closer than this to the previous one are dropped (1/250 of the slide: ~8 px on a projector). */
export const MIN_STEP = 0.004;

const SCALE = 10 ** COORD_DECIMALS;

/** A coordinate as it travels: rounded to COORD_DECIMALS. */
export function roundCoord(value: number): number {
  return Math.round(value * SCALE) / SCALE;
}

export function roundPoint([x, y]: Point): Point {
  return [roundCoord(x), roundCoord(y)];
}

/** True for a coordinate the room accepts: a finite number in [0, 1]. */
export function isCoord(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a pointer at (clientX, clientY) is on the slide box, rounded; null outside it (or for an
 * empty box). `clamp` brings a point just outside back to the edge (a pen stroke that leaves the
 * slide keeps its line along the border instead of breaking).
 */
export function slidePoint(clientX: number, clientY: number, box: Box, clamp = false): Point | null {
  if (!(box.width > 0 && box.height > 0)) return null;
  let x = (clientX - box.left) / box.width;
  let y = (clientY - box.top) / box.height;
  if (clamp) {
    x = Math.min(1, Math.max(0, x));
    y = Math.min(1, Math.max(0, y));
  }
  if (!isCoord(x) || !isCoord(y)) return null;
  return roundPoint([x, y]);
}

/**
 * Keeps only the latest value offered and lets one out at most every `everyMs`: a laser moved 300
 * times in a second goes out 30 times, and the last position always goes.
 */
export class Throttle<T> {
  private pending: { value: T } | null = null;
  private sentAt = Number.NEGATIVE_INFINITY;
  private readonly everyMs: number;

  constructor(everyMs = INK_EVERY_MS) {
    this.everyMs = everyMs;
  }

  offer(value: T): void {
    this.pending = { value };
  }

  /** How long until the pending value may go (0: now); null when none waits. */
  wait(now: number): number | null {
    if (!this.pending) return null;
    return Math.max(0, this.sentAt + this.everyMs - now);
  }

  /** The value to send now, if one waits and it is time; it is then sent. */
  take(now: number): { value: T } | null {
    if (this.wait(now) !== 0) return null;
    const taken = this.pending;
    this.pending = null;
    this.sentAt = now;
    return taken;
  }
}

function distance([ax, ay]: Point, [bx, by]: Point): number {
  return Math.hypot(ax - bx, ay - by);
}

/**
 * The points of `points` worth sending after `last` (the stroke's previous kept point, if any):
 * rounded, and none closer than `minStep` to the one kept before it. A hand that rests makes no
 * points; a fast line keeps every sample.
 */
export function simplify(points: readonly Point[], last: Point | null, minStep = MIN_STEP): Point[] {
  const kept: Point[] = [];
  let previous = last;
  for (const point of points) {
    const rounded = roundPoint(point);
    if (previous && distance(previous, rounded) < minStep) continue;
    kept.push(rounded);
    previous = rounded;
  }
  return kept;
}

/** The stroke being drawn, and how many of its points were already queued. */
interface Drawn {
  id: number;
  slide: number;
  sent: number;
  points: Point[];
}

/**
 * The presenter's pen: the stroke being drawn, its points kept after `simplify`, and the piece
 * not sent yet (out at most every INK_EVERY_MS). A stroke that reaches STROKE_POINTS_MAX goes on
 * as a new stroke from its last point, so a long line never hits the room's bound.
 */
export class Pen {
  private stroke: Drawn | null = null;
  private pieces: Array<{ slide: number; id: number; points: Point[] }> = [];
  private sentAt = Number.NEGATIVE_INFINITY;
  private readonly newId: () => number;
  private readonly everyMs: number;

  constructor(newId: () => number, everyMs = INK_EVERY_MS) {
    this.newId = newId;
    this.everyMs = everyMs;
  }

  /** The stroke being drawn (what the presenter's stage shows before the room echoes it). */
  get current(): { slide: number; id: number; points: readonly Point[] } | null {
    return this.stroke;
  }

  begin(slide: number, point: Point): void {
    this.end();
    this.stroke = { id: this.newId(), slide, sent: 0, points: [roundPoint(point)] };
  }

  /** More samples of the stroke being drawn (a pointermove's coalesced events). */
  move(points: readonly Point[]): void {
    if (!this.stroke) return;
    for (const point of simplify(points, this.stroke.points.at(-1) ?? null)) {
      let stroke: Drawn = this.stroke;
      if (stroke.points.length >= STROKE_POINTS_MAX) {
        this.queue();
        stroke = this.stroke = { id: this.newId(), slide: stroke.slide, sent: 0, points: [stroke.points.at(-1)!] };
      }
      stroke.points.push(point);
    }
  }

  /** The stroke is finished: what is left of it goes with the next piece. */
  end(): void {
    this.queue();
    this.stroke = null;
  }

  /** Moves the stroke's unsent points into the queue of pieces. */
  private queue(): void {
    const stroke = this.stroke;
    if (!stroke || stroke.sent === stroke.points.length) return;
    this.pieces.push({ slide: stroke.slide, id: stroke.id, points: stroke.points.slice(stroke.sent) });
    stroke.sent = stroke.points.length;
  }

  /** How long until pieces may go (0: now); null when nothing waits. */
  wait(now: number): number | null {
    const stroke = this.stroke;
    if (this.pieces.length === 0 && (!stroke || stroke.sent === stroke.points.length)) return null;
    return Math.max(0, this.sentAt + this.everyMs - now);
  }

  /** The pieces to send now (each ≤ PIECE_POINTS_MAX points), oldest first; empty when it is too soon. */
  take(now: number, pieceMax: number): Array<{ slide: number; id: number; points: Point[] }> {
    if (this.wait(now) !== 0) return [];
    this.queue();
    const out: Array<{ slide: number; id: number; points: Point[] }> = [];
    for (const piece of this.pieces.splice(0)) {
      for (let i = 0; i < piece.points.length; i += pieceMax) out.push({ ...piece, points: piece.points.slice(i, i + pieceMax) });
    }
    this.sentAt = now;
    return out;
  }
}

/** Why the room refused a stroke's points: one of the bounds (the `ink_full` error's detail). */
export type InkFull = "stroke_points" | "slide_strokes" | "room_points";

/**
 * The room's strokes, per slide, within the bounds: STROKE_POINTS_MAX points a stroke,
 * SLIDE_STROKES_MAX strokes a slide, ROOM_POINTS_MAX points in all (what a phone that joins gets).
 */
export class StrokeBook {
  private readonly slides = new Map<number, Stroke[]>();
  private points = 0;

  constructor(stored?: unknown) {
    if (stored) this.restore(stored);
  }

  /** Appends `points` to stroke `id` of `slide` (a new id starts one): where they start in it, or why not. */
  add(slide: number, id: number, points: readonly Point[]): { from: number } | { full: InkFull } {
    const strokes = this.slides.get(slide) ?? [];
    const stroke = strokes.find((candidate) => candidate.id === id);
    if (!stroke && strokes.length >= SLIDE_STROKES_MAX) return { full: "slide_strokes" };
    if ((stroke?.points.length ?? 0) + points.length > STROKE_POINTS_MAX) return { full: "stroke_points" };
    if (this.points + points.length > ROOM_POINTS_MAX) return { full: "room_points" };
    const rounded = points.map(roundPoint);
    this.points += rounded.length;
    if (stroke) {
      const from = stroke.points.length;
      stroke.points.push(...rounded);
      return { from };
    }
    strokes.push({ id, points: rounded });
    this.slides.set(slide, strokes);
    return { from: 0 };
  }

  /** Wipes `slide`; false when it had nothing. */
  clear(slide: number): boolean {
    const strokes = this.slides.get(slide);
    if (!strokes) return false;
    for (const stroke of strokes) this.points -= stroke.points.length;
    this.slides.delete(slide);
    return true;
  }

  clearAll(): void {
    this.slides.clear();
    this.points = 0;
  }

  strokesOf(slide: number): readonly Stroke[] {
    return this.slides.get(slide) ?? [];
  }

  get totalPoints(): number {
    return this.points;
  }

  /** Every slide's strokes, as the report and the storage carry them (slides in order). */
  toJSON(): Record<string, Stroke[]> {
    const out: Record<string, Stroke[]> = {};
    for (const slide of [...this.slides.keys()].sort((a, b) => a - b)) out[slide] = this.slides.get(slide)!.map(({ id, points }) => ({ id, points: [...points] }));
    return out;
  }

  /** For the results export: each slide drawn on (its number, from 1), its strokes and points. */
  summary(): Array<{ id: number; strokes: number; points: number }> {
    return [...this.slides.keys()]
      .sort((a, b) => a - b)
      .map((slide) => {
        const strokes = this.slides.get(slide)!;
        return { id: slide + 1, strokes: strokes.length, points: strokes.reduce((sum, stroke) => sum + stroke.points.length, 0) };
      });
  }

  /** Strokes read back from storage: anything malformed, or past a bound, is left out. */
  private restore(stored: unknown): void {
    if (typeof stored !== "object" || stored === null) return;
    for (const [key, strokes] of Object.entries(stored)) {
      const slide = Number(key);
      if (!Number.isSafeInteger(slide) || slide < 0 || !Array.isArray(strokes)) continue;
      for (const stroke of strokes as unknown[]) {
        if (typeof stroke !== "object" || stroke === null) continue;
        const { id, points } = stroke as { id?: unknown; points?: unknown };
        if (typeof id !== "number" || !Number.isSafeInteger(id) || !Array.isArray(points) || points.length === 0) continue;
        if (!points.every((point) => Array.isArray(point) && point.length === 2 && isCoord(point[0]) && isCoord(point[1]))) continue;
        this.add(slide, id, points as Point[]);
      }
    }
  }
}

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
