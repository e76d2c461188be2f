import type { Locale } from "../i18n/locales.ts";
import type { ErrorMessage } from "../room/errors.ts";
import { liveStrings } from "./strings.ts";

/**
 * What to tell a person about an error the room sent (`{type:"error", code, ref?, detail?}`), in
 * their language, by its code. A code this page doesn't know (a newer server) is shown as it is.
 */
export function errorText(error: Pick<ErrorMessage, "code" | "detail">, locale: Locale): string {
  if (error.code === "rate_limited" && error.detail === "wrong_keys") return liveStrings[locale].wrongKeys;
  const table: Readonly<Record<string, string>> = liveStrings[locale].errors;
  return Object.hasOwn(table, error.code) ? table[error.code]! : error.code;
}
