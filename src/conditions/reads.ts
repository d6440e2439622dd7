/**
 * What a condition reads: the variables, history ids and milestones it looks at, and whether it
 * reads the clock. Conditions are pure, so one that read nothing that has changed since it was
 * last evaluated has the same value: the watchlist and the standing conditions rely on this.
 */
import { EXPR_FUNCTIONS, TIME_VARIABLE, type Expr } from './expr.js';

export interface Reads {
  readonly vars: string[];
  /** Ids of injects, decisions and actions whose history it reads (fired, decided, count...). */
  readonly ids: string[];
  readonly milestones: string[];
  time: boolean;
  /** Reads something it cannot name in advance (a computed argument): never assume it unchanged. */
  any: boolean;
}

/** Everything `e` reads. */
export function readsOf(e: Expr): Reads {
  const reads: Reads = { vars: [], ids: [], milestones: [], time: false, any: false };
  collectReads(e, reads);
  return reads;
}

function collectReads(e: Expr, reads: Reads): void {
  switch (e.type) {
    case 'var':
      if (e.name === TIME_VARIABLE) reads.time = true;
      else reads.vars.push(e.name);
      return;
    case 'call': {
      for (const arg of e.args) collectReads(arg, reads);
      if (!EXPR_FUNCTIONS.has(e.fn)) return; // an unknown function is always false
      const first = e.args[0];
      if (first?.type !== 'str') reads.any = true;
      else if (e.fn === 'reached') reads.milestones.push(first.value);
      else reads.ids.push(first.value);
      return;
    }
    case 'not':
    case 'neg':
      return collectReads(e.arg, reads);
    case 'bin':
      collectReads(e.left, reads);
      collectReads(e.right, reads);
      return;
    default:
      return;
  }
}
