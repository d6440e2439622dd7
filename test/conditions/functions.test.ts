// Walks the table of functions: each one must be parsed, checked, read by the walker, evaluated
// against a drill's history and documented, so that a function added in one place alone fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONDITION_FUNCTIONS,
  EMPTY_HISTORY,
  checkExpr,
  evaluate,
  readsOf,
  type ArgKind,
  type ExprNames,
  type IdKind,
} from '../../src/conditions/index.js';
import { envOf, historyOf, parse, type HistorySketch } from '../helpers/conditions.js';

const ID: Record<ArgKind, string> = { inject: 'pager', decision: 'triage', option: 'rollback', action: 'restart', lookup: 'nodes-list', milestone: 'mitigated', ending: 'limit', impact: 'down' };

const names: ExprNames = {
  variables: new Map([['nodes', 'number']]),
  injects: new Set([ID.inject]),
  decisions: new Map([[ID.decision, new Set([ID.option, 'wait'])]]),
  actions: new Set([ID.action]),
  lookups: new Set([ID.lookup]),
  milestones: new Set(['detected', ID.milestone]),
  atEnd: true,
};

/** A history in which each function is true (or counts 2): the one test to write with a new function. */
const HAPPENED: Record<string, HistorySketch> = {
  fired: { fired: [ID.inject] },
  opened: { open: [ID.decision] },
  decided: { decided: { [ID.decision]: 'wait' } },
  chose: { decided: { [ID.decision]: ID.option } },
  timedout: { timedOut: [ID.decision] },
  started: { started: [ID.action] },
  done: { landed: { [ID.action]: 1 } },
  count: { landed: { [ID.action]: 2 } },
  reached: { milestones: [ID.milestone] },
  looked: { looked: [ID.lookup] },
  at: { milestonesAt: { [ID.milestone]: 2 } },
  ended: { ending: { reason: ID.ending, downMs: 0, degradedMs: 0 } },
  time_in: { ending: { reason: 'condition', downMs: 2, degradedMs: 0 } },
};

/** What a function gives before anything happened, where that is not false or 0. */
const BEFORE: Record<string, number> = { at: Number.POSITIVE_INFINITY };

const DOCS = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
const functions = [...CONDITION_FUNCTIONS.values()];
const call = (name: string, args: readonly ArgKind[]): string => `${name}(${args.map((kind) => `'${ID[kind]}'`).join(', ')})`;

describe.each(functions)('the function $name', (fn) => {
  const source = call(fn.name, fn.args);
  const condition = fn.returns === 'boolean' ? source : `${source} > 1`;

  it('parses as a call of its quoted ids', () => {
    const expr = parse(source);
    expect(expr).toMatchObject({ type: 'call', fn: fn.name, args: fn.args.map((kind) => ({ type: 'str', value: ID[kind] })) });
  });

  it('passes the checks when it names what exists, as the type it returns', () => {
    expect(checkExpr(parse(condition), names)).toEqual([]);
    const wrongType = fn.returns === 'boolean' ? `${source} + 1 > 0` : `not ${source}`;
    expect(checkExpr(parse(wrongType), names)).toHaveLength(1);
  });

  it('is refused with the wrong number of arguments or an unknown id', () => {
    const count = `${fn.args.length} argument${fn.args.length === 1 ? '' : 's'}`;
    expect(checkExpr(parse(`${fn.name}()`), names)[0]?.message).toBe(`${fn.name}() takes ${count}, got 0; write ${fn.name}(${fn.args.map((k) => `'${k}'`).join(', ')})`);
    const unknown = source.replace(`'${ID[fn.args[0]]}'`, "'zzz'");
    expect(checkExpr(parse(fn.returns === 'boolean' ? unknown : `${unknown} > 1`), names)[0]?.message).toMatch(new RegExp(`^unknown ${fn.args[0]} 'zzz' in ${fn.name}\\(\\)`));
  });

  it("is read by the walker as its first argument's history", () => {
    expect(readsOf(parse(source))).toEqual({ names: [{ kind: fn.args[0], name: ID[fn.args[0]] }], time: false, unnamed: false });
    const computed = readsOf(parse(`${fn.name}(nodes${fn.args.length > 1 ? ", 'x'" : ''})`));
    expect(computed).toEqual({ names: [{ kind: 'variable', name: 'nodes' }], time: false, unnamed: true });
  });

  it("is evaluated against the drill's history, as the type it returns", () => {
    const before = evaluate(parse(source), envOf({}, EMPTY_HISTORY));
    expect(before).toBe(BEFORE[fn.name] ?? (fn.returns === 'boolean' ? false : 0));
    const sketch = HAPPENED[fn.name];
    expect(sketch, `HAPPENED has no history in which ${fn.name}() is true`).toBeDefined();
    const after = evaluate(parse(source), envOf({}, historyOf(sketch)));
    expect(after).toBe(fn.returns === 'boolean' ? true : 2);
  });

  it('is documented in docs/scenario-format.md as the table says', () => {
    const placeholder = `${fn.name}(${fn.args.map((kind) => `'${kind}'`).join(', ')})`;
    expect(DOCS).toContain(`| \`${placeholder}\` | ${fn.doc} |`);
  });
});

describe('the end-of-drill functions', () => {
  it('are refused in a scenario, where the drill has not ended, and allowed in expect:', () => {
    const inScenario = { ...names, atEnd: false };
    expect(checkExpr(parse("ended('limit')"), inScenario)[0]?.message).toBe(
      "ended() is known only once the drill has ended; use it in an answers file's `expect:`, not in a scenario",
    );
    expect(checkExpr(parse("time_in('down') < 5m"), inScenario)).toHaveLength(1);
    expect(checkExpr(parse("at('mitigated') < 5m"), inScenario)).toEqual([]);
    expect(checkExpr(parse("ended('limit') and time_in('degraded') < 5m"), names)).toEqual([]);
  });

  it('keep a milestone never reached later than any time', () => {
    expect(evaluate(parse("at('mitigated') <= 30m"), envOf({}, EMPTY_HISTORY))).toBe(false);
  });
});

describe('the table of functions', () => {
  it('has a history for each function and no more', () => {
    expect(Object.keys(HAPPENED).sort()).toEqual(functions.map((fn) => fn.name).sort());
  });

  it('is the whole list the docs give', () => {
    const section = DOCS.slice(DOCS.indexOf('| Function |'));
    const table = section.slice(0, section.indexOf('\n\n'));
    const documented = [...table.matchAll(/^\| `(\w+)\(/gm)].map((m) => m[1]);
    expect(documented).toEqual(functions.map((fn) => fn.name));
  });

  it('suggests one function for each kind of id written bare', () => {
    const kinds: IdKind[] = ['inject', 'decision', 'action', 'milestone'];
    for (const kind of kinds) {
      expect(functions.filter((fn) => fn.forBareId && fn.args[0] === kind)).toHaveLength(1);
    }
  });

  it('gives every function a name the lexer reads as one word, and no word of the language', () => {
    for (const fn of functions) {
      expect(fn.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(['and', 'or', 'not', 'true', 'false', 'time']).not.toContain(fn.name);
    }
  });
});
