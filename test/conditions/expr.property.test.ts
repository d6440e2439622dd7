import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpr, evaluate, isTrue, MAX_EXPR_LENGTH, parseExpr, printExpr, type DrillHistory, type ExprNames, type Expr, type ParseResult } from '../../src/conditions/index.js';

/** The tree without positions; duration literals marked, since they must print back as durations. */
function shape(e: Expr): string {
  switch (e.type) {
    case 'num':
      return `${e.value}${e.duration ? 'ms' : ''}`;
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

/** Every node's span lies inside the source and inside its parent's span. */
function spansNest(e: Expr, lo: number, hi: number): boolean {
  if (e.start < lo || e.end > hi || e.start > e.end) return false;
  const children = e.type === 'bin' ? [e.left, e.right] : e.type === 'call' ? e.args : 'arg' in e ? [e.arg] : [];
  return children.every((child) => spansNest(child, e.start, e.end));
}

/** What every parse must satisfy: an AST with sane spans, or one line of error inside the string. */
function assertWellFormed(source: string, result: ParseResult): void {
  if (result.ok) {
    expect(spansNest(result.expr, 0, source.length)).toBe(true);
  } else {
    expect(result.offset).toBeGreaterThanOrEqual(0);
    expect(result.offset).toBeLessThanOrEqual(source.length);
    expect(Number.isInteger(result.offset)).toBe(true);
    expect(result.message).toMatch(/^[^\n\r]+$/);
  }
}

// Pieces of the language (and of likely mistakes), so random sequences reach deep into the parser.
const PIECES = [
  'a', 'nodes', 'time', 'x_1', '(', ')', ',', 'and', 'or', 'not', '!', '&&', '||', '==', '!=', '<', '<=', '>',
  '>=', '+', '-', '*', '/', '0', '1', '0.5', '90s', '1h30m', "'x'", '"y-z"', 'fired', 'chose', 'true', 'false',
  '=', '&', '|', '#', '.', "'open", '10x', '\n',
];
const tokenSoup = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.constantFrom(' ', ''))
  .map(([pieces, gap]) => pieces.join(gap));

/** A history in which every id has happened (or none has), with `result` for every lookup's value. */
function historyAnswering(result: number | boolean): DrillHistory {
  const happened = result !== false && result !== 0;
  const answering = { has: () => happened, get: () => (happened ? result : undefined) };
  const any = answering as unknown as ReadonlyMap<string, never> & ReadonlySet<string>;
  return { fired: any, open: any, decided: any, timedOut: any, startedActions: any, landed: any, milestones: any };
}

const anyEnv = fc.record({
  time: fc.nat(),
  value: fc.oneof(fc.integer(), fc.boolean(), fc.constant(undefined), fc.double()),
  result: fc.oneof(fc.integer(), fc.boolean()),
});

describe('parseExpr on arbitrary input', () => {
  it('never throws on any string, and errors point inside it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ maxLength: 100 })), (source) => {
        assertWellFormed(source, parseExpr(source));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on sequences of language pieces, and what parses prints back to the same tree', () => {
    fc.assert(
      fc.property(tokenSoup, (source) => {
        const result = parseExpr(source);
        assertWellFormed(source, result);
        if (!result.ok) return;
        const again = parseExpr(printExpr(result.expr));
        expect(again.ok && shape(again.expr)).toBe(shape(result.expr));
      }),
      { numRuns: 3000 },
    );
  });

  it('evaluates whatever parses without throwing, for any environment', () => {
    fc.assert(
      fc.property(tokenSoup, anyEnv, (source, { time, value, result }) => {
        const parsed = parseExpr(source);
        if (!parsed.ok) return;
        const env = { time, variable: () => value, history: historyAnswering(result) };
        expect(['number', 'boolean', 'string']).toContain(typeof evaluate(parsed.expr, env));
        expect(typeof isTrue(parsed.expr, env)).toBe('boolean');
      }),
    );
  });

  it('handles hostile inputs at the length limit without deep recursion', () => {
    const names: ExprNames = { variables: new Map(), injects: new Set(), decisions: new Map(), actions: new Set(), milestones: new Set() };
    const hostile = [
      '('.repeat(MAX_EXPR_LENGTH),
      'not '.repeat(MAX_EXPR_LENGTH / 4),
      '-'.repeat(MAX_EXPR_LENGTH - 1) + '1',
      "'".repeat(MAX_EXPR_LENGTH),
      'f('.repeat(MAX_EXPR_LENGTH / 2),
      'a'.repeat(MAX_EXPR_LENGTH),
      '9'.repeat(MAX_EXPR_LENGTH),
      'a+'.repeat(MAX_EXPR_LENGTH / 2 - 1) + 'a',
      'a or '.repeat(MAX_EXPR_LENGTH / 5 - 1) + 'a',
    ];
    for (const source of hostile) {
      expect(source.length).toBeLessThanOrEqual(MAX_EXPR_LENGTH);
      const result = parseExpr(source);
      assertWellFormed(source, result);
      if (result.ok) {
        // Long flat chains are fine to parse; everything downstream must walk them too.
        expect(() => printExpr(result.expr)).not.toThrow();
        expect(() => checkExpr(result.expr, names)).not.toThrow();
        expect(() => evaluate(result.expr, { time: 0, variable: () => 1, history: historyAnswering(true) })).not.toThrow();
      }
    }
  });
});

// Trees as the parser builds them: no negative literals (those are `neg`), strings only as call
// arguments, and names that are not keywords.
const name = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/)
  .filter((n) => !['and', 'or', 'not', 'true', 'false'].includes(n));
const at = { start: 0, end: 0 };
const exprTree = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.nat(), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100)).map((value): Expr => ({ type: 'num', value, ...at })),
    fc.nat({ max: 36_000 }).map((s): Expr => ({ type: 'num', value: s * 1000, duration: true, ...at })),
    fc.boolean().map((value): Expr => ({ type: 'bool', value, ...at })),
    name.map((n): Expr => ({ type: 'var', name: n, ...at })),
    fc
      .tuple(name, fc.array(fc.oneof(fc.string({ maxLength: 8 }).map((value): Expr => ({ type: 'str', value, ...at })), tie('expr')), { maxLength: 3 }))
      .map(([fn, args]): Expr => ({ type: 'call', fn, args, ...at })),
    fc.tuple(fc.constantFrom('not' as const, 'neg' as const), tie('expr')).map(([type, arg]): Expr => ({ type, arg, ...at })),
    fc
      .tuple(fc.constantFrom(...(['+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'] as const)), tie('expr'), tie('expr'))
      .map(([op, left, right]): Expr => ({ type: 'bin', op, left, right, ...at })),
  ),
})).expr;

describe('printExpr', () => {
  it('prints any tree as source that parses back to the same tree', () => {
    fc.assert(
      fc.property(exprTree, (expr) => {
        const printed = printExpr(expr);
        fc.pre(printed.length <= MAX_EXPR_LENGTH);
        const parsed = parseExpr(printed);
        expect(parsed.ok ? shape(parsed.expr) : parsed.message).toBe(shape(expr));
      }),
      { numRuns: 2000 },
    );
  });
});
