/**
 * What a condition reads: the world variables, the injects, decisions, actions and milestones
 * whose history its functions look at, and the clock. Conditions are pure, so one that read
 * nothing that has changed since it was last evaluated has the same value: the engine's
 * watchlist, standing conditions and quiet-second skipping rely on this, and the scenario's
 * reachability check asks whether anything a condition reads can ever change.
 */
import { TIME_VARIABLE, type Expr } from './ast.js';
import { CONDITION_FUNCTIONS, type IdKind } from './functions.js';

/**
 * One thing read: a variable or an id by its kind; `time` for the clock; `unnamed` for a
 * function whose argument is computed, so what it reads cannot be named in advance.
 */
export type ReadKind = 'variable' | IdKind | 'time' | 'unnamed';

/** A named thing a condition reads. */
export interface Read {
  readonly kind: 'variable' | IdKind;
  readonly name: string;
}

export interface Reads {
  /** The variables and ids read, in order of appearance; a name read twice is listed twice. */
  readonly names: Read[];
  /** Reads the scenario clock. */
  time: boolean;
  /** Reads something it cannot name in advance: never assume it unchanged. */
  unnamed: boolean;
}

/**
 * The one walk over what `e` reads: calls `test` with each read, in order of appearance, and
 * stops at the first for which it returns true. Returns whether one did. `name` is the
 * variable or id (or the function, for `unnamed`; `time` for the clock).
 */
export function someRead(e: Expr, test: (kind: ReadKind, name: string) => boolean): boolean {
  switch (e.type) {
    case 'var':
      return e.name === TIME_VARIABLE ? test('time', e.name) : test('variable', e.name);
    case 'call': {
      for (const arg of e.args) if (someRead(arg, test)) return true;
      const fn = CONDITION_FUNCTIONS.get(e.fn);
      if (fn === undefined) return false; // an unknown function is always false: it reads nothing
      const first = e.args[0];
      return first?.type === 'str' ? test(fn.args[0], first.value) : test('unnamed', e.fn);
    }
    case 'not':
    case 'neg':
      return someRead(e.arg, test);
    case 'bin':
      return someRead(e.left, test) || someRead(e.right, test);
    default:
      return false;
  }
}

/** Everything `e` reads. */
export function readsOf(e: Expr): Reads {
  const reads: Reads = { names: [], time: false, unnamed: false };
  someRead(e, (kind, name) => {
    if (kind === 'time') reads.time = true;
    else if (kind === 'unnamed') reads.unnamed = true;
    else reads.names.push({ kind, name });
    return false;
  });
  return reads;
}
