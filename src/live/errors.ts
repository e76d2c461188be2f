import type { Locale } from "../i18n/locales.ts";
import { liveStrings } from "./strings.ts";

/**
 * What to tell a person about an error the room sent (`{type:"error", code, message}`), in their
 * language, chosen by its code. The server writes Portuguese: when its message is this locale's
 * text for the code (plus a detail), it already speaks the person's language and says more, so it
 * is shown as it is. A code this page doesn't know (a newer server) falls back to the server's words.
 */
export function errorText(error: { code: string; message: string }, locale: Locale): string {
  const table: Readonly<Record<string, string>> = liveStrings[locale].errors;
  if (!Object.hasOwn(table, error.code)) return error.message;
  const text = table[error.code]!;
  return error.message.startsWith(text) ? error.message : text;
}
