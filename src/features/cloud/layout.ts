/**
 * Where each word of a cloud goes: a deterministic placement that doesn't overlap and doesn't
 * jump. Pure (the browser passes a text measure in), so the tests can check it.
 *
 * - Size: by count on a square-root scale from `minPx` (the smallest, still readable from the back
 *   of the room) to `maxPx`, against the largest count rounded up to a power of two, so a word's
 *   size changes only when its own count does, or when the leader doubles.
 * - Place: words in the order they first appeared; each keeps the centre it had before while it
 *   still fits there (inside the box, clear of the words already placed); otherwise, and the first
 *   time, it takes the first free spot on an Archimedean spiral out from the box's centre.
 * - When not every word fits, the largest size shrinks (never the smallest) and the cloud is laid
 *   out again; words that fit nowhere even then are left out (the list beside the cloud has them).
 */

export interface LayoutWord {
  id: string;
  text: string;
  count: number;
  /** Order of first appearance. */
  order: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A placed word: its centre, its box and its font size, in px. */
export interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
  fontPx: number;
}

export interface LayoutOptions {
  box: Size;
  minPx: number;
  maxPx: number;
  /** How wide and tall `text` is at `fontPx`. */
  measure: (text: string, fontPx: number) => Size;
  /** Where each word was before (by id), to keep it there. */
  previous?: ReadonlyMap<string, Pick<Placed, "x" | "y">> | undefined;
  /** Space kept around each word, in px. */
  gap?: number;
}

export interface Layout {
  placed: Map<string, Placed>;
  /** Ids that found no room. */
  left: string[];
  /** The largest font size used (≤ maxPx). */
  maxPx: number;
}

const SHRINK = 0.85;
/** Spiral: radius grows by this many px per turn… */
const TURN_PX = 6;
/** …and this many points per turn are tried. */
const POINTS_PER_TURN = 36;

/** Font size for a count, given the leader's count. */
export function fontSize(count: number, leader: number, minPx: number, maxPx: number): number {
  let reference = 2;
  while (reference < leader) reference *= 2;
  const t = Math.sqrt(Math.max(0, count - 1) / (reference - 1));
  return minPx + (maxPx - minPx) * Math.min(1, t);
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function rectAt(x: number, y: number, size: Size, gap: number): Rect {
  return { left: x - size.width / 2 - gap, top: y - size.height / 2 - gap, right: x + size.width / 2 + gap, bottom: y + size.height / 2 + gap };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function fits(rect: Rect, box: Size, taken: readonly Rect[], gap: number): boolean {
  if (rect.left + gap < 0 || rect.top + gap < 0 || rect.right - gap > box.width || rect.bottom - gap > box.height) return false;
  return taken.every((other) => !overlaps(rect, other));
}

function attempt(words: readonly LayoutWord[], options: LayoutOptions, maxPx: number): Layout {
  const { box, minPx, measure, previous } = options;
  const gap = options.gap ?? 4;
  const leader = Math.max(1, ...words.map((word) => word.count));
  const placed = new Map<string, Placed>();
  const taken: Rect[] = [];
  const left: string[] = [];
  const cx = box.width / 2;
  const cy = box.height / 2;
  // The spiral is stretched to the box's shape, so a wide projector fills sideways.
  const aspect = box.width / Math.max(1, box.height);
  const maxRadius = Math.hypot(box.width, box.height) / 2;
  for (const word of [...words].sort((a, b) => a.order - b.order)) {
    const fontPx = fontSize(word.count, leader, minPx, maxPx);
    const size = measure(word.text, fontPx);
    const before = previous?.get(word.id);
    let spot: { x: number; y: number } | null = null;
    if (before && fits(rectAt(before.x, before.y, size, gap / 2), box, taken, gap / 2)) spot = before;
    for (let i = 0; !spot; i++) {
      const angle = (i / POINTS_PER_TURN) * 2 * Math.PI;
      const radius = (TURN_PX * i) / POINTS_PER_TURN;
      if (radius > maxRadius) break;
      const x = cx + radius * Math.cos(angle) * Math.sqrt(aspect);
      const y = cy + (radius * Math.sin(angle)) / Math.sqrt(aspect);
      if (fits(rectAt(x, y, size, gap / 2), box, taken, gap / 2)) spot = { x, y };
    }
    if (!spot) {
      left.push(word.id);
      continue;
    }
    taken.push(rectAt(spot.x, spot.y, size, gap / 2));
    placed.set(word.id, { x: spot.x, y: spot.y, width: size.width, height: size.height, fontPx });
  }
  return { placed, left, maxPx };
}

/** The cloud's layout (see the module's comment). */
export function layoutCloud(words: readonly LayoutWord[], options: LayoutOptions): Layout {
  let maxPx = Math.max(options.minPx, options.maxPx);
  for (;;) {
    const layout = attempt(words, options, maxPx);
    if (layout.left.length === 0 || maxPx <= options.minPx) return layout;
    maxPx = Math.max(options.minPx, maxPx * SHRINK);
  }
}

/** A rough measure for where no canvas is (tests, the server): average glyph widths of a bold sans. */
export function estimateSize(text: string, fontPx: number): Size {
  return { width: [...text].length * fontPx * 0.6, height: fontPx * 1.15 };
}
