/** The talk's records the built site shows (records/*.json, read as the build reads them): the newest, and where its parts are. */
import { readdirSync, readFileSync } from "node:fs";
import { readRecords, type TalkRecord } from "../../src/features/record/record.ts";

const files = Object.fromEntries(
  readdirSync("records")
    .filter((name) => name.endsWith(".json"))
    .map((name) => [name, { default: JSON.parse(readFileSync(`records/${name}`, "utf8")) as unknown }]),
);

/** Every record, newest first, as the build orders them. */
export const records: readonly TalkRecord[] = readRecords(files).map(({ record }) => record);

/** The record the slides show: the newest, if the project has one. */
export const latestRecord: TalkRecord | undefined = records[0];

/** The deck's number of the slide whose source holds `text` (slides/NN-name.mdx). */
export function slideWith(text: string): number {
  const file = readdirSync("slides").find((name) => name.endsWith(".mdx") && readFileSync(`slides/${name}`, "utf8").includes(text));
  if (!file) throw new Error(`no slide holds ${text}`);
  return Number(file.slice(0, 2));
}
