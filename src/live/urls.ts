import { localeBase, type Locale } from "../i18n/locales.ts";

/** Where the rooms and the join page live, as seen by this browser and by the audience's phones. */

/** host[:port] of the room server: the page's own origin, unless the site is hosted apart from it. */
export function roomHost(): string {
  return import.meta.env.PUBLIC_PARTY_HOST || location.host;
}

/** The room's HTTP endpoint (create with POST, look up with GET). */
export function roomApi(code: string): string {
  const host = import.meta.env.PUBLIC_PARTY_HOST;
  return `${host ? `${location.protocol}//${host}` : ""}/parties/main/${code}`;
}

/**
 * The origin phones should open. A QR code saying "localhost" would send every phone to itself,
 * so `npm start` builds the site with this machine's network address (or a public URL you set).
 */
export function joinOrigin(): string {
  return import.meta.env.PUBLIC_JOIN_ORIGIN || location.origin;
}

/** The join page in the presenter's language: an English presenter's QR code opens /en/join/. */
export function joinUrl(code: string, locale: Locale): string {
  return `${joinOrigin()}${localeBase(import.meta.env.BASE_URL, locale)}join/?room=${code}`;
}

/** The address people type on a phone, without the scheme: the join page, where they then type the code. */
export function joinAddress(locale: Locale): string {
  return `${joinOrigin()}${localeBase(import.meta.env.BASE_URL, locale)}join/`.replace(/^https?:\/\//, "");
}

/** The projector's view of the room: the slides and the demos' boards, without the presenter's notes. Its key rides in the fragment. */
export function screenUrl(code: string, key: string, locale: Locale): string {
  return `${location.origin}${localeBase(import.meta.env.BASE_URL, locale)}join/?room=${code}&screen#key=${encodeURIComponent(key)}`;
}

/** True on the projector's window (a join page opened with `&screen`, see screenUrl). */
export function isScreenPage(): boolean {
  return new URLSearchParams(location.search).has("screen");
}

/** The presenter view for a second device (a phone as remote). The key rides in the fragment, which browsers never send to a server. */
export function remoteUrl(code: string, key: string, locale: Locale): string {
  return `${joinOrigin()}${localeBase(import.meta.env.BASE_URL, locale)}present/?room=${code}#key=${encodeURIComponent(key)}`;
}
