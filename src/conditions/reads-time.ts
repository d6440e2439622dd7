/**
 * Whether a scenario's conditions read the scenario clock (`time`): if any does, the engine
 * re-checks conditions every second of scenario time, not only when something changes.
 */
import { TIME_VARIABLE, type Expr } from './expr.js';
import type { Scenario } from '../scenario/types.js';

export function scenarioReadsTime(s: Scenario): boolean {
  const conditions = [
    ...s.injects.map((i) => i.trigger.when),
    ...s.decisions.map((d) => d.trigger.when),
    ...Object.values(s.milestones),
    s.impact.down,
    s.impact.degraded,
    s.end.when,
  ];
  return conditions.some((c) => c !== undefined && readsTime(c));
}

function readsTime(e: Expr): boolean {
  switch (e.type) {
    case 'var':
      return e.name === TIME_VARIABLE;
    case 'call':
      return e.args.some(readsTime);
    case 'not':
    case 'neg':
      return readsTime(e.arg);
    case 'bin':
      return readsTime(e.left) || readsTime(e.right);
    default:
      return false;
  }
}

