/**
 * Which browser and system a User-Agent names, coarsely: enough for a room's tally ("Chrome ·
 * Android"), never a fingerprint. Order matters: Edge, Opera and Samsung Internet also say
 * "Chrome", and Chrome also says "Safari".
 */
/**
 * The name of a browser or system the User-Agent doesn't reveal. A token, not a word: the
 * server sends it to every page and each page says it in its own language.
 */
export const OTHER = "other";

export interface BrowserInfo {
  browser: string;
  /** The major version, when the User-Agent says it. */
  version: number | null;
  os: string;
}

const BROWSERS: readonly [name: string, pattern: RegExp][] = [
  ["Samsung Internet", /SamsungBrowser\/(\d+)/],
  ["Edge", /Edg(?:A|iOS)?\/(\d+)/],
  ["Opera", /(?:OPR|OPT|Opera)\/(\d+)/],
  ["Firefox", /(?:Firefox|FxiOS)\/(\d+)/],
  ["Chrome", /(?:Chrome|CriOS)\/(\d+)/],
  ["Safari", /Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: readonly [name: string, pattern: RegExp][] = [
  ["iOS", /iPhone|iPad|iPod/],
  ["Android", /Android/],
  ["ChromeOS", /CrOS/],
  ["Windows", /Windows/],
  ["macOS", /Mac OS X|Macintosh/],
  ["Linux", /Linux/],
];

/** Every name a tally row can have: the browsers and systems above, and OTHER. */
export const BROWSER_NAMES: readonly string[] = [...BROWSERS.map(([name]) => name), OTHER];
export const SYSTEM_NAMES: readonly string[] = [...SYSTEMS.map(([name]) => name), OTHER];

export function describeBrowser(userAgent: string | null): BrowserInfo {
  const ua = userAgent ?? "";
  let browser = OTHER;
  let version: number | null = null;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      browser = name;
      version = Number(match[1]);
      break;
    }
  }
  const os = SYSTEMS.find(([, pattern]) => pattern.test(ua))?.[0] ?? OTHER;
  return { browser, version, os };
}

/** A browser's or system's name as a page shows it: OTHER in the page's language (`other`), any other as is. */
export function shownName(name: string, other: string): string {
  return name === OTHER ? other : name;
}
