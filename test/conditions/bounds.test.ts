import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANY, EMPTY_HISTORY, isTrue, verdictOf, type BinOp, type Bounds, type BoundsEnv, type Expr } from '../../src/conditions/index.js';
import { parse } from '../helpers/conditions.js';

const RANGES: Record<string, Bounds> = {
  nodes: { kind: 'number', lo: 0, hi: 100 },
  load: { kind: 'number', lo: 20, hi: Number.POSITIVE_INFINITY },
  ok: { kind: 'boolean', canBeTrue: true, canBeFalse: false },
  paged: { kind: 'boolean', canBeTrue: true, canBeFalse: true },
};
const env: BoundsEnv = { variable: (name) => RANGES[name] ?? ANY };
const truth = (source: string): string => verdictOf(parse(source), env).truth;
const because = (source: string): string[] => {
  const text = source;
  return verdictOf(parse(source), env).because.map((e) => text.slice(e.start, e.end));
};

describe('verdictOf: what a condition can be over the ranges of its variables', () => {
  it('finds comparisons no value in range can satisfy, and only those', () => {
    expect(truth('nodes >= 200')).toBe('false');
    expect(truth('nodes > 100')).toBe('false');
    expect(truth('nodes >= 100')).toBe('unknown');
    expect(truth('nodes < 0')).toBe('false');
    expect(truth('nodes == 150')).toBe('false');
    expect(truth('nodes != 150')).toBe('true');
    expect(truth('load < 20')).toBe('false');
    expect(truth('load > 1000000')).toBe('unknown');
    expect(truth('time < 0')).toBe('false');
  });

  it('follows arithmetic, and gives up where a corner is undefined or on division', () => {
    expect(truth('nodes + 10 > 110')).toBe('false');
    expect(truth('nodes * 2 > 200')).toBe('false');
    expect(truth('-nodes > 0')).toBe('false');
    expect(truth('load - nodes < -80')).toBe('false');
    expect(truth('load - load < 0')).toBe('unknown'); // ∞ − ∞
    expect(truth('nodes / 2 > 100')).toBe('unknown');
  });

  it('reads true/false variables by the values they can take', () => {
    expect(truth('not ok')).toBe('false');
    expect(truth('ok == false')).toBe('false');
    expect(truth('paged == false')).toBe('unknown');
  });

  it('combines with and/or/not over true, false and unknown, naming the parts that decide', () => {
    expect(truth("reached('resolved') and nodes > 100")).toBe('false');
    expect(because("reached('resolved') and nodes > 100")).toEqual(['nodes > 100']);
    expect(truth("reached('resolved') or nodes > 100")).toBe('unknown');
    expect(truth('nodes > 100 or nodes < 0')).toBe('false');
    expect(because('nodes > 100 or nodes < 0')).toEqual(['nodes > 100', 'nodes < 0']);
    expect(truth('not (nodes <= 100)')).toBe('false');
    expect(because('not ok')).toEqual(['not ok']);
    expect(truth('paged and not paged')).toBe('unknown'); // values are ranges, not tied to each other: never a false warning
  });

  it('never calls a condition false that some values in range make true, nor true that some make false', () => {
    const ops: BinOp[] = ['+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!='];
    const at = { start: 0, end: 0 };
    const number: fc.Arbitrary<Expr> = fc.oneof(
      fc.constantFrom('nodes', 'load', 'time').map((name): Expr => ({ type: 'var', name, ...at })),
      fc.integer({ min: -150, max: 250 }).map((value): Expr => ({ type: 'num', value, ...at })),
    );
    const { cond } = fc.letrec<{ cond: Expr; num: Expr }>((tie) => ({
      num: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        number,
        fc.record({ type: fc.constant('neg' as const), arg: tie('num'), start: fc.constant(0), end: fc.constant(0) }),
        fc.record({ type: fc.constant('bin' as const), op: fc.constantFrom<BinOp>('+', '-', '*', '/'), left: tie('num'), right: tie('num'), start: fc.constant(0), end: fc.constant(0) }),
      ),
      cond: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('ok', 'paged').map((name): Expr => ({ type: 'var', name, ...at })),
        fc.record({ type: fc.constant('bin' as const), op: fc.constantFrom(...ops.slice(4)), left: tie('num'), right: tie('num'), start: fc.constant(0), end: fc.constant(0) }),
        fc.record({ type: fc.constant('bin' as const), op: fc.constantFrom<BinOp>('and', 'or'), left: tie('cond'), right: tie('cond'), start: fc.constant(0), end: fc.constant(0) }),
        fc.record({ type: fc.constant('not' as const), arg: tie('cond'), start: fc.constant(0), end: fc.constant(0) }),
      ),
    }));
    const world = fc.record({
      nodes: fc.integer({ min: 0, max: 100 }),
      load: fc.oneof(fc.integer({ min: 20, max: 10_000 }), fc.constant(1e12)),
      time: fc.nat(),
      paged: fc.boolean(),
    });
    fc.assert(
      fc.property(cond as fc.Arbitrary<Expr>, world, (expr, values) => {
        const verdict = verdictOf(expr, env).truth;
        if (verdict === 'unknown') return;
        const value = isTrue(expr, {
          time: values.time,
          variable: (name) => (name === 'ok' ? true : (values as Record<string, number | boolean>)[name]),
          history: EMPTY_HISTORY,
        });
        expect(value).toBe(verdict === 'true');
      }),
      { numRuns: 2000 },
    );
  });
});
