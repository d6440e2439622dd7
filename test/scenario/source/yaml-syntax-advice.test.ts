/**
 * A YAML syntax mistake gets one line, at the place to edit, naming the likely mistake — in a
 * scenario and in an answers file alike (both go through the same reader). Each case is the
 * flagship scenario or the answers fixture with one typo a person makes when writing by hand.
 * (`test/hostile/` runs a few of them through the real CLI, exit code and all.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioText } from '../../../src/scenario/index.js';
import { loadAnswersText } from '../../../src/session/answers/answers.js';
import { edit, fixtureText } from '../../helpers/problem-lines.js';
import { ROOT } from '../../hostile/drill-process.js';

const FLAGSHIP = readFileSync(join(ROOT, 'scenarios/k8s-shrink.yaml'), 'utf8');
const ANSWERS = fixtureText('answers-small.yaml');

function scenarioLines(text: string): string[] {
  const result = loadScenarioText(text, 's.yaml');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

function answersLines(text: string): string[] {
  const result = loadAnswersText(text, 'a.yaml');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('a syntax mistake in a scenario: one line naming it, where to edit', () => {
  it.each([
    [
      'a missing } (at the {, not on the next line)',
      ['difficulty: hard\n', 'difficulty: hard\nmeta: {a: 1, b: 2\n'],
      's.yaml:32:7: missing `}`: this `{` is never closed; add `}` after the last entry of the mapping',
    ],
    [
      'a missing ]',
      ['difficulty: hard\n', 'difficulty: hard\ntags: [a, b\n'],
      's.yaml:32:7: missing `]`: this `[` is never closed; add `]` after the last entry of the list',
    ],
    [
      'a list item indented 3 spaces among items at 2',
      ['  - id: ops\n', '   - id: ops\n'],
      's.yaml:39:4: this list item is indented 3 spaces, but the items before it are indented 2 spaces; line up its `-` with theirs',
    ],
    [
      'a list item indented 1 space among items at 2',
      ['  - id: ops\n', ' - id: ops\n'],
      's.yaml:39:2: this list item is indented 1 space, but the items before it are indented 2 spaces; line up its `-` with theirs',
    ],
    [
      'a key indented one space more than the key above it',
      ['    title: Ops on call (platform team)\n', '     title: Ops on call (platform team)\n'],
      's.yaml:40:6: this key is indented 5 spaces, but `id` on the line above is indented 4 spaces; line them up',
    ],
    [
      'a key indented one space less than the key above it',
      ['    title: Ops on call (platform team)\n', '   title: Ops on call (platform team)\n'],
      's.yaml:40:4: this key is indented 3 spaces, but `id` on the line above is indented 4 spaces; line them up',
    ],
    [
      'a tab for indentation (and none of the parser’s knock-on complaints)',
      ['  - id: ops\n    title: Ops', '  - id: ops\n\ttitle: Ops'],
      's.yaml:40:1: a tab is used for indentation; YAML indents with spaces only — use spaces',
    ],
    [
      'an unclosed quote',
      ['difficulty: hard\n', 'difficulty: "hard\n'],
      's.yaml:31:13: this quoted string is never closed; add the closing "',
    ],
    [
      'no space after a top-level `key:`',
      ['difficulty: hard\n', 'difficulty:hard\n'],
      's.yaml:31:11: missing space after `:` in `difficulty:hard`; write `difficulty: hard`',
    ],
    [
      'no space after a nested `key:`',
      ['    title: Ops on call (platform team)\n', '    title:Ops on call (platform team)\n'],
      's.yaml:40:10: missing space after `:` in `title:Ops on call (platform te…`; write `title: Ops on call (platform te…`',
    ],
  ])('%s', (_name, [from, to], expected) => {
    expect(scenarioLines(edit(FLAGSHIP, [from!, to!]))).toEqual([expected]);
  });
});

describe('a syntax mistake in an answers file: the same advice, at the same kind of place', () => {
  it.each([
    [
      'a missing } in a list item',
      ['  - {name: Julie, role: ops}\n', '  - {name: Julie, role: ops\n'],
      'a.yaml:3:5: missing `}`: this `{` is never closed; add `}` after the last entry of the mapping',
    ],
    [
      'a missing } on the last line of a mapping',
      ['facilitator: Sam\n', 'facilitator: Sam\nmeta: {a: 1, b: 2\n'],
      'a.yaml:5:7: missing `}`: this `{` is never closed; add `}` after the last entry of the mapping',
    ],
    [
      'a missing ] (the next line’s brackets are its own)',
      ['lucky: []', 'lucky: ['],
      'a.yaml:21:10: missing `]`: this `[` is never closed; add `]` after the last entry of the list',
    ],
    [
      'a list item indented 3 spaces',
      ['  - {name: Julie, role: ops}\n', '   - {name: Julie, role: ops}\n'],
      'a.yaml:3:4: this list item is indented 3 spaces, but the items before it are indented 2 spaces; line up its `-` with theirs',
    ],
    [
      'a tab for indentation',
      ['  - {name: Julie, role: ops}\n', '\t- {name: Julie, role: ops}\n'],
      'a.yaml:3:1: a tab is used for indentation; YAML indents with spaces only — use spaces',
    ],
    [
      'an unclosed quote',
      ['facilitator: Sam\n', 'facilitator: "Sam\n'],
      'a.yaml:4:14: this quoted string is never closed; add the closing "',
    ],
    [
      'no space after `key:`',
      ['facilitator: Sam\n', 'facilitator:Sam\n'],
      'a.yaml:4:12: missing space after `:` in `facilitator:Sam`; write `facilitator: Sam`',
    ],
  ])('%s', (_name, [from, to], expected) => {
    expect(answersLines(edit(ANSWERS, [from!, to!]))).toEqual([expected]);
  });
});

describe('brackets', () => {
  const load = (text: string) => scenarioLines(text);

  it('says a closing bracket is under-indented, not missing, when it is on the line the parser stopped at', () => {
    expect(load('id: a\nmeta:\n  x: {a: 1,\nb: 2}\nc: 3\n')).toEqual([
      's.yaml:4:1: the `{` on line 3 is closed on this line, but the lines from there to here must be indented deeper than the key they belong to; indent this line',
    ]);
  });

  it('names the inner bracket when a `}` closes a `[` that was never closed', () => {
    expect(load('id: a\nx: {a: [1, 2}\ny: 1\n')).toEqual([
      's.yaml:2:8: missing `]`: this `[` is never closed; add `]` after the last entry of the list',
    ]);
  });

  it('finds an unclosed bracket at the top level', () => {
    expect(load('{id: a, title: b\n')).toEqual([
      's.yaml:1:1: missing `}`: this `{` is never closed; add `}` after the last entry of the mapping',
    ]);
  });

  it('names a closing bracket that closes nothing, without the parser’s echoes on the lines after it', () => {
    expect(load('id: a\nmeta: {a: 1}}\nc: 3\n')).toEqual([
      's.yaml:2:13: this `}` closes nothing; remove it, or add the `{` it belongs to',
    ]);
  });
});

describe('what is kept besides the syntax error', () => {
  it('keeps a duplicate key above the syntax error: it is real, the tree is the file there', () => {
    expect(scenarioLines('id: a\nid: b\nc: {x: 1\nd: 2\n')).toEqual([
      's.yaml:2:1: duplicate key `id` (already set on line 1); keep only one of them',
      's.yaml:3:4: missing `}`: this `{` is never closed; add `}` after the last entry of the mapping',
    ]);
  });

  it('drops a duplicate key the parser only saw because a tab broke the lines before it', () => {
    const text = edit(FLAGSHIP, ['  - id: ops\n    title: Ops', '  - id: ops\n\ttitle: Ops']);
    expect(scenarioLines(text).join('\n')).not.toMatch(/duplicate|plain name/);
  });

  it('reports `key:value` as the last line of a nested mapping', () => {
    expect(scenarioLines('a:\n  b: 1\n  c:d\n')).toEqual([
      's.yaml:3:4: missing space after `:` in `c:d`; write `c: d`',
    ]);
  });
});

describe('indentation at the top level', () => {
  it('names an indented first key, not the next key the parser stumbles on', () => {
    expect(scenarioLines(FLAGSHIP.replace(/^id: /m, ' id: '))).toEqual([
      's.yaml:22:2: the first key is indented 1 space, but the keys after it start the line; remove the spaces before it',
    ]);
  });
});
