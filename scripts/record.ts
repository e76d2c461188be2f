/**
 * `npm run record -- CODE`: the talk's record of a room, written to records/<date>-<locale>.json
 * (src/features/record). The room is on the local `npm start` unless `--host` says otherwise; the
 * presenter key comes from `--key` or FULL_DUPLEX_KEY (the presenter page's address has it after
 * `#key=`). Commit the file and rebuild: the site shows that talk's numbers.
 *
 *   npm run record -- K7M2Q --key 3f…                       → records/2026-12-02-pt-br.json
 *   FULL_DUPLEX_KEY=3f… npm run record -- K7M2Q --host https://full-duplex.example.partykit.dev --lang en
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isLocale } from "../src/i18n/locales.ts";
import { normalizeRoomCode } from "../src/room/codes.ts";
import { fetchRecord } from "../src/features/record/fetch.ts";
import { localDate, parseRecord, RecordError, recordFileName, recordJson } from "../src/features/record/record.ts";

const ROOT = resolve(import.meta.dirname, "..");
/** Where `npm start` serves the room (scripts/start.ts: PORT, default 1999). */
export const DEFAULT_HOST = `http://localhost:${process.env.PORT ?? 1999}`;

export interface Written {
  path: string;
  record: ReturnType<typeof parseRecord>;
}

const USAGE = "usage: npm run record -- CODE [--key KEY] [--host URL] [--lang pt-br|en] [--date YYYY-MM-DD] [--out DIR]";

/** The script, callable from a test: returns what it wrote; throws RecordError on a bad argument, key or room. */
export async function main(args: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Promise<Written> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      key: { type: "string" },
      host: { type: "string", default: DEFAULT_HOST },
      lang: { type: "string", default: "pt-br" },
      date: { type: "string", default: localDate() },
      out: { type: "string", default: join(ROOT, "records") },
    },
  });
  if (positionals.length !== 1) throw new RecordError(USAGE);
  const code = normalizeRoomCode(positionals[0]!);
  if (code === null) throw new RecordError(`"${positionals[0]}" is not a room code (5 letters and digits, like K7M2Q)`);
  const key = values.key ?? env.FULL_DUPLEX_KEY;
  if (!key) throw new RecordError("no presenter key: pass --key KEY or set FULL_DUPLEX_KEY");
  if (!isLocale(values.lang)) throw new RecordError(`--lang must be pt-br or en, not "${values.lang}"`);
  const host = values.host.replace(/\/+$/, "");
  let record;
  try {
    record = await fetchRecord(`${host}/parties/main/${code}`, key, { date: values.date, locale: values.lang });
  } catch (error) {
    if (error instanceof RecordError) throw new RecordError(`room ${code} at ${host}: ${error.message}`);
    throw new RecordError(`couldn't reach ${host} (${(error as Error).message}): is the room server running?`);
  }
  const json = recordJson(record);
  parseRecord(json); // what goes in the file is what the build will read
  await mkdir(values.out, { recursive: true });
  const path = join(values.out, recordFileName(record));
  await writeFile(path, json);
  return { path, record };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { path, record } = await main(process.argv.slice(2));
    const { polls, quiz, clouds, questions, reactions, audience, demos } = record;
    console.log(`record: wrote ${path}`);
    console.log(
      `  ${record.date} (${record.locale}), ${audience.peak} people at most; ${polls.length} polls, ${quiz.questions.length} quiz questions, ` +
        `${clouds.length} word clouds, ${questions.length} answered questions, ${reactions.total} reactions; demos: ${Object.keys(demos).join(", ") || "none"}`,
    );
    console.log("  Commit it and rebuild: the site shows this talk's numbers.");
  } catch (error) {
    console.error(`record: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof RecordError ? 2 : 1);
  }
}
