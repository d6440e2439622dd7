/**
 * The loader's two ways of reading a file, held to each other: a file read the fast way
 * (js-yaml) gives the same scenario and the same problems, at the same places, as the same file
 * read by `yaml`. A `%YAML 1.2` directive makes the fast read step aside, so the same text with
 * it goes through `yaml` (two lines lower). Also the fast read's own limits, case by case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadScenarioText, type LoadResult } from '../../../src/scenario/index.js';
import { readFast } from '../../../src/scenario/source/fast-read.js';
import { edit, fixtureText, problemLines } from '../../helpers/problem-lines.js';
import { ROOT } from '../../hostile/drill-process.js';

const SMALL = fixtureText('small.yaml');
const DIRECTIVE = '%YAML 1.2\n---\n';
const SCENARIOS = join(ROOT, 'scenarios');

/** The scenario as data (maps as entries), without its source (the texts differ by the directive). */
function shape(result: LoadResult): string {
  if (!result.ok) return 'not ok';
  const { source: _source, ...rest } = result.scenario;
  return JSON.stringify(rest, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
}

/** Problem lines with the `yaml` read's two extra lines taken off. */
function shifted(result: LoadResult): string[] {
  const up = (n: string): number => Number(n) - 2;
  return problemLines(result).map((line) =>
    line.replace(/^(t\.yaml:)(\d+)(:)/, (_m, a: string, n: string, c: string) => `${a}${up(n)}${c}`).replace(/ on line (\d+)/g, (_m, n: string) => ` on line ${up(n)}`),
  );
}

function expectSameBothWays(text: string): LoadResult {
  expect(readFast(text), 'the fast read takes this text').toBeDefined();
  expect(readFast(DIRECTIVE + text)).toBeUndefined();
  const fast = loadScenarioText(text, 't.yaml');
  const full = loadScenarioText(DIRECTIVE + text, 't.yaml');
  expect(problemLines(fast)).toEqual(shifted(full));
  expect(shape(fast)).toBe(shape(full));
  return fast;
}

describe('the fast read and the yaml read give the same scenario and problems', () => {
  it('on every shipped scenario', () => {
    for (const name of readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'))) {
      expect(expectSameBothWays(readFileSync(join(SCENARIOS, name), 'utf8')).ok, name).toBe(true);
    }
  });

  it('on schema errors, meaning errors and both at once', () => {
    const cases = [
      // A condition that does not parse.
      edit(SMALL, ['  - id: vp-asks\n', '  - id: vp-asks\n    when: nodes <<< 3\n']),
      // Three triggers at once, and a duplicate option id.
      edit(SMALL, ['  - id: vp-asks\n', '  - id: vp-asks\n    at: 1m\n    when: "nodes > 1"\n'], ['      - id: wait', '      - id: rotate-logs']),
      // A schema error in the last inject, and one outside the lists.
      edit(SMALL, ['  - id: vp-asks\n', '  - id: vp-asks\n    colour: red\n']),
      `${SMALL}surprise: 1\n`,
      // Duplicate ids across lists; a mapping where a list belongs; an empty list.
      edit(SMALL, ['  - id: grow-volume', '  - id: disk-alert']),
      edit(SMALL, ['actions:\n', 'actions: {a: 1}\nunused:\n']),
      edit(SMALL, ['injects:\n', 'injects: []\nunused:\n']),
      // An empty value, and a key whose value is missing at the end of the file.
      edit(SMALL, ['title: The disk that filled up\n', 'title:\n']),
      `${SMALL}notes:\n`,
    ];
    for (const text of cases) {
      const result = expectSameBothWays(text);
      expect(problemLines(result).length, text).toBeGreaterThan(0);
    }
  });

  it('on the flagship scenario with one line damaged, anywhere', () => {
    const lines = readFileSync(join(SCENARIOS, 'k8s-shrink.yaml'), 'utf8').split('\n');
    const damage = ['', 'x', ' ', ': ', '"', '- ', '  extra: 1', '#', '  - id: stray'];
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.constantFrom(...damage), fc.boolean(), (at, piece, replace) => {
        const text = [...lines.slice(0, at), ...(replace ? [piece] : [piece + lines[at]!]), ...lines.slice(at + 1)].join('\n');
        if (readFast(text) === undefined) return;
        const fast = loadScenarioText(text, 't.yaml');
        const full = loadScenarioText(DIRECTIVE + text, 't.yaml');
        expect(problemLines(fast)).toEqual(shifted(full));
        expect(shape(fast)).toBe(shape(full));
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});

describe('the fast read', () => {
  it('reads each plain scalar as yaml’s core schema does', () => {
    const cases: [string, unknown][] = [
      ['a: ~', null], ['a: null', null], ['a: Null', null], ['a: True', true], ['a: FALSE', false], ['a: 0o17', 15], ['a: -12', -12], ['a: +12', 12],
      ['a: 0x1F', 31], ['a: -.inf', -Infinity], ['a: .NaN', NaN], ['a: 1.5e3', 1500], ['a: 2.', 2], ['a: -0', -0], ['a: 007', 7],
      ['a: yes', 'yes'], ['a: on', 'on'], ['a: 0b11', '0b11'], ['a: 1_000', '1_000'], ['a: 2001-12-14', '2001-12-14'], ['a: 12:30', '12:30'],
      ['a: <<', '<<'], ['a: "x\\ty\\u00e9"', 'x\tyé'], ["a: 'it''s'", "it's"], ['a: 90s # comment', '90s'], ['a: C#', 'C#'], ['a: a [b] c', 'a [b] c'],
      ['a: |\n  x\n\n', 'x\n'], ['a: |-\n  x\n', 'x'], ['a: >\n  x\n  y\n', 'x y\n'], ['a: |+\n  x\n\n', 'x\n\n\n'],
    ];
    for (const [text, value] of cases) {
      const read = readFast(`${text}\n`);
      expect(read, text).toBeDefined();
      expect(isDeepStrictEqual(read!.value, { a: value }), text).toBe(true);
      expect(isDeepStrictEqual(read!.value, parseDocument(`${text}\n`).toJS()), text).toBe(true);
    }
  });

  it('leaves to yaml what js-yaml reads differently or does not report', () => {
    const cases = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      '? a\n: 1\n', // an explicit key
      '[a, b]: 1\n', // a list as a key
      '{a: 1}: 2\n', // a mapping as a key
      '~: 1\n', // a null key: "" to yaml, "null" to js-yaml
      'a: 1\n: 2\n', // an empty key
      '__proto__: 1\n',
      `${'k'.repeat(1100)}: 1\n`, // yaml refuses an implicit key this long
      'a: 1\na: 2\n', // duplicate keys
      'a: [1,\n  2]\n', // a flow collection over lines (yaml checks its indentation)
      'a: "x\n  y"\n', // a quoted text over lines (the same)
      'a:\n\tb: 1\n', // a tab in indentation
      'a: |\n\t\nb: 1\n', // a tab on a blank line of a block text
      'a: 1\rb: 2\n', // a carriage return alone is no line break to yaml
      '%YAML 1.1\n---\na: yes\n', // a directive (1.1 would make yes true)
      'a: 1\n---\nb: 2\n', // several documents
      'a: 1\n...\n',
      '# c\n\uFEFFa: 1\n', // a byte order mark at the start of a line
      '- a\n- \n', // a list item with nothing in it
      '{a, b: 1}\n', // a flow key with no value
      '[a: 1]\n', // a pair in a flow list
      "a: 'x'#c\n", // a comment glued to a closing quote or bracket: an error to yaml
      'a: [1]#c\n',
    ];
    for (const text of cases) expect(readFast(text), JSON.stringify(text)).toBeUndefined();
    // The same kinds of text without the thing in question are read fast.
    for (const text of ['a: 1\nb: 1\n', 'a: [1, 2]\n', 'a: "x y"\n', '---\na: 1\n', 'a: x\u00A0\n', '"a\\x41": 1\n']) {
      expect(readFast(text), JSON.stringify(text)).toBeDefined();
    }
  });
});
