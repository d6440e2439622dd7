/**
 * Sparklines and values for the metrics panel: pure string functions, so that they are tested
 * without a terminal and cost nothing to call every second.
 */
import { displayNumber } from '../text/display-number.js';

const BARS = '▁▂▃▄▅▆▇█';

/** What a variable declares of its range: its bounds, and where it starts. */
export interface SparkScale {
  readonly min?: number;
  readonly max?: number;
  readonly initial: number | boolean;
}

/**
 * The last `width` values as bars, drawn against the variable's declared range, so that a flat
 * high series is drawn high and 64 % falling to 56 % does not look like a fall to zero. Where a
 * bound is not declared, the range runs from 0 to the start value, widened to take in every
 * value shown.
 */
export function sparkline(values: readonly number[], width: number, scale: SparkScale): string {
  if (width <= 0 || values.length === 0) return '';
  const shown = values.slice(-width);
  const start = typeof scale.initial === 'number' ? scale.initial : 1;
  let lo = scale.min ?? Math.min(0, start);
  let hi = scale.max ?? Math.max(0, start);
  for (const v of shown) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  const top = BARS.length - 1;
  return shown.map((v) => BARS[span > 0 ? Math.round(((v - lo) / span) * top) : 0]).join('');
}

/** A value as a person reads it: whole numbers as they are, others to one decimal; yes/no for flags. */
export function formatValue(value: number | boolean | undefined, decimals?: number): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const shown = displayNumber(value, decimals);
  // toFixed keeps the trailing zeros a column of numbers lines up by (`12.0`, not `12`).
  if (decimals !== undefined) return shown.toFixed(decimals);
  return Number.isInteger(value) || Math.abs(value) >= 100 ? String(shown) : shown.toFixed(1);
}
