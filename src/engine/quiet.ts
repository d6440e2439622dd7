/**
 * Looking ahead over quiet seconds. While a ramp moves, scenario time has a moment every second;
 * a generated scenario has tens of thousands, and at almost all of them nothing happens: every
 * condition that reads the ramping variable keeps its value. A comparison such as
 * `error_rate > 5` of a variable on a straight-line ramp changes at most once over the ramp
 * (the stepped values are monotonic), so the first second at which it changes can be found by
 * bisection instead of by playing every second. `drill run` then plays only that second.
 *
 * Exactness: a skipped second is one at which no comparison any live condition reads changes,
 * so every condition has the value it had at the last settle, which was a fixpoint; playing it
 * would have recorded nothing. Ramp values are computed from time alone (`World.rampValueAt`),
 * so the next played moment sees exactly the values it would have. Anything this cannot reason
 * about (a ramping variable in arithmetic, `==`, the clock) means: play the next second.
 */
import { evaluate, numericOp, someRead, type BinOp, type Expr, type ExprEnv } from '../conditions/index.js';
import type { RampingNames, World } from './world.js';

const ORDER_OPS: ReadonlySet<BinOp> = new Set<BinOp>(['<', '<=', '>', '>=']);

/** `variable op other` (or `other op variable` when `variableLeft` is false), `other` fixed. */
interface RampComparison {
  readonly variable: string;
  readonly op: BinOp;
  readonly other: Expr;
  readonly variableLeft: boolean;
}

/**
 * The first whole-second step in `[first, last]` (steps are `stepMs` apart) at which one of
 * `watched` may change value; Infinity if none does, undefined if that cannot be told.
 */
export function firstEventfulStep(
  watched: readonly Expr[],
  ramping: RampingNames,
  world: World,
  env: ExprEnv,
  first: number,
  last: number,
  stepMs: number,
): number | undefined {
  const comparisons: RampComparison[] = [];
  for (const e of watched) if (!collect(e, ramping, comparisons)) return undefined;
  const steps = Math.floor((last - first) / stepMs) + 1;
  let earliest = Infinity;
  for (const c of comparisons) {
    const other = evaluate(c.other, env);
    if (typeof other !== 'number') continue; // compares false whatever the ramp does
    const holds = (v: number): boolean => numericOp(c.op, c.variableLeft ? v : other, c.variableLeft ? other : v) === true;
    const valueAt = (i: number): number => world.rampValueAt(c.variable, first + i * stepMs)!;
    const now = world.get(c.variable);
    if (typeof now !== 'number') return undefined;
    const before = holds(now);
    if (holds(valueAt(0)) !== before) return first;
    // Monotonic steps: the comparison changes at most once; find the first step where it has.
    let lo = 0;
    let hi = steps;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (holds(valueAt(mid)) === before) lo = mid;
      else hi = mid;
    }
    if (hi < steps) earliest = Math.min(earliest, first + hi * stepMs);
  }
  return earliest;
}

/** Collects the ramp comparisons in `e`; false if a ramping variable is read any other way. */
function collect(e: Expr, ramping: RampingNames, out: RampComparison[]): boolean {
  switch (e.type) {
    case 'not':
    case 'neg':
      return collect(e.arg, ramping, out);
    case 'bin': {
      if (ORDER_OPS.has(e.op)) {
        const left = e.left.type === 'var' && ramping.has(e.left.name);
        const right = e.right.type === 'var' && ramping.has(e.right.name);
        if (left && !right && !readsRamping(e.right, ramping)) {
          out.push({ variable: (e.left as { name: string }).name, op: e.op, other: e.right, variableLeft: true });
          return true;
        }
        if (right && !left && !readsRamping(e.left, ramping)) {
          out.push({ variable: (e.right as { name: string }).name, op: e.op, other: e.left, variableLeft: false });
          return true;
        }
      }
      return collect(e.left, ramping, out) && collect(e.right, ramping, out);
    }
    default:
      // A variable, a call or a literal: fine unless it reads a ramping variable.
      return !readsRamping(e, ramping);
  }
}

function readsRamping(e: Expr, ramping: RampingNames): boolean {
  return someRead(e, (kind, name) => kind === 'variable' && ramping.has(name));
}
