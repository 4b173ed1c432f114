import type { ExportStrings } from '../i18n/export-strings';

/** What the person typed in From and To; null is the default (the first step, the last). */
export interface TypedRange {
  readonly from: string | null;
  readonly to: string | null;
}

/** A typed step number (from 1) as a step index, kept within the trace; empty or not a number is `fallback`. */
const stepIndex = (typed: string | null, fallback: number, count: number) => {
  const n = Math.round(Number(typed ?? fallback));
  return Math.min(count, Math.max(1, typed === '' || !Number.isFinite(n) ? fallback : n)) - 1;
};

/** The 0-based steps the GIF shows: what was typed, within the trace, `to` not before `from`. */
export function rangeOf(typed: TypedRange, count: number): { from: number; to: number } {
  const from = stepIndex(typed.from, 1, count);
  return { from, to: Math.max(from, stepIndex(typed.to, count, count)) };
}

export interface StepRangeFieldsProps {
  readonly t: ExportStrings;
  readonly typed: TypedRange;
  readonly count: number;
  readonly disabled: boolean;
  readonly onChange: (typed: TypedRange) => void;
}

/**
 * From and To for the cluster view's GIF, as step numbers from 1 like the step counter. What is
 * typed stays as typed (an emptied field can be typed into); the range used is clamped.
 */
export function StepRangeFields({ t, typed, count, disabled, onChange }: StepRangeFieldsProps) {
  const field = (label: string, key: keyof TypedRange, fallback: number) => (
    <label>
      {label}{' '}
      <input
        type="number"
        min={1}
        max={count}
        value={typed[key] ?? String(fallback)}
        onChange={(e) => onChange({ ...typed, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="share-export-range" disabled={disabled}>
      <legend>{t.range}</legend>
      {field(t.from, 'from', 1)}
      {field(t.to, 'to', count)}
    </fieldset>
  );
}
