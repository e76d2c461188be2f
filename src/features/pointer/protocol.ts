/**
 * The presenter's pointer and pen, on every screen. The presenter's page sends where its laser
 * points (`pointer`, coalesced to ≤ 30 a second) and what its pen draws (`stroke`, a stroke sent in
 * pieces while it is drawn; `clearStrokes` wipes a slide). Coordinates are in slide space: x and y
 * in 0..1 of the slide's 16:9 box, so a projector and a phone agree whatever their size.
 *
 * The room relays them in `ink` frames (src/room/wire.ts), coalesced per group of readers, keeps
 * the strokes per slide (bounded, stored), and reports every slide's strokes whole to whoever
 * connects (the `pointer` report): a phone that joins late or reloads sees what was drawn.
 */
import * as v from "valibot";
import { Int, message, type MessagesOf } from "../../room/messages.ts";
import { SLIDE_MAX } from "../../room/protocol.ts";

/** Coordinates travel with this many decimals: 1/1000 of a slide is 2 px on a 1920-px projector. */
export const COORD_DECIMALS = 3;
/** Points in one `stroke` message: ~33 ms of drawing is a handful; a frame stays far below 4 KB. */
export const PIECE_POINTS_MAX = 64;
/** Points in one stroke: a longer line is carried on as a new stroke (the presenter's page does). */
export const STROKE_POINTS_MAX = 300;
/** Strokes on one slide. */
export const SLIDE_STROKES_MAX = 40;
/** Points on every slide together: what a phone that joins is sent at most (~56 KB of JSON). */
export const ROOM_POINTS_MAX = 4000;
/** A stroke's id, chosen by the presenter's page (a random integer: two devices don't collide). */
export const STROKE_ID_MAX = 2 ** 31 - 1;

/** One coordinate: a finite number in [0, 1] (NaN and ±Infinity are not numbers here). */
export const CoordSchema = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));
/** A point of the slide: [x, y], each 0..1 of the slide box's width and height. */
export const PointSchema = v.strictTuple([CoordSchema, CoordSchema]);
export type Point = [x: number, y: number];

export const POINTER_MESSAGES = {
  /** Presenter: the laser points here on `slide` (`at` null: the laser is off). */
  pointer: { schema: message("pointer", { slide: Int(0, SLIDE_MAX), at: v.nullable(PointSchema) }), from: "presenter" },
  /** Presenter: more points of stroke `id` on `slide` (a new id starts a stroke). */
  stroke: {
    schema: message("stroke", {
      slide: Int(0, SLIDE_MAX),
      id: Int(1, STROKE_ID_MAX),
      points: v.pipe(v.array(PointSchema), v.minLength(1), v.maxLength(PIECE_POINTS_MAX)),
    }),
    from: "presenter",
  },
  /** Presenter: wipe every stroke of `slide`. */
  clearStrokes: { schema: message("clearStrokes", { slide: Int(0, SLIDE_MAX) }), from: "presenter" },
} as const;

export interface Stroke {
  id: number;
  points: Point[];
}

/** Where the laser points now, or null when it is off. */
export interface PointerAt {
  slide: number;
  at: Point;
}

/** What everyone is sent on connect (and after a reset): every slide's strokes, and the laser. */
export interface PointerReport {
  /** Slide index (as a string: JSON keys) → its strokes, oldest first; slides without any are absent. */
  slides: Record<string, Stroke[]>;
  pointer: PointerAt | null;
}

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof POINTER_MESSAGES> {}
  interface FeatureReports {
    pointer: PointerReport;
  }
}
