/**
 * A number as the screens show it: to the variable's `decimals` when it has them, else whole
 * numbers as they are, from 100 up to the unit, below that to one decimal. The terminal's metrics
 * and the participants' pages both go through it, so the two screens never disagree (a page once
 * showed "67.3 nodes" where the terminal showed 67).
 */
export function displayNumber(value: number, decimals?: number): number {
  if (decimals !== undefined) return Number(value.toFixed(decimals));
  if (Number.isInteger(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Number(value.toFixed(1));
}
