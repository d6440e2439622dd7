/**
 * The scenario loader on anything at all: arbitrary text and bytes, and real scenarios damaged in
 * the ways files get damaged (lines lost, characters swapped, values pasted in the wrong place,
 * indentation shifted). Whatever comes in, the loader returns a frozen scenario or problems that
 * each point at a line and column inside the file, one line of text each; it never throws, never
 * takes long, and never lets a key reach Object.prototype.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioText, type LoadResult, formatProblem, type Problem } from '../../src/scenario/index.js';
import { loadAnswersText } from '../../src/session/answers/answers.js';
import { ROOT } from '../hostile/drill-process.js';

/** Property tests run the same cases every time; set DRILL_FC_SEED to explore others. */
const SEED = Number(process.env.DRILL_FC_SEED ?? 20261125);

/** A generous bound: a hang guard, not a speed test (speed is `npm run bench`'s job). */
const TIME_BOUND_MS = 3000;

const SMALL = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8');
const FLAGSHIP = readFileSync(join(ROOT, 'scenarios/k8s-shrink.yaml'), 'utf8');
const ANSWERS = readFileSync(join(ROOT, 'test/fixtures/answers-small.yaml'), 'utf8');

/** Loads `input` and checks what every load must satisfy; returns the result for further checks. */
function loadChecked(input: string | Uint8Array, text: string): LoadResult {
  const started = performance.now();
  let result: LoadResult | undefined;
  expect(() => (result = loadScenarioText(input, 'f.yaml'))).not.toThrow();
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
  expectWellFormed(result!, text);
  return result!;
}

function expectWellFormed(result: { ok: true; warnings: Problem[] } | { ok: false; problems: Problem[] }, text: string): void {
  const problems = result.ok ? result.warnings : result.problems;
  if (!result.ok) expect(problems.some((p) => p.severity === 'error')).toBe(true);
  // A file's last line may lack its line break; a problem may sit just past the end.
  const lines = text.split('\n');
  for (const p of problems) {
    expect(p.file).toBe('f.yaml');
    expect(p.line, p.message).toBeGreaterThanOrEqual(1);
    expect(p.line!, p.message).toBeLessThanOrEqual(lines.length + 1);
    expect(p.col, p.message).toBeGreaterThanOrEqual(1);
    expect(p.col!, p.message).toBeLessThanOrEqual((lines[p.line! - 1]?.length ?? 0) + 2);
    expect(formatProblem(p)).toMatch(/^f\.yaml:\d+:\d+: [^\n\r]+$/);
  }
}

