import { m } from "framer-motion";
import { DiagramMotion, EASE_OUT, useMotionPreference } from "../../diagrams/motion.tsx";
import { bucketLabel, type RttBucket } from "./distribution.ts";
import { useStrings } from "../../i18n/react.tsx";
import { rttStrings } from "./strings.ts";

/**
 * The room's round trips as vertical bars, one per bucket, growing as phones report. Bars
 * scale to the fullest bucket; under reduced motion they jump instead of growing.
 */
export default function Histogram({ buckets }: { buckets: readonly RttBucket[] }) {
  return (
    <DiagramMotion>
      <Bars buckets={buckets} />
    </DiagramMotion>
  );
}

function Bars({ buckets }: { buckets: readonly RttBucket[] }) {
  const t = useStrings(rttStrings);
  const { transition } = useMotionPreference();
  const fullest = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const summary = buckets.map((bucket) => `${bucketLabel(bucket)} ms: ${String(bucket.count)}`).join("; ");
  return (
    <div className="histogram" role="img" aria-label={t.histogram(summary)}>
      {buckets.map((bucket) => (
        <div key={bucket.from} className="histogram__column" data-empty={bucket.count === 0}>
          <span className="histogram__count demo__number">{bucket.count}</span>
          <span className="histogram__track">
            <m.span
              className="histogram__bar"
              initial={false}
              animate={{ scaleY: bucket.count / fullest }}
              transition={transition({ duration: 0.6, ease: EASE_OUT })}
            />
          </span>
          <span className="histogram__label">{bucketLabel(bucket)}</span>
        </div>
      ))}
    </div>
  );
}
