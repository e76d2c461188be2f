/** A device's latest round trips as a line, oldest on the left; the numbers beside it say the same. */
export default function Sparkline({ samples }: { samples: readonly number[] }) {
  if (samples.length < 2) return <svg className="sparkline" viewBox="0 0 100 30" aria-hidden="true" />;
  const top = Math.max(...samples) || 1;
  const step = 100 / (samples.length - 1);
  // 2 units of margin so the stroke is never cut at the top or bottom.
  const points = samples.map((ms, i) => `${(i * step).toFixed(1)},${(28 - (ms / top) * 26).toFixed(1)}`).join(" ");
  return (
    <svg className="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
      <polyline points={points} fill="none" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
