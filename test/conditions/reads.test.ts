import { describe, expect, it } from 'vitest';
import { MAX_EXPR_LENGTH, readsOf, someRead, type ReadKind } from '../../src/conditions/index.js';
import { parse } from '../helpers/conditions.js';

describe('readsOf: what a condition reads', () => {
  it('lists variables and the ids functions read, by kind, in order of appearance', () => {
    const reads = readsOf(
      parse(
        "nodes > 1 and fired('pager') or chose('first-response', 'rollback') and done('restart-pods') and " +
          "reached('mitigated') and opened('comms') and count('restart-pods') > 0",
      ),
    );
    expect(reads).toEqual({
      names: [
        { kind: 'variable', name: 'nodes' },
        { kind: 'inject', name: 'pager' },
        { kind: 'decision', name: 'first-response' },
        { kind: 'action', name: 'restart-pods' },
        { kind: 'milestone', name: 'mitigated' },
        { kind: 'decision', name: 'comms' },
        { kind: 'action', name: 'restart-pods' },
      ],
      time: false,
      unnamed: false,
    });
  });

  it('keeps a name read twice (the engine counts reads to pick what to wait on)', () => {
    expect(readsOf(parse('x > 1 or x < -1')).names).toEqual([
      { kind: 'variable', name: 'x' },
      { kind: 'variable', name: 'x' },
    ]);
  });

  it('marks the clock apart from the variables', () => {
    expect(readsOf(parse('time >= 10m and not paused'))).toEqual({ names: [{ kind: 'variable', name: 'paused' }], time: true, unnamed: false });
    expect(readsOf(parse('-(time / 2) > 1')).time).toBe(true);
  });

  it('marks a function whose id is computed as reading the unnamed, and reads what computes it', () => {
    expect(readsOf(parse('fired(n + 1)'))).toEqual({ names: [{ kind: 'variable', name: 'n' }], time: false, unnamed: true });
    expect(readsOf(parse("count(x) > 0 and fired('a')")).unnamed).toBe(true);
    expect(readsOf(parse('done()')).unnamed).toBe(true);
  });

  it("reads only a chose()'s decision, whatever the option", () => {
    expect(readsOf(parse("chose('d', x)")).names).toEqual([
      { kind: 'variable', name: 'x' },
      { kind: 'decision', name: 'd' },
    ]);
  });

  it('reads nothing of an unknown function but its arguments (it is always false)', () => {
    expect(readsOf(parse("launch('x', y)"))).toEqual({ names: [{ kind: 'variable', name: 'y' }], time: false, unnamed: false });
  });

  it('reads nothing of literals', () => {
    expect(readsOf(parse('1 + 2 > 0 or true'))).toEqual({ names: [], time: false, unnamed: false });
  });

  it('walks the longest flat chains the parser accepts', () => {
    const source = `${'a+'.repeat(995)}a > 0`;
    expect(source.length).toBeLessThanOrEqual(MAX_EXPR_LENGTH);
    expect(readsOf(parse(source)).names).toHaveLength(996);
  });
});

describe('someRead: the walk itself', () => {
  it('visits reads in order and stops at the first the test accepts', () => {
    const seen: [ReadKind, string][] = [];
    const found = someRead(parse("a > 1 and time > 2 or fired('p') and b and reached('resolved')"), (kind, name) => {
      seen.push([kind, name]);
      return kind === 'inject';
    });
    expect(found).toBe(true);
    expect(seen).toEqual([
      ['variable', 'a'],
      ['time', 'time'],
      ['inject', 'p'],
    ]);
  });

  it('is false when no read passes the test', () => {
    expect(someRead(parse("a and fired('p')"), (kind) => kind === 'milestone')).toBe(false);
  });

  it('names the function for a computed id', () => {
    const seen: [ReadKind, string][] = [];
    someRead(parse('started(1)'), (kind, name) => {
      seen.push([kind, name]);
      return false;
    });
    expect(seen).toEqual([['unnamed', 'started']]);
  });
});
