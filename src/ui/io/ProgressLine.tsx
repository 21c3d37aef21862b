// A labelled progress bar: determinate when the total is known, indeterminate otherwise.
export interface ProgressLineProps {
  label: string;
  done: number;
  total: number;
}

export function ProgressLine({ label, done, total }: ProgressLineProps) {
  const known = total > 0;
  const pct = known ? Math.min(100, Math.floor((done / total) * 100)) : undefined;
  return (
    <div class="io-progress">
      <span>
        {label}
        {pct !== undefined && ` ${pct}%`}
      </span>
      <progress aria-label={label} max={known ? total : undefined} value={known ? Math.min(done, total) : undefined} />
    </div>
  );
}
