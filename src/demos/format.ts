/** How the demos write their measurements, in Portuguese (decimal comma, thousands dot). */

const decimal = (digits: number) => new Intl.NumberFormat("pt-BR", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ONE = decimal(1);
const WHOLE = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return WHOLE.format(n);
}

/** A derived number that may not exist yet (nothing to divide by): a dash. */
export function orDash(value: number | null, format: (n: number) => string): string {
  return value === null ? "—" : format(value);
}

/** "512 B", "6,1 kB", "1,3 MB" (SI units, as browsers' developer tools count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${WHOLE.format(bytes)} B`;
  if (bytes < 1_000_000) return `${ONE.format(bytes / 1000)} kB`;
  return `${ONE.format(bytes / 1_000_000)} MB`;
}

/** The exact count: "6.132 bytes". */
export function formatByteCount(bytes: number): string {
  return `${WHOLE.format(bytes)} ${bytes === 1 ? "byte" : "bytes"}`;
}

/** "43 ms", "1,2 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${WHOLE.format(Math.max(0, ms))} ms` : `${ONE.format(ms / 1000)} s`;
}

/** How many times bigger: "17×", "6,8×" (null when there is nothing to compare). */
export function formatRatio(a: number, b: number): string | null {
  if (!(a > 0 && b > 0)) return null;
  const ratio = a / b;
  return `${ratio >= 10 ? WHOLE.format(ratio) : ONE.format(ratio)}×`;
}

/** "HTTP/1.1 200 OK" style reason phrases the demos show when the browser gives none (HTTP/2 has none). */
const REASONS: Readonly<Record<number, string>> = {
  200: "OK",
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export function statusLine(status: number, statusText = ""): string {
  return `${status} ${statusText || REASONS[status] || ""}`.trim();
}
