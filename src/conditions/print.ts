/**
 * Prints a condition back to source form, for reports and messages: parentheses only where
 * needed, and parsing the output gives the same tree back.
 */
import type { BinOp, Expr } from './ast.js';
import { formatDuration } from './duration.js';

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
