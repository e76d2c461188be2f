/**
 * The requests demo in a talk's record: the room's totals (count, refused, bytes each way), and
 * what one exchange cost on average, which is what the slide teaches (a GET with no body still
 * travels with hundreds of bytes of envelope). Pure, for the tests.
 */
import type { RequestsReport } from "./exchangeLog.ts";

/** The totals the projector's footer shows, as a record keeps them. */
export type RequestsTotals = Pick<RequestsReport, "count" | "refused" | "requestBytes" | "responseBytes">;

/** Bytes up and down per exchange, rounded to whole bytes; null with no exchange to divide by. */
export function perExchange({ count, requestBytes, responseBytes }: RequestsTotals): { up: number; down: number } | null {
  if (count === 0) return null;
  return { up: Math.round(requestBytes / count), down: Math.round(responseBytes / count) };
}
