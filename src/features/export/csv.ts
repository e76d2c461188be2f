/**
 * CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break. A UTF-8 byte-order mark in front makes Excel read accents and emoji
 * as UTF-8. Text cells that a spreadsheet would run as a formula (= + - @, tab, CR) get an
 * apostrophe in front: the audience wrote some of this text (CSV formula injection).
 */

export type Cell = string | number | boolean | null;

export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted and defused as needed. Numbers stay numbers (a negative one is not a formula). */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, then one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}
