/**
 * A record's numbers as a slide shows them: one part of each talk's record (a poll's counts, the
 * race's lanes), with when the talk was given and how many were there. Picked at build time from
 * records/ (records.ts) and passed to the islands as props, so a page carries only its own part.
 */
import { htmlLang, type Locale } from "../../i18n/locales.ts";
import type { TalkRecord } from "./schema.ts";

export interface RecordedTalk<T> {
  /** YYYY-MM-DD, the day the talk was given. */
  date: string;
  /** The language the talk was given in (its texts, the audience's words). */
  locale: Locale;
  /** The most people in the room at once. */
  people: number;
  data: T;
}

/** Each record's part that `pick` finds (a record without it is left out), in the records' order: newest first. */
export function talksWith<T>(records: readonly TalkRecord[], pick: (record: TalkRecord) => T | undefined): RecordedTalk<T>[] {
  return records.flatMap((record) => {
    const data = pick(record);
    return data === undefined ? [] : [{ date: record.date, locale: record.locale, people: record.audience.peak, data }];
  });
}

/**
 * "2 de dez. de 2026" / "Dec 2, 2026": the talk's day in the page's language. Read as a calendar
 * day (UTC midnight, formatted in UTC), so no time zone moves it to the day before.
 */
export function talkDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(htmlLang[locale], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
