/**
 * A file means what the `yaml` package says it means. The fast read (js-yaml) is only taken where
 * it agrees with `yaml`: checked here on generated documents of every kind, and on every YAML
 * file in the repository, for the value and for every place a problem can be reported at.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readFast } from '../../../src/scenario/source/fast-read.js';
import { MAX_ALIAS_COUNT, parseFully } from '../../../src/scenario/source/full-read.js';
import { parseYamlFile, type YamlFile, type YamlPath } from '../../../src/scenario/source/index.js';
import { yamlDocument } from './yaml-documents.js';

const SEED = Number(process.env.DRILL_FC_SEED ?? 20261203);

/**
 * What `yaml` makes of `text`: its value, and whether it had anything to say about it. One byte
 * order mark at the start is the file's encoding, not its text, and the loader drops it first.
 */
function yamlReads(text: string): { value: unknown; clean: boolean } {
  const doc = parseDocument(decoded(text), { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return { value: undefined, clean: false };
  }
  return { value, clean: doc.errors.length === 0 && doc.warnings.length === 0 };
}

function decoded(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function same(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** Every path in a value, with a leaf's value (for offsets inside strings). */
function pathsOf(value: unknown, path: YamlPath = [], out: { path: YamlPath; leaf: unknown }[] = []): { path: YamlPath; leaf: unknown }[] {
  out.push({ path, leaf: value });
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

/** The loader's `YamlFile` of `text` when it is read the fast way (a mapping js-yaml can be trusted with). */
function fastFile(text: string): YamlFile | undefined {
  const fast = readFast(decoded(text));
  if (!fast || fast.value === null || typeof fast.value !== 'object' || Array.isArray(fast.value)) return undefined;
  const read = parseYamlFile(text, 'f.yaml');
  if (!read.ok) throw new Error(`the loader refuses what the fast read took: ${read.problems[0]?.message}`);
  return read.yaml;
}

/** Every position the fast read gives equals the full read's. */
function expectSamePlaces(text: string): void {
  const fast = fastFile(text);
  if (!fast) return;
  const full = parseFully(decoded(text), new Uint8Array(), 'f.yaml', 'x');
  if (!full.ok) throw new Error(`the full read refuses what the fast read took: ${full.problems[0]?.message}\n${text}`);
  for (const { path, leaf } of pathsOf(fast.value)) {
    for (const part of ['key', 'value'] as const) {
      expect(fast.positionOf(path, part), `${part} of ${JSON.stringify(path)} in\n${text}`).toEqual(full.yaml.positionOf(path, part));
    }
    if (typeof leaf === 'string') {
      for (const offset of new Set([0, 1, Math.floor(leaf.length / 2), leaf.length - 1, leaf.length])) {
        expect(fast.positionInScalar(path, offset), `offset ${offset} of ${JSON.stringify(path)} in\n${text}`).toEqual(full.yaml.positionInScalar(path, offset));
      }
    }
  }
  // Paths that do not exist give their nearest parent, the same way.
  for (const path of [['nope'], ['a', 'nope'], ['a', 99], [0]] as YamlPath[]) expect(fast.positionOf(path)).toEqual(full.yaml.positionOf(path));
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('reading YAML the fast way agrees with the yaml package', () => {
  it('takes the fast read only for documents yaml reads cleanly, with the same value', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(yamlDocument(2), yamlDocument(30)), (text) => {
        runs++;
        const read = readFast(decoded(text));
        if (read === undefined) return;
        fast++;
        const full = yamlReads(text);
        expect(full.clean, `the fast read took a document yaml has errors or warnings for:\n${JSON.stringify(text)}`).toBe(true);
        expect(same(read.value, full.value), `different values for:\n${JSON.stringify(text)}\nfast: ${JSON.stringify(read.value)}\nyaml: ${JSON.stringify(full.value)}`).toBe(true);
      }),
      { numRuns: 2000, seed: SEED },
    );
    // Many documents have something the fast read leaves to yaml; the others must not all be.
    expect(fast).toBeGreaterThan(runs / 10);
  });

  it('the loader gives yaml’s value, or refuses what yaml refuses', () => {
    fc.assert(
      fc.property(yamlDocument(20), (text) => {
        const read = parseYamlFile(text, 'f.yaml');
        const full = yamlReads(text);
        if (read.ok) expect(same(read.yaml.value, full.value), JSON.stringify(text)).toBe(true);
        else if (full.clean && full.value !== null && typeof full.value === 'object' && !Array.isArray(full.value)) {
          // Refused though yaml reads it: only for what drill refuses on purpose.
          expect(read.problems[0]?.message, JSON.stringify(text)).toMatch(/duplicate key|__proto__|a key must be a plain name|nesting|aliases/);
        }
      }),
      { numRuns: 600, seed: SEED + 1 },
    );
  });

  it('places every node, key and character of a string where the full read does', () => {
    fc.assert(
      fc.property(yamlDocument(2), (text) => expectSamePlaces(text)),
      { numRuns: 1500, seed: SEED + 2 },
    );
  });

  it('agrees on mutations of the repository’s YAML files, or leaves them to yaml', () => {
    const corpus = [...yamlFiles('scenarios'), ...yamlFiles('test')].map((f) => readFileSync(f, 'utf8'));
    const tokens = [': ', '#', ' #', '"', "'", '- ', '|', '|-', '>+', '{', '}', '[', ']', ',', '&a ', '*a', '!t ', '\\', '  ', '\t', 'true', '0x1F', '.inf', '~', '-', '?', '? ', ':', '\n', '\n  ', '\n\n', '\u00A0', '\u3000', '\uFEFF', '\r'];
    const mutation = fc.record({
      file: fc.nat(corpus.length - 1),
      at: fc.nat(4000),
      length: fc.nat(120),
      edits: fc.array(fc.tuple(fc.nat(400), fc.constantFrom(...tokens), fc.boolean()), { maxLength: 4 }),
    });
    let fast = 0;
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
        text += '\n';
        const read = readFast(text);
        if (read === undefined) return;
        fast++;
        const full = yamlReads(text);
        expect(full.clean, JSON.stringify(text)).toBe(true);
        expect(same(read.value, full.value), JSON.stringify(text)).toBe(true);
        expectSamePlaces(text);
      }),
      { numRuns: 600, seed: SEED + 3 },
    );
    expect(fast).toBeGreaterThan(60);
  });

  it('reads every YAML file of the repository fast, with yaml’s value and places', () => {
    const files = [...yamlFiles('scenarios'), ...yamlFiles('test')];
    expect(files.length).toBeGreaterThan(20);
    let fastCount = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const read = readFast(text);
      if (read === undefined) continue;
      fastCount++;
      const full = yamlReads(text);
      expect(full.clean, file).toBe(true);
      expect(same(read.value, full.value), file).toBe(true);
      expectSamePlaces(text);
    }
    // Every shipped scenario and answers file is plain YAML: the fast read is what loads them.
    for (const file of files.filter((f) => f.startsWith('scenarios/') || f.startsWith('test/answers/'))) {
      expect(readFast(readFileSync(file, 'utf8')), file).toBeDefined();
    }
    expect(fastCount).toBeGreaterThan(20);
  });
});
