/**
 * The talk's records in the project (records/*.json), read at build time: every one is checked
 * against the schema when this module loads, so an invalid record fails the build instead of
 * showing wrong numbers. Newest first.
 */
import { parseRecord, RecordError, type TalkRecord } from "./record.ts";

const files = import.meta.glob<{ default: unknown }>("/records/*.json", { eager: true });

/** Parsed records by file, newest first (then Portuguese before English, then by name). */
export function readRecords(byFile: Readonly<Record<string, { default: unknown }>>): { file: string; record: TalkRecord }[] {
  return Object.entries(byFile)
    .map(([file, module]) => {
      try {
        return { file, record: parseRecord(module.default) };
      } catch (error) {
        throw new RecordError(`${file}: ${(error as Error).message}`);
      }
    })
    .sort((a, b) => b.record.date.localeCompare(a.record.date) || b.record.locale.localeCompare(a.record.locale) || a.file.localeCompare(b.file));
}

const records = readRecords(files).map(({ record }) => record);

/** Every record in records/, newest first. */
export function allRecords(): readonly TalkRecord[] {
  return records;
}

/** The most recent talk's record, or null when the project has none yet. */
export function latestRecord(): TalkRecord | null {
  return records[0] ?? null;
}
