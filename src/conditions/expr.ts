/**
 * drill's condition language: the AST, evaluation and printing. Conditions are parsed once
 * when a scenario loads (`expr-parse.ts`), checked against the scenario's names
 * (`expr-check.ts`), and evaluated by the engine on every tick. No eval, no `new Function`.
 */
import { formatDuration } from './duration.js';

/** A parsed condition. `start`/`end` are 0-based offsets into the source, for error messages. */
export type Expr =
  /** A number; `duration` marks one written as `90s`/`4m` (its value is in ms) so it prints back that way. */
  | { type: 'num'; value: number; start: number; end: number; duration?: boolean }
  | { type: 'bool'; value: boolean; start: number; end: number }
  | { type: 'str'; value: string; start: number; end: number }
  | { type: 'var'; name: string; start: number; end: number }
  | { type: 'call'; fn: string; args: Expr[]; start: number; end: number }
  | { type: 'not' | 'neg'; arg: Expr; start: number; end: number }
  | { type: 'bin'; op: BinOp; left: Expr; right: Expr; start: number; end: number };

export type BinOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type ExprValue = number | boolean | string;
export type ParseResult = { ok: true; expr: Expr } | { ok: false; message: string; offset: number };

export { parseExpr, MAX_EXPR_LENGTH, MAX_EXPR_DEPTH } from './parse.js';

/** The name of the built-in scenario clock variable, in milliseconds. */
export const TIME_VARIABLE = 'time';

/** What a function argument names in the scenario. */
export type ArgKind = 'inject' | 'decision' | 'option' | 'action' | 'milestone';

/** A built-in function: what each argument names, and what the call gives. */
export interface ExprFunction {
  readonly args: readonly ArgKind[];
  readonly returns: 'number' | 'boolean';
}

/** The built-in functions of the condition language. */
export const EXPR_FUNCTIONS: ReadonlyMap<string, ExprFunction> = new Map<string, ExprFunction>([
  ['fired', { args: ['inject'], returns: 'boolean' }],
  ['opened', { args: ['decision'], returns: 'boolean' }],
  ['decided', { args: ['decision'], returns: 'boolean' }],
  ['chose', { args: ['decision', 'option'], returns: 'boolean' }],
  ['timedout', { args: ['decision'], returns: 'boolean' }],
  ['started', { args: ['action'], returns: 'boolean' }],
  ['done', { args: ['action'], returns: 'boolean' }],
  ['count', { args: ['action'], returns: 'number' }],
  ['reached', { args: ['milestone'], returns: 'boolean' }],
]);

/** What evaluation can see. `variable` returns undefined for an unknown name. */
export interface ExprEnv {
  readonly time: number;
  variable(name: string): number | boolean | undefined;
  call(fn: string, args: readonly ExprValue[]): number | boolean;
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
      return env.call(
        expr.fn,
        expr.args.map((arg) => evaluate(arg, env)),
      );
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

/** Binding strength of each construct, loosest first; parentheses are added below these. */
const PRECEDENCE = { or: 1, and: 2, not: 3, compare: 4, add: 5, mul: 6, neg: 7, atom: 8 } as const;

function precedenceOf(expr: Expr): number {
  switch (expr.type) {
    case 'not':
      return PRECEDENCE.not;
    case 'neg':
      return PRECEDENCE.neg;
    case 'bin':
      return binaryPrecedence(expr.op);
    case 'num':
      // A negative literal (only from hand-built ASTs) prints with a `-`, so it binds like one.
      return expr.value < 0 || Object.is(expr.value, -0) ? PRECEDENCE.neg : PRECEDENCE.atom;
    default:
      return PRECEDENCE.atom;
  }
}

/** How tightly a binary operator binds (higher binds tighter). */
function binaryPrecedence(op: BinOp): number {
  switch (op) {
    case 'or':
      return PRECEDENCE.or;
    case 'and':
      return PRECEDENCE.and;
    case '+':
    case '-':
      return PRECEDENCE.add;
    case '*':
    case '/':
      return PRECEDENCE.mul;
    default:
      return PRECEDENCE.compare;
  }
}

/**
 * Pretty-prints an expression back to source form (used in reports and messages). Parentheses
 * appear only where needed, and parsing the output gives the same tree back.
 */
export function printExpr(expr: Expr): string {
  return printAt(expr, 0);
}

function printAt(expr: Expr, minPrecedence: number): string {
  const text = printBare(expr);
  return precedenceOf(expr) < minPrecedence ? `(${text})` : text;
}

function printBare(expr: Expr): string {
  switch (expr.type) {
    case 'num':
      return expr.duration ? formatDuration(expr.value) : printNumber(expr.value);
    case 'bool':
      return String(expr.value);
    case 'str':
      return `'${expr.value.replace(/[\\']/g, '\\$&')}'`;
    case 'var':
      return expr.name;
    case 'call':
      return `${expr.fn}(${expr.args.map((arg) => printAt(arg, 0)).join(', ')})`;
    case 'not':
      return `not ${printAt(expr.arg, PRECEDENCE.not)}`;
    case 'neg':
      return `-${printAt(expr.arg, PRECEDENCE.neg)}`;
    case 'bin': {
      const own = binaryPrecedence(expr.op);
      // Left-associative chains keep the left side bare; a comparison takes neither side bare
      // because comparisons do not chain.
      const leftMin = own === PRECEDENCE.compare ? own + 1 : own;
      return `${printAt(expr.left, leftMin)} ${expr.op} ${printAt(expr.right, own + 1)}`;
    }
  }
}

/** Prints digits only (no `1e+21`), since the language has no exponent syntax. */
function printNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  const text = String(value);
  if (!text.includes('e')) return text;
  if (Number.isInteger(value)) return BigInt(value).toString();
  const fixed = value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '' || fixed === '-0' ? '0' : fixed;
}
