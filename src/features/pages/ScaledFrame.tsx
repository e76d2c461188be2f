import { useEffect, useRef, useState } from "react";

/** The width the 2005 page was made for (760 px, plus its border and a little air). */
const PAGE_WIDTH = 800;

/**
 * A whole HTML page drawn as a small browser window: a sandboxed frame (no scripts, no
 * navigation out, an opaque origin) laid out at a 2005 screen's width and scaled to fit. A new
 * `html` is a new document: the frame throws the old one away and draws everything again.
 */
export default function ScaledFrame({ html, title, address }: { html: string; title: string; address: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.5);
  useEffect(() => {
    const node = box.current;
    if (!node) return;
    const observer = new ResizeObserver(() => setScale(node.clientWidth / PAGE_WIDTH || 0.5));
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="browser">
      <p className="browser__bar" aria-hidden="true">
        <span className="browser__dots" />
        <span className="browser__address">{address}</span>
      </p>
      <div className="browser__view" ref={box}>
        <iframe
          className="browser__frame"
          title={title}
          sandbox=""
          srcDoc={html}
          tabIndex={-1}
          style={{ width: PAGE_WIDTH, height: `${100 / scale}%`, transform: `scale(${scale})` }}
        />
      </div>
    </div>
  );
}
