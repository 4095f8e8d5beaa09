/** A determinate progress bar people and screen readers can follow: role progressbar with its numbers and a text. */
export function ProgressBar({ id, label, value, max, text }: { id: string; label: string; value: number; max: number; text: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="progress-block">
      <p className="progress-label">{text}</p>
      <div
        id={id}
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <span className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
