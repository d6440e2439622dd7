// The watchlist re-checks a `when` condition only when something it reads has changed. It must
// report exactly the conditions, in exactly the order, that checking every condition in every
// pass reports (that full scan is what DrillCore.settle did before, and what the journal's bytes
// depend on). Checked against that full scan on random conditions and random histories.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExpr, isTrue, type Expr, type ExprEnv } from '../../src/conditions/index.js';
import { historyOf } from '../helpers/conditions.js';
import { Watchlist } from '../../src/engine/watchlist.js';

const VARS = ['a', 'b', 'c'];
const IDS = ['x', 'y', 'z'];

const atom = fc.oneof(
  fc.tuple(fc.constantFrom(...VARS), fc.constantFrom('<', '>', '==', '>='), fc.integer({ min: 0, max: 6 })).map(([v, op, n]) => `${v} ${op} ${n}`),
  fc.constantFrom(...IDS).map((id) => `fired('${id}')`),
  fc.constant(`reached('mitigated')`),
  fc.integer({ min: 0, max: 8 }).map((n) => `time > ${n}`),
  fc.constantFrom('true', 'false'),
);
const condition: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('expr'), fc.constantFrom('and', 'or'), tie('expr')).map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('expr').map((e) => `not ${e}`),
  ),
})).expr as fc.Arbitrary<string>;

type Step = { kind: 'var'; name: string; value: number } | { kind: 'fire'; id: string } | { kind: 'milestone' } | { kind: 'time' };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('var' as const), name: fc.constantFrom(...VARS), value: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('fire' as const), id: fc.constantFrom(...IDS) }),
  fc.constant({ kind: 'milestone' as const }),
  fc.constant({ kind: 'time' as const }),
);

/** A small world that conditions read; every change is also told to `touch`. */
function world(touch?: Watchlist<number> | Watchlist<string>) {
  const vars = new Map(VARS.map((v) => [v, 0]));
  const history = historyOf();
  const fired = history.fired as Set<string>;
  const milestones = history.milestones as Map<string, number>;
  let time = 0;
  const env: ExprEnv = {
    get time() {
      return time;
    },
    variable: (name) => vars.get(name),
    history,
  };
  const apply = (s: Step): void => {
    if (s.kind === 'var') {
      if (vars.get(s.name) !== s.value) touch?.touchVariable(s.name);
      vars.set(s.name, s.value);
    } else if (s.kind === 'fire') {
      if (!fired.has(s.id)) touch?.touchId(s.id);
      fired.add(s.id);
    } else if (s.kind === 'milestone') {
      if (!milestones.has('mitigated')) touch?.touchMilestone('mitigated');
      milestones.set('mitigated', time);
    } else {
      touch?.touchTime();
      time++;
    }
  };
  return { env, apply };
}

/** What firing condition `i` does: a change that may make others true (or false) in the same pass. */
const consequence = (i: number): Step => (i % 3 === 0 ? { kind: 'var', name: VARS[i % VARS.length]!, value: (i * 7) % 7 } : { kind: 'fire', id: IDS[i % IDS.length]! });

function fullScan(conditions: readonly Expr[], steps: readonly Step[]): number[] {
  const { env, apply } = world();
  const alive = conditions.map((_, i) => i);
  const order: number[] = [];
  for (const s of steps) {
    apply(s);
    for (let changed = true; changed; ) {
      changed = false;
      for (let k = 0; k < alive.length; k++) {
        const i = alive[k]!;
        if (isTrue(conditions[i]!, env)) {
          alive.splice(k--, 1);
          order.push(i);
          apply(consequence(i));
          changed = true;
        }
      }
    }
  }
  return order;
}

function withWatchlist(conditions: readonly Expr[], steps: readonly Step[]): number[] {
  const list = new Watchlist<number>();
  conditions.forEach((c, i) => list.add(i, c));
  const { env, apply } = world(list);
  const order: number[] = [];
  for (const s of steps) {
    apply(s);
    for (let changed = true; changed; ) {
      changed = false;
      list.beginPass();
      for (let w = list.next(); w !== undefined; w = list.next()) {
        if (list.check(w, env)) {
          order.push(w.item);
          apply(consequence(w.item));
          changed = true;
        }
      }
    }
  }
  return order;
}

describe('the watchlist of `when` conditions', () => {
  it('fires the same conditions in the same order as checking all of them every pass', () => {
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 12 }), fc.array(step, { maxLength: 30 }), (sources, steps) => {
        const conditions = sources.map((s) => {
          const parsed = parseExpr(s);
          if (!parsed.ok) throw new Error(`${s}: ${parsed.message}`);
          return parsed.expr;
        });
        expect(withWatchlist(conditions, steps)).toEqual(fullScan(conditions, steps));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('does not re-check a condition that waits on an event nobody touched', () => {
    const list = new Watchlist<string>();
    const when = parseExpr("fired('x') and a > 1");
    if (!when.ok) throw new Error(when.message);
    list.add('w', when.expr);
    const { env } = world(list);
    list.beginPass();
    const first = list.next()!;
    expect(list.check(first, env)).toBe(false);
    expect(list.next()).toBeUndefined();
    // `a` changing does not wake it: it sleeps on fired('x'), the part that is false.
    list.touchVariable('a');
    list.beginPass();
    expect(list.next()).toBeUndefined();
    list.touchId('x');
    list.beginPass();
    expect(list.next()?.item).toBe('w');
  });
});
