import { describe, expect, it } from 'vitest';
import { MAX_EXPR_DEPTH, parseExpr, printExpr, type Expr } from '../../src/conditions/index.js';
import { parse } from '../helpers/conditions.js';

function parseError(source: string): { message: string; offset: number } {
  const result = parseExpr(source);
  if (result.ok) throw new Error(`expected ${JSON.stringify(source)} to fail, got ${printExpr(result.expr)}`);
  return { message: result.message, offset: result.offset };
}

/** The tree as an S-expression, without positions, so tests state structure plainly. */
function shape(e: Expr): string {
  switch (e.type) {
    case 'num':
    case 'bool':
      return String(e.value);
    case 'str':
      return JSON.stringify(e.value);
    case 'var':
      return e.name;
    case 'call':
      return `(${e.fn}${e.args.map((a) => ` ${shape(a)}`).join('')})`;
    case 'not':
    case 'neg':
      return `(${e.type} ${shape(e.arg)})`;
    case 'bin':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
  }
}

describe('parseExpr: precedence and forms', () => {
  it.each([
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['not a and b', '(and (not a) b)'],
    ['not x == 1', '(not (== x 1))'],
    ['! not a', '(not (not a))'],
    ['a && b || !c', '(or (and a b) (not c))'],
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 / 2', '(/ (/ 8 4) 2)'],
    ['-x * 2', '(* (neg x) 2)'],
    ['- -x', '(neg (neg x))'],
    ['(a or b) and c', '(and (or a b) c)'],
    ['a + 1 >= b * 2', '(>= (+ a 1) (* b 2))'],
    ['time >= 10m', '(>= time 600000)'],
    ['time < 1h30m', '(< time 5400000)'],
    ['0.5 < x', '(< 0.5 x)'],
    ['true != false', '(!= true false)'],
    ["chose('first-response', 'rollback')", '(chose "first-response" "rollback")'],
    ['fired("db-alert")', '(fired "db-alert")'],
    ["fired('it\\'s')", '(fired "it\'s")'],
    ['f()', '(f)'],
    ['count(\'x\') > 2 or reached("mitigated")', '(or (> (count "x") 2) (reached "mitigated"))'],
    ['toString or constructor', '(or toString constructor)'],
    ['a\n  and b', '(and a b)'],
  ])('%j parses as %s', (source, expected) => {
    expect(shape(parse(source))).toBe(expected);
  });

  it('marks duration literals, so they print back as durations', () => {
    const expr = parse('90s');
    expect(expr).toMatchObject({ type: 'num', value: 90_000, duration: true });
    expect(parse('90')).not.toHaveProperty('duration');
  });

  it('keeps 0-based source offsets on every node', () => {
    const expr = parse("nodes < 50 and fired('pager')");
    expect(expr).toMatchObject({ type: 'bin', op: 'and', start: 0, end: 29 });
    if (expr.type !== 'bin' || expr.left.type !== 'bin') throw new Error('unexpected shape');
    expect(expr.left).toMatchObject({ start: 0, end: 10 });
    expect(expr.left.left).toMatchObject({ type: 'var', start: 0, end: 5 });
    expect(expr.left.right).toMatchObject({ type: 'num', start: 8, end: 10 });
    expect(expr.right).toMatchObject({ type: 'call', start: 15, end: 29 });
  });

  it('gives a parenthesized expression the span of its parentheses', () => {
    expect(parse('x and (a or b)')).toMatchObject({ right: { op: 'or', start: 6, end: 14 } });
  });
});

describe('parseExpr: errors point at the mistake and say what to write', () => {
  it.each([
    ['a = b', 2, 'unexpected `=`; write `==` to compare'],
    ['a & b', 2, 'unexpected `&`; write `&&` or `and`'],
    ['a | b', 2, 'unexpected `|`; write `||` or `or`'],
    ['a => b', 2, 'unexpected `=>`; write `>=`'],
    ['a =< b', 2, 'unexpected `=<`; write `<=`'],
    ['a <> b', 2, 'unexpected `<>`; write `!=`'],
    ["fired('x'", 9, 'expected `)` to close `fired(` opened at column 1, but the condition ends'],
    ['x and (a or b', 13, 'expected `)` to close `(` opened at column 7, but the condition ends'],
    ['(a b)', 3, 'expected `)` to close `(` opened at column 1, but found `b`'],
    ['a and\n  (b or c', 15, 'expected `)` to close `(` opened at line 2, column 3, but the condition ends'],
    ["fired('x',)", 10, 'expected a value before `)`'],
    ['a )', 2, 'unmatched `)`; remove it or add a `(` before it'],
    ['a b', 2, 'unexpected `b` after a complete condition; join conditions with `and` or `or`'],
    ['', 0, 'empty condition'],
    ['   ', 0, 'empty condition'],
    ['1 +', 3, 'the condition ends too early; expected a value'],
    ['and x', 0, 'expected a value before `and`'],
    ['a < b < c', 6, 'comparisons do not chain; join two of them with `and`'],
    ['a == not b', 5, 'put it in parentheses, e.g. `(not x)`'],
    ["'x' == y", 0, 'a quoted string can only be a function argument'],
    ["fired('a' + 'b')", 10, 'expected `,` or `)` after the string, not `+`'],
    ["fired('x)", 6, 'unterminated string; close it with `\'`'],
    ['10x > 1', 0, 'malformed number or duration `10x`; write numbers like 12 or 0.5 and durations like 90s'],
    ['time > 30m1h', 7, 'malformed number or duration `30m1h`'],
    ['x > .5', 4, 'unexpected character `.`; write numbers with a leading digit, like 0.5'],
    ['x # y', 2, 'unexpected character `#`'],
    ['x > 😀', 4, 'unexpected character `😀`'],
    [`x > ${'9'.repeat(400)}`, 4, 'is too large'],
  ])('%j fails at %d with %j', (source, offset, message) => {
    const error = parseError(source);
    expect(error.message).toContain(message);
    expect(error.offset).toBe(offset);
  });

  it('rejects conditions over 2,000 characters', () => {
    const source = 'a or '.repeat(400) + 'a';
    const error = parseError(source);
    expect(error.message).toContain('over the limit of 2000');
    expect(error.offset).toBeLessThanOrEqual(source.length);
    expect(parseExpr('a or '.repeat(399) + 'a').ok).toBe(true);
  });

  it(`allows ${MAX_EXPR_DEPTH} levels of nesting and rejects more`, () => {
    const nest = (n: number): string => '('.repeat(n) + 'a' + ')'.repeat(n);
    expect(parseExpr(nest(MAX_EXPR_DEPTH)).ok).toBe(true);
    expect(parseError(nest(MAX_EXPR_DEPTH + 1))).toEqual({
      message: 'condition is nested more than 64 levels deep; simplify it',
      offset: MAX_EXPR_DEPTH,
    });
    expect(parseError('not '.repeat(100) + 'a').message).toContain('nested more than 64');
    expect(parseError('-'.repeat(1000) + '1').message).toContain('nested more than 64');
    expect(parseError('f('.repeat(100) + ')'.repeat(100)).message).toContain('nested more than 64');
  });
});
