// A labelled progress bar (native <progress>, so assistive technology reads the value); the text
// beside it carries the numbers, the bar only shows the proportion.
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const safeMax = max > 0 ? max : 1;
  const pct = Math.round((Math.min(value, safeMax) / safeMax) * 100);
  return (
    <div className="progress-bar">
      <progress value={Math.min(value, safeMax)} max={safeMax} aria-label={label} />
      <span className="muted">
        {label}: {value} of {max} ({max > 0 ? pct : 0} %)
      </span>
    </div>
  );
}
