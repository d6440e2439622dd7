/**
 * Sparklines and values for the metrics panel: pure string functions, so that they are tested
 * without a terminal and cost nothing to call every second.
 */

const BARS = '▁▂▃▄▅▆▇█';

/**
 * The last `width` values as bars, scaled between the lowest and highest of them, so that the
 * shape of a change shows even when it is small. A flat series is a flat line at the bottom.
 */
export function sparkline(values: readonly number[], width: number): string {
  if (width <= 0 || values.length === 0) return '';
  const shown = values.slice(-width);
  let lo = Infinity;
  let hi = -Infinity;
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
  if (decimals !== undefined) return value.toFixed(decimals);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? String(Math.round(value)) : value.toFixed(1);
}
