/**
 * Big lists are read, validated and compiled item by item (`compile-stream.ts`), and a file that
 * fails the schema is read again whole. These tests hold that path to the whole-file one: the
 * same scenario, the same problems at the same places. A `%YAML 1.2` directive makes the fast
 * reader give up, so the same text with it goes through the whole-file path (two lines lower).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textCutByComment } from '../../../src/scenario/checks/advice.js';
import { loadScenarioText, type LoadResult } from '../../../src/scenario/compile/compile.js';
import type { Problem } from '../../../src/scenario/problems.js';
import type { YamlFile } from '../../../src/scenario/source/yaml-source.js';
import { edit, fixtureText, problemLines } from '../../helpers/problem-lines.js';

const SMALL = fixtureText('small.yaml');
const DIRECTIVE = '%YAML 1.2\n---\n';

/** The scenario as data (maps as entries), without its source (the texts differ by the directive). */
function shape(result: LoadResult): string {
  if (!result.ok) return 'not ok';
  const { source: _source, ...rest } = result.scenario;
  return JSON.stringify(rest, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
}

/** Problem lines with the whole-file path's two extra lines taken off. */
function shifted(result: LoadResult): string[] {
  const up = (n: string): number => Number(n) - 2;
  return problemLines(result).map((line) =>
    line.replace(/^(t\.yaml:)(\d+)(:)/, (_m, a: string, n: string, c: string) => `${a}${up(n)}${c}`).replace(/ on line (\d+)/g, (_m, n: string) => ` on line ${up(n)}`),
  );
}

function bothWays(text: string): { streamed: LoadResult; whole: LoadResult } {
  return { streamed: loadScenarioText(text, 't.yaml'), whole: loadScenarioText(DIRECTIVE + text, 't.yaml') };
}

describe('item-by-item loading agrees with the whole-file path', () => {
  it('on every shipped scenario', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'scenarios');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const { streamed, whole } = bothWays(readFileSync(join(dir, name), 'utf8'));
      expect(streamed.ok, name).toBe(true);
      expect(shape(streamed), name).toBe(shape(whole));
      expect(problemLines(streamed), name).toEqual(shifted(whole));
    }
  });

  it('on problems found while the items are read, and on schema errors after them', () => {
    const cases = [
      // A condition that does not parse, in a valid item: found while reading, no re-read.
      edit(SMALL, ['  - id: vp-asks\n', '  - id: vp-asks\n    when: nodes <<< 3\n']),
      // Three triggers at once, and a duplicate option id.
      edit(SMALL, ['  - id: vp-asks\n', '  - id: vp-asks\n    at: 1m\n    when: "nodes > 1"\n'], ['      - id: wait', '      - id: rotate-logs']),
      // A schema error in the last inject, after two clean ones were compiled.
      edit(SMALL, ['  - id: vp-asks\n', '  - id: vp-asks\n    colour: red\n']),
      // A schema error outside the lists, after them.
      `${SMALL}surprise: 1\n`,
      // Duplicate ids across lists.
      edit(SMALL, ['  - id: grow-volume', '  - id: disk-alert']),
    ];
    for (const text of cases) {
      const { streamed, whole } = bothWays(text);
      expect(problemLines(streamed).length).toBeGreaterThan(0);
      expect(problemLines(streamed)).toEqual(shifted(whole));
      expect(shape(streamed)).toBe(shape(whole));
    }
  });

  it('reads a list written as a flow `[…]` (not streamed) as it reads the same list as lines', () => {
    const flow = edit(SMALL, ['actions:\n', 'actions: []\nunused:\n']).replace(/unused:\n[\s\S]*?(?=\n[a-z])/, '').replace('unused:\n', '');
    const none = loadScenarioText(flow, 't.yaml');
    expect(problemLines(none)).toEqual(shifted(loadScenarioText(DIRECTIVE + flow, 't.yaml')));
    expect(shape(none)).toBe(shape(loadScenarioText(DIRECTIVE + flow, 't.yaml')));
    // A mapping where a list belongs is reported as on the whole-file path.
    const mapping = edit(SMALL, ['actions:\n', 'actions: {a: 1}\nunused:\n']);
    expect(problemLines(loadScenarioText(mapping, 't.yaml'))).toEqual(shifted(loadScenarioText(DIRECTIVE + mapping, 't.yaml')));
  });
});

/** The warning as it was found before: each line cut out and trimmed (the reference). */
function textCutReference(text: string): Omit<Problem, 'file'>[] {
  const problems: Omit<Problem, 'file'>[] = [];
  let blockIndent = -1;
  text.split('\n').forEach((line, i) => {
    const indentOf = () => line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === '' || indentOf() > blockIndent)) return;
    blockIndent = (line.includes('|') || line.includes('>')) && /:[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$/.test(line) ? indentOf() : -1;
    if (!line.includes('#') || !(line.includes(' #') || line.includes('\t#'))) return;
    const m = /^(\s*(?:- )?[A-Za-z_][\w-]*:[ \t]+)([^\s'"|>{[#&*!][^#]*?)[ \t]#(\S+)/.exec(line);
    if (!m) return;
    const col = m[1]!.length + m[2]!.length + 2;
    const message = `this text ends before \`#${m[3]}\`: a space then \`#\` starts a YAML comment; put the whole text in quotes if \`#${m[3]}\` belongs to it`;
    problems.push({ line: i + 1, col, severity: 'warning', message });
  });
  return problems;
}

describe('text cut short by a comment', () => {
  it('is found on the same lines as by cutting out every line', () => {
    const pieces = ['a: ', 'label: ', '- ', '  ', '    ', '\t', ' #', '#x', '#', '|', '>', '|-', 'x', 'Ask Dana', '"q"', '\n', '\n', '\u00a0', '\u2028', '\r', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const found = textCutByComment({ file: 'f', text } as YamlFile).map(({ file: _f, ...p }) => p);
        expect(found).toEqual(textCutReference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
