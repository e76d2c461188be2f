/** URLs of the deck. Slides are numbered from 1 in URLs and from 0 in code. */
export const TALK_TITLE = "WebSockets — Live de Python #164";

export function slideHref(base: string, index: number, step = 0): string {
  const root = base.endsWith("/") ? base : `${base}/`;
  return `${root}slides/${index + 1}/${step > 0 ? `?step=${step}` : ""}`;
}

/** Reads a deck position out of a URL path and query; `null` when the path is not a slide. */
export function positionFromUrl(url: URL, base: string): { slide: number; step: number } | null {
  const root = base.endsWith("/") ? base : `${base}/`;
  const match = url.pathname.startsWith(root) && /^slides\/(\d+)\/?$/.exec(url.pathname.slice(root.length));
  if (!match) return null;
  const step = Number(url.searchParams.get("step") ?? 0);
  return { slide: Number(match[1]) - 1, step: Number.isFinite(step) ? step : 0 };
}
