import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, loadScenarioText, formatProblem } from '../../../src/scenario/index.js';
import { MAX_SCENARIO_BYTES } from '../../../src/scenario/source/index.js';
import { fixtureText, problemLines } from '../../helpers/problem-lines.js';

const hostile = (name: string): string => fileURLToPath(new URL(`../../fixtures/hostile/${name}`, import.meta.url));
const EXPECTED = 'a scenario: a mapping with id:, title:, injects: and so on';

/** Loads a hostile file; it must fail with exactly one line, and never throw. */
function oneLine(result: ReturnType<typeof loadScenarioText>): string {
  expect(result.ok).toBe(false);
  const lines = problemLines(result);
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain('\n');
  return lines[0]!;
}

describe('hostile files on disk: one line each', () => {
  it.each([
    ['binary.yaml', '3:1: this is a binary file (it contains a NUL byte), not YAML text; pass a .yaml file'],
    ['latin1.yaml', '1:8: this file is not valid UTF-8 text (Latin-1 or another encoding?); save it as UTF-8'],
    ['list-root.yaml', `1:1: the top level is a list; expected ${EXPECTED} as \`key: value\` lines`],
    ['number-root.yaml', `1:1: the top level is a single number; expected ${EXPECTED} as \`key: value\` lines`],
    ['tabs.yaml', '4:1: a tab is used for indentation; YAML indents with spaces only — use spaces (2 lines use tabs)'],
    ['duplicate-keys.yaml', '4:1: duplicate key `title` (already set on line 2); keep only one of them'],
    ['unterminated.yaml', '2:8: this quoted string is never closed; add the closing "'],
    ['bad-indent.yaml', '4:3: this key is indented 2 spaces, but the keys before it in its mapping are not indented; line it up with them, or indent it under the key it belongs to'],
    ['billion-laughs.yaml', '2:8: aliases (`*name`) expand to too much data; write the values out instead of nesting anchors'],
    ['proto.yaml', '3:1: `__proto__` cannot be used as a key (it is special to JavaScript); rename it'],
  ])('%s', (name, expected) => {
    const path = hostile(name);
    expect(oneLine(loadScenarioFile(path))).toBe(`${path}:${expected}`);
  });
});

describe('hostile text: one line each', () => {
  const load = (text: string | Uint8Array) => oneLine(loadScenarioText(text, 'h.yaml'));

  it('refuses an empty file, a blank one and one with only comments', () => {
    expect(load('')).toBe(`h.yaml:1:1: the file is empty; expected ${EXPECTED}`);
    expect(load('\n   \n')).toBe(`h.yaml:1:1: the file is empty; expected ${EXPECTED}`);
    expect(load('# just a comment\n')).toBe(`h.yaml:1:1: the file has no content; expected ${EXPECTED}`);
  });

  it('refuses a file over the size limit before reading it as YAML', () => {
    const big = `id: big\ntext: "${'a'.repeat(65 * 1024 * 1024)}"\n`;
    expect(load(big)).toBe('h.yaml:1:1: file is too large (65.0 MB; the limit is 64 MB); a scenario is a few dozen KB — trim long texts or split it');
    expect(MAX_SCENARIO_BYTES).toBe(64 * 1024 * 1024);
  });

  it('refuses 200-deep nesting, flow or block, at the level where it crosses the limit', () => {
    expect(load(`a: ${'['.repeat(200)}${']'.repeat(200)}\n`)).toBe(
      'h.yaml:1:67: nesting is deeper than 64 levels; a scenario needs only a few — flatten the structure',
    );
    const block = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}k:\n`).join('');
    expect(load(block)).toBe('h.yaml:65:129: nesting is deeper than 64 levels; a scenario needs only a few — flatten the structure');
    expect(load(`${'- '.repeat(200)}x\n`)).toBe('h.yaml:1:129: nesting is deeper than 64 levels; a scenario needs only a few — flatten the structure');
  });

  it('refuses a million nested brackets before parsing (the parser alone would run out of memory)', () => {
    expect(load(`a: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`)).toMatch(/^h\.yaml:1:67: nesting is deeper than 64 levels/);
  });

  it('refuses several documents, collection keys and control characters', () => {
    expect(load('id: a\n---\nid: b\n')).toBe('h.yaml:2:1: a file holds one YAML document; remove the `---` line and what follows it, or merge them');
    expect(load('? [a, b]\n: 1\n')).toBe('h.yaml:1:3: a key must be a plain name, not a list or a mapping; write `name: value`');
    expect(load('id: x\ntitle: "\u001b[31mred"\n')).toBe(
      'h.yaml:2:9: control character U+001B is not allowed in YAML text; remove it (terminal colour codes cannot be shown anyway)',
    );
  });

  it('explains a colon inside unquoted text', () => {
    expect(load('id: x\ntitle: Error: disk full\n')).toBe(
      'h.yaml:2:8: a value cannot start another `key:` on the same line; quote the value if the colon is part of the text, or put the nested mapping on its own indented lines',
    );
  });
});

describe('__proto__ and constructor keys', () => {
  it('never pollute Object.prototype, wherever they appear', () => {
    const texts = [
      '__proto__: {polluted: true}\n',
      'world:\n  __proto__: {initial: 1, polluted: true}\n',
      'injects:\n  - {__proto__: {polluted: true}}\n',
      'constructor: {prototype: {polluted: true}}\n',
    ];
    for (const text of texts) loadScenarioText(text, 'p.yaml');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('treats `constructor` as an ordinary unknown key in a scenario', () => {
    const text = fixtureText('small.yaml').replace('title: The disk', 'constructor: 1\ntitle: The disk');
    expect(problemLines(loadScenarioText(text, 'p.yaml'))).toEqual([
      'p.yaml:2:1: unknown key `constructor`; known keys here: $schema, id, title, summary, version, duration, difficulty, roles, briefing, world, injects, decisions, …',
    ]);
  });

  it('allows a world variable called `constructor` without finding Object’s', () => {
    const text = fixtureText('small.yaml').replace('  writes_ok: {initial: true}\n', '  writes_ok: {initial: true}\n  constructor: {initial: 3}\n');
    const result = loadScenarioText(text, 'p.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.world['constructor']).toMatchObject({ initial: 3 });
    expect(result.scenario.world['hasOwnProperty']).toBeUndefined();
  });
});

describe('any input', () => {
  const isOneLine = (file: string) => (line: string) => line.startsWith(`${file}:`) && !line.includes('\n');

  it('gives problems (one line each) or a scenario, never an exception, for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = loadScenarioText(text, 'f.yaml');
        if (!result.ok) expect(result.problems.map(formatProblem).every(isOneLine('f.yaml'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('stays within the file for every problem of a damaged real scenario', () => {
    const small = fixtureText('small.yaml');
    const lineCount = small.split('\n').length + 2;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: small.length - 1 }), fc.integer({ min: 1, max: 12 }), fc.string({ maxLength: 6 }), (at, cut, insert) => {
        const damaged = small.slice(0, at) + insert + small.slice(at + cut);
        const result = loadScenarioText(damaged, 'f.yaml');
        const problems = result.ok ? result.warnings : result.problems;
        for (const p of problems) {
          expect(isOneLine('f.yaml')(formatProblem(p))).toBe(true);
          if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
          if (p.line !== undefined) expect(p.line).toBeLessThanOrEqual(lineCount);
          if (p.col !== undefined) expect(p.col).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });
});
