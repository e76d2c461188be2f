/**
 * The presenter's results download: everything the audience produced in a room (each feature's
 * export, polls first), as one JSON document or as one flat table for a spreadsheet.
 */
import type { PollView } from "../polls/rules.ts";
import { defaultLocale, isLocale, type Locale } from "../../i18n/locales.ts";
import type { Cell } from "./csv.ts";
import { exportStrings } from "./strings.ts";

export const EXPORT_FORMATS = ["json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RoomResults {
  room: string;
  /** ISO 8601, UTC. */
  exportedAt: string;
  polls: PollView[];
  /** Each feature's export (reactions, questions, …), by feature name. */
  [module: string]: unknown;
}

/** A poll's export, as the polls feature gives it (checked: the export's data is each feature's own). */
function isPollView(value: unknown): value is PollView {
  if (typeof value !== "object" || value === null) return false;
  const poll = value as Partial<Record<keyof PollView, unknown>>;
  return typeof poll.id === "string" && typeof poll.question === "string" && Array.isArray(poll.options) && Array.isArray(poll.counts) && typeof poll.total === "number";
}

/** `features`: each feature's export by name (polls among them). */
export function buildResults(room: string, exportedAt: number, features: Readonly<Record<string, unknown>>): RoomResults {
  const { polls, ...rest } = features;
  const views = Array.isArray(polls) ? polls.filter(isPollView) : [];
  return {
    ...rest,
    room,
    exportedAt: new Date(exportedAt).toISOString(),
    polls: views.map(({ id, question, options, counts, total, open }) => ({ id, question, options, counts, total, open })),
  };
}

/** `?format=` of the export route: json when absent; null when anything else (a 400). */
export function parseExportFormat(params: URLSearchParams): ExportFormat | null {
  const values = params.getAll("format");
  if (values.length === 0) return "json";
  if (values.length > 1) return null;
  return (EXPORT_FORMATS as readonly string[]).includes(values[0]!) ? (values[0] as ExportFormat) : null;
}

/**
 * `?locale=` of the export route: the language of the CSV's header and labels (the presenter
 * page's). Portuguese when absent or unknown: a label's language is no reason to refuse a download.
 */
export function parseExportLocale(params: URLSearchParams): Locale {
  const locale = params.get("locale");
  return isLocale(locale) ? locale : defaultLocale;
}

type Row = [section: string, id: string, field: string, value: Cell];

function isScalar(value: unknown): value is Cell {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** An array element's name in a path: its own `id` when it has one, else its 1-based position. */
function elementName(element: unknown, index: number): string {
  const id = element !== null && typeof element === "object" ? (element as { id?: unknown }).id : undefined;
  return typeof id === "string" || typeof id === "number" ? String(id) : String(index + 1);
}

/**
 * Any JSON value as [path, key, scalar] leaves, in document order. Object keys go into the path
 * worded; array elements by their name as the data has it (a cloud's word "websocket" is data, not
 * the key `websocket`). `key`: the leaf's own key as the data names it, for worded values.
 */
function leaves(value: unknown, path: string[], key: string, word: (key: string) => string): [string[], string, Cell][] {
  if (isScalar(value)) return [[path, key, value]];
  if (Array.isArray(value)) {
    return value.flatMap((element, i) => {
      const name = elementName(element, i);
      return leaves(element, [...path, name], name, word);
    });
  }
  if (typeof value === "object") return Object.entries(value as object).flatMap(([inner, data]) => leaves(data, [...path, word(inner)], inner, word));
  return []; // undefined, functions: not JSON
}

/**
 * One table, in one language: `seção,id,campo,valor` (`section,id,field,value` in English). Polls
 * get a row per option (`opção 2: Não` → its count); a module's export is flattened generically,
 * so a new module needs no CSV code: the row's id is the path to a record (array elements named
 * by their `id`, as they are), the field its last key. Module names, keys, yes/no and the values of `status`,
 * `kind`, `browser` and `system` are worded in the locale (strings.ts); the audience's text, ids and emoji stay as they are.
 */
export function resultsRows(results: RoomResults, locale: Locale = defaultLocale): Cell[][] {
  const t = exportStrings[locale];
  const word = (key: string) => (Object.hasOwn(t.words, key) ? t.words[key]! : key);
  const cell = (value: Cell, field: string): Cell => {
    if (typeof value === "boolean") return value ? t.yes : t.no;
    const values = Object.hasOwn(t.values, field) ? t.values[field]! : undefined;
    return typeof value === "string" && values && Object.hasOwn(values, value) ? values[value]! : value;
  };
  const rows: Row[] = [
    [t.room, results.room, t.code, results.room],
    [t.room, results.room, t.exportedAt, results.exportedAt],
  ];
  for (const poll of results.polls) {
    rows.push([t.poll, poll.id, t.question, poll.question], [t.poll, poll.id, t.open, cell(poll.open, "open")]);
    poll.options.forEach((option, i) => rows.push([t.poll, poll.id, t.option(i + 1, option), poll.counts[i] ?? 0]));
    rows.push([t.poll, poll.id, t.total, poll.total]);
  }
  for (const [module, data] of Object.entries(results)) {
    if (module === "room" || module === "exportedAt" || module === "polls") continue;
    for (const [path, key, value] of leaves(data, [], "", word)) rows.push([word(module), path.slice(0, -1).join("."), path.at(-1) ?? "", cell(value, key)]);
  }
  return [[...t.header], ...rows];
}
