/**
 * Text from the audience, as the room keeps it: well-formed, visible, one line, bounded. A room
 * of developers will send lone surrogates (which make an export invalid UTF-8), zero-width and tag
 * characters (blank or smuggled text), bidirectional overrides (a question that reads backwards on
 * the projector) and hundreds of stacked combining marks (one "character" taller than the
 * screen). Lengths count what a person sees: grapheme clusters.
 */

/**
 * Invisible or reordering characters, gone: controls (line breaks and tabs become spaces first),
 * format characters (zero-width, bidi controls, tags, BOM…) but the joiner inside an emoji
 * sequence, and the fillers that render blank (Hangul fillers, braille blank).
 */
const INVISIBLE = /[\p{Cc}\u115F\u1160\u2800\u3164\uFFA0]|(?!\u200D)\p{Cf}|(?<!\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
// Not \s: it counts the BOM as a space, which is an invisible character here.
const SPACES = /[\p{Zs}\t\n\v\f\r\u0085\u2028\u2029]+/gu;
/** Combining marks a character may carry: enough for any language (and a keycap emoji), not a tower. */
const MARKS_MAX = 4;
const STACKED_MARKS = new RegExp(`(\\p{M}{${MARKS_MAX}})\\p{M}+`, "gu");

export function audienceText(text: string): string {
  return text
    .toWellFormed()
    .normalize("NFC")
    .replace(SPACES, " ")
    .replace(INVISIBLE, "")
    .replace(STACKED_MARKS, "$1")
    .replace(SPACES, " ")
    .trim();
}

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/** How many characters a person sees in `text`. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}
