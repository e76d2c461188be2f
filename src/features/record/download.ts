/**
 * "Encerrar e guardar" in the presenter's panel: the talk's record, built in the browser from the
 * room's export (the same record `npm run record` writes) and saved as `<date>-<locale>.json`.
 */
import type { Locale } from "../../i18n/locales.ts";
import { roomApi } from "../../live/urls.ts";
import { fetchRecord } from "./fetch.ts";
import { localDate, recordFileName, recordJson } from "./record.ts";

/** Downloads the record; returns its file name. */
export async function keepRecord(code: string, key: string, locale: Locale): Promise<string> {
  const record = await fetchRecord(roomApi(code), key, { date: localDate(), locale });
  const name = recordFileName(record);
  const url = URL.createObjectURL(new Blob([recordJson(record)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL may go once it has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
