import { Fragment, type ReactNode } from "react";

const MARKUP = /<(code|strong|kbd)>(.*?)<\/\1>/g;

/**
 * One of our own table texts with its inline markup (`<code>`, `<strong>`, `<kbd>`) drawn as
 * elements. Everything else stays text: no HTML is ever parsed, so even a table text that went
 * wrong could only show tags, never run them.
 */
export function Rich({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKUP)) {
    parts.push(text.slice(last, match.index));
    const [, Tag, inner] = match as unknown as [string, "code" | "strong" | "kbd", string];
    parts.push(<Tag key={match.index}>{inner}</Tag>);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