afterAll(() => {
  // Hundreds of `__proto__`, `constructor` and `prototype` keys went through the loaders above.
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

describe('arbitrary input', () => {
  it('any string: a scenario or positioned problems', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 })), (text) => {
        loadChecked(text, text);
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('any bytes, UTF-8 or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        loadChecked(bytes, new TextDecoder().decode(bytes));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('any JSON value (JSON is YAML): never a crash, whatever its shape', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        loadChecked(text, text);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});

/** Values a careless or hostile hand might paste anywhere in a scenario. */
const yamlValue = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('true', 'no', 'null', '~', '.inf', '.nan', '0x1F', '0o17', '1e309', '-0', '', '""', "''", '1h30m', '-5m', '99999999999h'),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 20 }).map((s) => `'${s.replace(/'/g, "''")}'`),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(
    '[]',
    '{}',
    '[1, [2, [3]]]',
    '{a: 1, b: {c: 2}}',
    '&anchor 1',
    '*anchor',
    '*missing',
    '!!str 5',
    '!!binary aGk=',
    '!custom x',
    '|\n  a block\n  of text',
    '>-\n  folded\n  text',
    '\n  - a\n  - b',
    '\n  nested: 1\n  deeper: {x: y}',
    '"\\e]52;c;ZWNobw==\\a\\e[2J"',
    '"\\x9b31m\\u202e"',
    '{__proto__: {polluted: true}}',
    '{constructor: {prototype: {polluted: true}}}',
    'a: b: c',
    '"unterminated',
    "'unterminated",
    '[unclosed',
    '{unclosed: 1',
    "decided('triage') and",
    'not not not',
    '((((((((((1))))))))))',
  ),
);

/** A key to paste: real ones of the format, near misses, and JavaScript's special names. */
const yamlKey = fc.constantFrom(
  'id', 'title', 'at', 'after', 'when', 'text', 'options', 'effects', 'world', 'injects', 'timeout', 'default', 'channel',
  'tittle', 'injcts', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$schema', '"quoted key"', '? ',
);

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Lose lines (a bad merge, a truncated copy).
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })).map(([at, n]): Mutation => (lines) => {
    const i = at % lines.length;
    return [...lines.slice(0, i), ...lines.slice(i + n)];
  }),
  // Swap two neighbouring characters somewhere.
  fc.tuple(fc.nat(), fc.nat()).map(([line, col]): Mutation => (lines) => {
    const i = line % lines.length;
    const l = lines[i]!;
    if (l.length < 2) return lines;
    const c = col % (l.length - 1);
    return lines.with(i, l.slice(0, c) + l[c + 1] + l[c] + l.slice(c + 2));
  }),
  // Replace the value after `key:` on a line with something else.
  fc.tuple(fc.nat(), yamlValue).map(([line, value]): Mutation => (lines) => {
    const i = line % lines.length;
    const m = /^(\s*(?:- )?[^\s:#][^:#]*:)(?: .*)?$/.exec(lines[i]!);
    return m ? lines.with(i, `${m[1]} ${value}`) : lines;
  }),
  // Insert a new `key: value` line at some indentation.
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 8 }), yamlKey, yamlValue).map(([line, indent, key, value]): Mutation => (lines) => {
    const i = line % (lines.length + 1);
    return [...lines.slice(0, i), `${' '.repeat(indent)}${key}: ${value}`, ...lines.slice(i)];
  }),
  // Shift a line's indentation, with spaces or a tab.
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 }), fc.boolean()).map(([line, shift, tab]): Mutation => (lines) => {
    const i = line % lines.length;
    const l = lines[i]!;
    const shifted = shift >= 0 ? (tab ? '\t' : ' '.repeat(shift)) + l : l.replace(new RegExp(`^ {0,${-shift}}`), '');
    return lines.with(i, shifted);
  }),
  // Duplicate a line (a duplicate key, or a duplicate list item).
  fc.nat().map((line): Mutation => (lines) => {
    const i = line % lines.length;
    return [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)];
  }),
  // Cut the file anywhere (a partial save).
  fc.nat().map((at): Mutation => (lines) => {
    const text = lines.join('\n');
    return text.slice(0, at % (text.length + 1)).split('\n');
  }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) if (lines.length > 0) lines = m(lines);
  return lines.join('\n');
}

describe('damaged copies of valid scenarios', () => {
  it('the small fixture, damaged one to four ways', () => {
    let loaded = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutate(SMALL, mutations);
        const result = loadChecked(text, text);
        if (result.ok) {
          loaded++;
          expect(Object.isFrozen(result.scenario)).toBe(true);
          expect(Object.isFrozen(result.scenario.injects)).toBe(true);
        }
      }),
      { numRuns: 500, seed: SEED },
    );
    // Some damage is harmless (a swapped character in a text); the check must see both outcomes.
    expect(loaded).toBeGreaterThan(10);
  });

  it('the flagship scenario, damaged', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const text = mutate(FLAGSHIP, mutations);
        loadChecked(text, text);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('the same damage in an answers file: answers or positioned problems', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutate(ANSWERS, mutations);
        const started = performance.now();
        let result: ReturnType<typeof loadAnswersText> | undefined;
        expect(() => (result = loadAnswersText(text, 'f.yaml'))).not.toThrow();
        expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
        expectWellFormed(result!, text);
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});

describe('found by the properties above', () => {
  it('a first key indented by one space: problems at the right lines, not one per line of the file', () => {
    // The parser then reads every later line as "unexpected ... in YAML stream", and after a
    // multi-line block text it places those errors lines too early.
    const text = FLAGSHIP.replace(/^id: /m, ' id: ');
    const result = loadChecked(text, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBeLessThanOrEqual(3);
  });
});
