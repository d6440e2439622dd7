/**
 * The condition language's functions over what has happened in a drill: `fired('x')`,
 * `chose('d', 'o')`, `count('a')`… Kept apart from the core so that the list of functions and
 * their meaning sit in one small place, next to nothing else.
 */
import type { ExprValue } from '../conditions/expr.js';
import type { MilestoneName } from './records.js';

/** What the functions read: the core's record of the drill so far. */
export interface DrillHistory {
  readonly fired: ReadonlySet<string>;
  readonly open: ReadonlyMap<string, unknown>;
  /** decision id -> option taken ('' for an off-script answer or a timeout without default). */
  readonly decided: ReadonlyMap<string, string>;
  readonly timedOut: ReadonlySet<string>;
  readonly startedActions: ReadonlySet<string>;
  readonly landed: ReadonlyMap<string, number>;
  readonly milestones: ReadonlyMap<MilestoneName, number>;
}

/** Evaluates function `fn` of a condition; an unknown function is false (load-time checks rule it out). */
export function callHistoryFunction(h: DrillHistory, fn: string, args: readonly ExprValue[]): number | boolean {
  const [a = '', b = ''] = args.map(String);
  switch (fn) {
    case 'fired':
      return h.fired.has(a);
    case 'opened':
      return h.open.has(a) || h.decided.has(a);
    case 'decided':
      return h.decided.has(a);
    case 'chose':
      return h.decided.get(a) === b && b !== '';
    case 'timedout':
      return h.timedOut.has(a);
    case 'started':
      return h.startedActions.has(a);
    case 'done':
      return h.landed.has(a);
    case 'count':
      return h.landed.get(a) ?? 0;
    case 'reached':
      return h.milestones.has(a as MilestoneName);
    default:
      return false;
  }
}
