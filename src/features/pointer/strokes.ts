/** The strokes the room keeps for each slide, within its bounds (pure: the tests fill a room in a millisecond). */
import { ROOM_POINTS_MAX, SLIDE_STROKES_MAX, STROKE_POINTS_MAX, type Point, type Stroke } from "./protocol.ts";
import { isCoord, roundPoint } from "./rules.ts";

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
