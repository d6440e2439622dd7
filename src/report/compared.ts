/**
 * The numbers a scenario's conditions compare each variable with (`error_rate < 1` gives
 * error_rate 1). The report prints a value with enough decimals that it never seems to contradict
 * a condition: 0.987 next to `error_rate < 1` is "0.987%", not "1%".
 */
import type { Expr } from '../conditions/index.js';
import type { Scenario } from '../scenario/index.js';

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

/** Variable name → the constants its conditions compare it with, ascending, each once. */
export function comparedValues(scenario: Scenario): Map<string, number[]> {
  const found = new Map<string, Set<number>>();
  const visit = (e: Expr | undefined): void => {
    if (!e) return;
    if (e.type === 'bin') {
      if (COMPARISONS.has(e.op)) {
        const [v, n] = e.left.type === 'var' ? [e.left, e.right] : [e.right, e.left];
        if (v.type === 'var' && n.type === 'num') {
          const set = found.get(v.name) ?? new Set<number>();
          set.add(n.value);
          found.set(v.name, set);
        }
      }
      visit(e.left);
      visit(e.right);
    } else if (e.type === 'not' || e.type === 'neg') visit(e.arg);
    else if (e.type === 'call') e.args.forEach(visit);
  };
  const s = scenario;
  for (const cond of Object.values(s.milestones)) visit(cond);
  visit(s.impact.down);
  visit(s.impact.degraded);
  visit(s.end.when);
  // Thousands of injects rarely compare many variables; the set keeps each constant once.
  for (const i of s.injects) visit(i.trigger.when);
  for (const d of s.decisions) visit(d.trigger.when);
  for (const a of s.actions) visit(a.available);
  for (const f of s.factors) {
    visit(f.when);
    f.branches.forEach((b) => visit(b.when));
  }
  for (const q of s.questions) visit(q.when);
  return new Map([...found].map(([name, set]) => [name, [...set].sort((a, b) => a - b)]));
}

/**
 * `value` with the fewest decimals (at least one place is allowed, at most six) at which it sits
 * on the same side of every compared number as the value itself, and equals one only if it does.
 */
export function preciseNumber(value: number, compared: readonly number[] = []): string {
  for (let places = 1; places <= 6; places++) {
    const shown = Math.round(value * 10 ** places) / 10 ** places;
    if (compared.every((c) => Math.sign(shown - c) === Math.sign(value - c))) return String(shown);
  }
  return String(Math.round(value * 1e6) / 1e6);
}
