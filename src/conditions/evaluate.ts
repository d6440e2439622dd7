/**
 * Evaluation of a parsed condition, as the engine does it on every check. No eval, no
 * `new Function`: a tree walk over plain data, with the functions taken from `functions.ts`.
 */
import { TIME_VARIABLE, type BinOp, type Expr, type ExprValue } from './ast.js';
import { CONDITION_FUNCTIONS, type DrillHistory } from './functions.js';

/** What evaluation can see. `variable` returns undefined for an unknown name. */
export interface ExprEnv {
  readonly time: number;
  variable(name: string): number | boolean | undefined;
  /** What the functions read: the engine passes its own record of the drill. */
  readonly history: DrillHistory;
}

/**
 * Evaluates; never throws: unknown names are false/0, division by zero gives 0, type mismatches
 * compare false. Load-time checks (`checkExpr`) rule these cases out for real scenarios; the
 * lenient rules only keep a running drill alive if one slips through.
 */
export function evaluate(expr: Expr, env: ExprEnv): ExprValue {
  switch (expr.type) {
    case 'num':
    case 'bool':
    case 'str':
      return expr.value;
    case 'var':
      // Unknown names are 0, which is also false to `isTrue`, `and`, `or` and `not`.
      return expr.name === TIME_VARIABLE ? env.time : (env.variable(expr.name) ?? 0);
    case 'call':
      return evaluateCall(expr.fn, expr.args, env);
    case 'not':
      return !truthy(evaluate(expr.arg, env));
    case 'neg': {
      const value = evaluate(expr.arg, env);
      return typeof value === 'number' ? -value : 0;
    }
    case 'bin':
      return evaluateBinary(expr.op, expr.left, expr.right, env);
  }
}

/** Evaluates and coerces: true only for `true` or a non-zero number. */
export function isTrue(expr: Expr, env: ExprEnv): boolean {
  return truthy(evaluate(expr, env));
}

/** A function of the table on its arguments as text; an unknown function is false. */
function evaluateCall(name: string, args: readonly Expr[], env: ExprEnv): number | boolean {
  const fn = CONDITION_FUNCTIONS.get(name);
  if (fn === undefined) return false;
  return fn.evaluate(env.history, argumentText(args[0], env), argumentText(args[1], env));
}

function argumentText(arg: Expr | undefined, env: ExprEnv): string {
  if (arg === undefined) return '';
  return arg.type === 'str' ? arg.value : String(evaluate(arg, env));
}

function truthy(value: ExprValue): boolean {
  return value === true || (typeof value === 'number' && value !== 0 && !Number.isNaN(value));
}

function evaluateBinary(op: BinOp, leftExpr: Expr, rightExpr: Expr, env: ExprEnv): ExprValue {
  // `and`/`or` short-circuit, so `count('x') > 0 and ...` never evaluates the rest needlessly.
  if (op === 'and') return truthy(evaluate(leftExpr, env)) && truthy(evaluate(rightExpr, env));
  if (op === 'or') return truthy(evaluate(leftExpr, env)) || truthy(evaluate(rightExpr, env));
  const left = evaluate(leftExpr, env);
  const right = evaluate(rightExpr, env);
  if (op === '==' || op === '!=') {
    if (typeof left !== typeof right) return false;
    return op === '==' ? left === right : left !== right;
  }
  if (typeof left !== 'number' || typeof right !== 'number') {
    return op === '+' || op === '-' || op === '*' || op === '/' ? 0 : false;
  }
  return numericOp(op, left, right);
}

/** An arithmetic or comparison operator on two numbers, as conditions evaluate it (`x / 0` is 0). */
export function numericOp(op: BinOp, left: number, right: number): number | boolean {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? 0 : left / right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
  return false; // `==`, `!=`, `and`, `or` are evaluated before a numeric operator is reached
}
