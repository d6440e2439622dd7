import { describe, expect, it, vi } from 'vitest';
import { evaluate, isTrue, type DrillHistory, type Expr, type ExprEnv, type ExprValue } from '../../src/conditions/index.js';
import { envOf, historyOf, parse } from '../helpers/conditions.js';

const env = (variables: Record<string, number | boolean> = {}, time = 0): ExprEnv => envOf(variables, historyOf(), time);
const run = (source: string, e: ExprEnv = env()): ExprValue => evaluate(parse(source), e);

/** A history that notes every id the functions look up, to see which calls were made. */
function recordingHistory(): { history: DrillHistory; looked: string[] } {
  const looked: string[] = [];
  const watch = <T extends object>(collection: T): T =>
    new Proxy(collection, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (typeof value !== 'function') return value;
        return (id: string, ...rest: unknown[]) => {
          looked.push(id);
          return (value as (...args: unknown[]) => unknown).call(target, id, ...rest);
        };
      },
    });
  const base = historyOf({ decided: { yes: 'opt' }, landed: { x: 3 } });
  const history = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, watch(v as object)])) as unknown as DrillHistory;
  return { history, looked };
}

describe('evaluate', () => {
  it('compares the scenario clock against durations', () => {
    expect(run('time >= 10m', env({}, 600_000))).toBe(true);
    expect(run('time >= 10m', env({}, 599_999))).toBe(false);
  });

  it('does arithmetic with the usual precedence', () => {
    expect(run('(a + 2) * 3 - 4 / 2', env({ a: 1 }))).toBe(7);
    expect(run('-a - -a', env({ a: 5 }))).toBe(0);
  });

  it("reads variables and passes string arguments to the drill's history", () => {
    const { history, looked } = recordingHistory();
    const e = envOf({ nodes: 40, autoscaling: false }, history);
    expect(run("nodes < 50 and not autoscaling and chose('yes', 'opt')", e)).toBe(true);
    expect(looked).toEqual(['yes']);
    expect(run("count('x') * 2", e)).toBe(6);
    expect(run("chose('yes', 'other') or chose('no', 'opt')", e)).toBe(false);
  });

  it('gives computed arguments to functions as text', () => {
    const e = envOf({ n: 7 }, historyOf({ fired: ['7'] }));
    expect(run('fired(n)', e)).toBe(true);
    expect(run("fired(n + 1) or fired('n')", e)).toBe(false);
  });

  it('never throws: division by zero is 0, unknown names are 0 and false', () => {
    expect(run('x / 0', env({ x: 5 }))).toBe(0);
    expect(run('0 / 0')).toBe(0);
    expect(run('missing')).toBe(0);
    expect(isTrue(parse('missing'), env())).toBe(false);
    expect(run('not missing')).toBe(true);
    expect(run('missing + 2')).toBe(2);
    expect(run("nosuch('x')")).toBe(false);
    expect(run('fired()')).toBe(false);
  });

  it('makes every comparison of mismatched types false', () => {
    const e = env({ flag: true, n: 1 });
    expect(run('flag == n', e)).toBe(false);
    expect(run('flag != n', e)).toBe(false);
    expect(run('flag < n', e)).toBe(false);
    expect(run('flag >= n', e)).toBe(false);
    expect(run('flag + n', e)).toBe(0);
    expect(run('-flag', e)).toBe(0);
    expect(run('flag == true and n != 2', e)).toBe(true);
  });

  it('short-circuits and/or, so later calls are not made', () => {
    const { history, looked } = recordingHistory();
    const e = envOf({}, history);
    expect(run("false and fired('yes')", e)).toBe(false);
    expect(run("true or fired('yes')", e)).toBe(true);
    expect(looked).toEqual([]);
  });

  it('isTrue holds only for true and non-zero numbers', () => {
    const holds = (source: string, vars: Record<string, number | boolean> = {}) => isTrue(parse(source), env(vars));
    expect(holds('true')).toBe(true);
    expect(holds('false')).toBe(false);
    expect(holds('x', { x: 2 })).toBe(true);
    expect(holds('x', { x: 0 })).toBe(false);
    expect(holds('0 / 0 + x', { x: Number.NaN })).toBe(false);
    const str: Expr = { type: 'str', value: 'true', start: 0, end: 6 };
    expect(isTrue(str, env())).toBe(false);
  });

  it('reads `time` from the environment, not from a variable', () => {
    const variable = vi.fn(() => 99);
    expect(evaluate(parse('time'), { time: 5, variable, history: historyOf() })).toBe(5);
    expect(variable).not.toHaveBeenCalled();
  });
});
