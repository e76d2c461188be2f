/**
 * The talk's records in the project (records/*.json), read at build time: every one is checked
 * against the schema when this module loads, so an invalid record fails the build instead of
 * showing wrong numbers. Newest first.
 */
import { readRecords, type TalkRecord } from "./record.ts";
import { talksWith, type RecordedTalk } from "./talks.ts";

const files = import.meta.glob<{ default: unknown }>("/records/*.json", { eager: true });

const records = readRecords(files).map(({ record }) => record);

/** Every record in records/, newest first. */
export function allRecords(): readonly TalkRecord[] {
  return records;
}

/** The most recent talk's record, or null when the project has none yet. */
export function latestRecord(): TalkRecord | null {
  return records[0] ?? null;
}

/**
 * Every record's part `pick` finds, with its talk's date and audience, newest first (for an
 * island's props), on the page at `url`. None on the presenter's and the phones' pages: they are
 * always in a room, where live numbers replace a record's, so the record would only weigh them down.
 */
export function recordedTalks<T>(url: URL, pick: (record: TalkRecord) => T | undefined): RecordedTalk<T>[] {
  return /\/(present|join)\/?$/.test(url.pathname) ? [] : talksWith(records, pick);
}
