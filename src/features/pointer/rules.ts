/**
 * The presenter's side of the pointer and pen, pure (the caller passes the clock), so the tests can
 * move a laser 300 times in a millisecond: coordinates in slide space, the throttle, and a stroke
 * cut into pieces. The room's strokes are in strokes.ts, its frames and how a screen folds them in
 * frames.ts.
 */
import { COORD_DECIMALS, STROKE_POINTS_MAX, type Point } from "./protocol.ts";

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
