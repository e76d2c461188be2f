/**
 * The presenter's results download, in the browser: the room's export route with the key in a
 * header (a link can't carry one, and a key in a URL ends up in logs), saved through a Blob.
 */
import { defaultLocale, pageLocale } from "../../i18n/locales.ts";
import { roomApi } from "../../live/urls.ts";
import type { ExportFormat } from "./results.ts";

export async function downloadResults(code: string, key: string, format: ExportFormat): Promise<void> {
  // The CSV's labels follow the presenter page's language (the route reads it with parseExportLocale).
  const locale = pageLocale();
  const query = locale === defaultLocale ? `format=${format}` : `format=${format}&locale=${locale}`;
  const response = await fetch(`${roomApi(code)}/export?${query}`, { headers: { authorization: `Bearer ${key}` }, cache: "no-store" });
  if (!response.ok) throw new Error(`export: HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = `full-duplex-${code}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL may go once it has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
