/**
 * The values behind a condition's verdict, for messages: every variable, every call and the
 * clock it reads, with what each was, so an author sees why `errors < 1` was still false.
 */
import { TIME_VARIABLE, type Expr, type ExprValue } from './ast.js';
import { formatDuration } from './duration.js';
import { evaluate, type ExprEnv } from './evaluate.js';
import { CONDITION_FUNCTIONS } from './functions.js';
import { printExpr } from './print.js';

/** `errors = 3.2, fired('pager') = false`: each thing `e` reads, once, in order of appearance. */
export function explainValues(e: Expr, env: ExprEnv): string {
  const seen = new Map<string, string>();
  const visit = (x: Expr): void => {
    if (x.type === 'var' || x.type === 'call') {
      const text = printExpr(x);
      if (!seen.has(text)) seen.set(text, showValue(x, evaluate(x, env)));
      if (x.type === 'call') return;
    }
    if (x.type === 'not' || x.type === 'neg') visit(x.arg);
    if (x.type === 'bin') {
      visit(x.left);
      visit(x.right);
    }
  };
  visit(e);
  return [...seen].map(([text, value]) => `${text} = ${value}`).join(', ');
}

/** Durations read as durations (`time = 12m30s`), a milestone never reached as such. */
function showValue(x: Expr, value: ExprValue): string {
  if (value === Number.POSITIVE_INFINITY) return 'never';
  const isDuration = (x.type === 'var' && x.name === TIME_VARIABLE) || (x.type === 'call' && CONDITION_FUNCTIONS.get(x.fn)?.duration === true);
  if (isDuration && typeof value === 'number') return formatDuration(value);
  return typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value);
}

