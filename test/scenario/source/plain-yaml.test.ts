// The fast YAML reader must give exactly what the `yaml` library gives, or give up: checked on
// every YAML file in the repository and on thousands of mutations of them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { readPlainYaml } from '../../../src/scenario/source/plain-yaml.js';
import { loadScenarioText } from '../../../src/scenario/compile/compile.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const files = [...yamlFiles('scenarios'), ...yamlFiles('test')];
const corpus = files.map((f) => readFileSync(f, 'utf8'));

/** What the full parser makes of `text`, if it reads it without any error or warning. */
function fullParse(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'silent' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return { value: doc.toJS({ maxAliasCount: 100 }) };
}

function expectSameAsFull(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) return false;
  const full = fullParse(text);
  expect(full, `the fast reader accepted text the full parser refuses:\n${text}`).toBeDefined();
  expect(isDeepStrictEqual(fast, full!.value) && JSON.stringify(fast) === JSON.stringify(full!.value), `different values for:\n${text}`).toBe(true);
  return true;
}

describe('the fast YAML reader', () => {
  it('reads the repository’s scenarios and answers files exactly as the yaml library does', () => {
    expect(files.length).toBeGreaterThan(10);
    const read = corpus.filter((text) => expectSameAsFull(text));
    // Nearly every real file is plain YAML; the fast path is worth nothing if they fall back.
    const scenarios = files.filter((f) => f.startsWith('scenarios')).length;
    expect(read.length).toBeGreaterThanOrEqual(scenarios);
    for (const f of files.filter((f) => f.startsWith('scenarios'))) expect(readPlainYaml(readFileSync(f, 'utf8')), f).toBeDefined();
  });

  it('reads each scalar as the core schema does', () => {
    const cases: [string, unknown][] = [
      ['a: ~', null], ['a: null', null], ['a: True', true], ['a: FALSE', false], ['a: 0o17', 15], ['a: -12', -12],
      ['a: 0x1F', 31], ['a: -.inf', -Infinity], ['a: .NaN', NaN], ['a: 1.5e3', 1500], ['a: 2.', 2], ['a: -0', -0],
      ['a: yes', 'yes'], ['a: 0b11', '0b11'], ['a: "x\\ty\\u00e9"', 'x\tyé'], ["a: 'it''s'", "it's"], ['a: 90s # comment', '90s'],
      ['a: C#', 'C#'], ['a: a [b] c', 'a [b] c'],
    ];
    for (const [text, value] of cases) {
      expect(readPlainYaml(`${text}\n`), text).toEqual({ a: value });
      expectSameAsFull(`${text}\n`);
    }
  });

  it('gives up on what it does not read, rather than guess', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: 1\na: 2\n', '__proto__: 1\n', 'a:\n\tb: 1\n', 'a: b\n  c\n', '- a\n', 'a: "x\n  y"\n', 'a: 1']) {
      expect(readPlainYaml(text), text).toBeUndefined();
    }
  });

  it('agrees with the yaml library on mutations of real files, or gives up', () => {
    const tokens = [': ', '#', ' #', '"', "'", '- ', '|', '|-', '>+', '{', '}', '[', ']', ',', '&a ', '*a', '!t ', '\\', '  ', 'true', '0x1F', '.inf', '~', '-', '?', ':', '\n', '\n  ', '\n\n'];
    const mutation = fc.record({
      file: fc.nat(corpus.length - 1),
      at: fc.nat(4000),
      length: fc.nat(400),
      edits: fc.array(fc.tuple(fc.nat(400), fc.constantFrom(...tokens), fc.boolean()), { maxLength: 4 }),
    });
    let accepted = 0;
    fc.assert(
      fc.property(mutation, ({ file, at, length, edits }) => {
        const lines = corpus[file]!.split('\n');
        // Start at a top-level key, so that most slices are still a YAML mapping.
        let start = at % lines.length;
        while (start > 0 && !/^[A-Za-z]/.test(lines[start]!)) start--;
        let text = lines.slice(start, start + 5 + length).join('\n');
        for (const [pos, token, replace] of edits) {
          const p = pos % (text.length + 1);
          text = text.slice(0, p) + token + text.slice(replace ? p + 1 : p);
        }
        if (expectSameAsFull(`${text}\n`)) accepted++;
      }),
      { numRuns: Number(process.env.PLAIN_YAML_RUNS ?? 3000), seed: Number(process.env.PLAIN_YAML_SEED ?? 7) },
    );
    // The mutations must exercise the fast path, not only its refusals.
    expect(accepted).toBeGreaterThan(300);
  });

  it('reports problems at the same place either way', () => {
    // Valid YAML with a semantic problem: the fast path reads it, then places the problem.
    const text = readFileSync('scenarios/k8s-shrink.yaml', 'utf8').replace('difficulty: hard', 'difficulty: impossible');
    const result = loadScenarioText(text, 'k.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'k.yaml', line: text.split('\n').findIndex((l) => l.startsWith('difficulty')) + 1 });
  });
});
