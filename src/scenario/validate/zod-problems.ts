/**
 * Schema validation with drill's error messages: every zod issue becomes a `file:line:col`
 * problem placed on the YAML node it is about, worded as "what is wrong, what to write instead"
 * (unknown keys get a "did you mean", unions name their shapes, missing keys name the key).
 */
import type { z } from 'zod';
import { suggestion, type Problem } from '../problems.js';
import { describe, expectedText, firstSentence, knownKeys, lowerFirst, schemaAt, shapeText, unionOptions, type Schema } from './zod-introspect.js';
import type { YamlFile, YamlPath } from '../source/index.js';

type Issue = z.core.$ZodIssue;

/** Files this long (about 500 injects) are validated by zod's compiled parsers; shorter ones are not. */
const JIT_FROM_CHARS = 128 * 1024;

/**
 * Validates a parsed YAML file against a zod schema: typed data, or every problem at once, with
 * the path of each issue zod found (what failed, for salvaging the rest).
 */
export function validateWith<T>(
  schema: z.ZodType<T>,
  yaml: YamlFile,
): { ok: true; data: T } | { ok: false; problems: Problem[]; failed: readonly YamlPath[] } {
  // zod compiles a parser per object schema (`new Function`) on first use: that pays off over
  // thousands of injects, but for a hand-written file the compiling is most of the cost.
  const result = schema.safeParse(yaml.value, parseOptions(yaml));
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: describeIssues(result.error.issues, [], schema, yaml), failed: result.error.issues.map((issue) => issue.path) };
}

/** zod's options for a file: its compiled parsers only for a big one (see `validateWith`). */
export function parseOptions(yaml: YamlFile): { reportInput: true; jitless: boolean } {
  return yaml.text.length < JIT_FROM_CHARS ? JITLESS : JIT;
}

const JITLESS = { reportInput: true, jitless: true } as const;
const JIT = { reportInput: true, jitless: false } as const;

/** zod's issues about the value at `base` (checked against `schema`), as drill's problems. */
export function describeIssues(issues: readonly Issue[], base: YamlPath, schema: Schema, yaml: YamlFile): Problem[] {
  return mergeMissingKeys(issues.flatMap((issue) => describeIssue(issue, base, schema, yaml)));
}

/**
 * Missing keys, remembered so that all those of one mapping can become one line; forgotten as
 * soon as they are merged (a weak map of 100,000 problems made every garbage collection slow).
 */
const missing = new Map<Problem, { owner: string | undefined; key: string }>();

/** "missing `title:`, `summary:` and `version:`" rather than three lines at the same place. */
function mergeMissingKeys(problems: readonly Problem[]): Problem[] {
  const groups = new Map<string, { index: number; owner: string | undefined; keys: string[] }>();
  const out: Problem[] = [];
  for (const p of problems) {
    const info = missing.get(p);
    if (info) missing.delete(p);
    const where = info && `${p.line}:${p.col}:${info.owner ?? ''}`;
    const group = where === undefined ? undefined : groups.get(where);
    if (info && group) {
      group.keys.push(info.key);
      continue;
    }
    if (info && where !== undefined) groups.set(where, { index: out.length, owner: info.owner, keys: [info.key] });
    out.push(p);
  }
  for (const { index, owner, keys } of groups.values()) {
    if (keys.length < 2) continue;
    const list = keys.map((k) => `\`${k}:\``);
    const message = `${owner ? `${owner} is missing` : 'missing'} ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
    out[index] = { ...out[index]!, message };
  }
  return out;
}

function describeIssue(issue: Issue, base: YamlPath, baseSchema: Schema | undefined, yaml: YamlFile): Problem[] {
  const path = [...base, ...issue.path];
  const here = schemaAt(baseSchema, issue.path);
  const actual = valueAt(yaml.value, path);
  const name = label(path);
  const at = (message: string, part: 'key' | 'value' = 'value'): Problem[] => [yaml.problemAt(path, message, { part })];
  const absent = actual === undefined && path.length > 0 && typeof path[path.length - 1] === 'string';
  if (absent && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
    return [missingKey(path, here, yaml)];
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (actual === null) return at(`${name} has no value; write ${expectedText(here, issue.expected)} after it`);
      const quoteHint =
        issue.expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')
          ? `; put it in quotes: "${String(actual)}"`
          : '';
      // `roles: [ic]`: a bare name where a mapping with an id belongs.
      const idHint = issue.expected === 'object' && typeof actual === 'string' && knownKeys(here)[0] === 'id' ? `; write \`{id: ${actual}}\`` : '';
      return at(`${name} must be ${expectedText(here, issue.expected)}, not ${describeValue(actual)}${quoteHint}${idHint}`);
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const got = String(actual ?? issue.input);
      const hint = suggestion(got, values, 'use one of');
      return at(`\`${got}\` is not a valid ${name}${hint}`);
    }
    case 'unrecognized_keys': {
      // Zod reports a union member's unknown keys directly when only that member came close.
      const options = unionOptions(here);
      const chosen = isPlainObject(actual) ? pickOption(options, actual) : -1;
      const known = knownKeys(chosen >= 0 ? options[chosen] : here);
      return issue.keys.map((key) => {
        // `{text: a, b}` makes `b` a key: unquoted text with a comma, inside braces.
        const hint = /\s/.test(key)
          ? '; if it is the end of the text before it, put that text in quotes (in `{…}` a comma ends a value)'
          : suggestion(key, known, 'known keys here');
        return yaml.problemAt([...path, key], `unknown key \`${key}\`${hint}`, { part: 'key' });
      });
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const inner = issue.issues[0];
      const rule = inner && !inner.message.startsWith('Invalid') ? `; write ${inner.message}` : '';
      const keyName = typeof inner?.input === 'string' ? inner.input : key;
      return at(`\`${keyName}\` is not a valid name in ${label(path.slice(0, -1))}${rule}`, 'key');
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      if (issue.origin === 'array') return at(`${name} needs ${word} ${bound} item${Number(bound) === 1 ? '' : 's'}`);
      if (issue.origin === 'string' && issue.code === 'too_small' && Number(bound) <= 1) {
        return at(`${name} is empty; write ${expectedText(here, 'string')}`);
      }
      const strict = issue.inclusive === false ? (issue.code === 'too_small' ? 'more than' : 'less than') : word;
      return at(`${name} must be ${strict} ${bound}${issue.origin === 'string' ? ' characters long' : ''}, not ${describeValue(actual)}`);
    }
    case 'invalid_format': {
      const rule = issue.message.startsWith('Invalid') ? `a valid ${issue.format}` : issue.message;
      return at(`${describeValue(actual)} is not a valid ${name}; write ${rule}`);
    }
    case 'invalid_union':
      return describeUnion(issue, path, here, actual, yaml);
    case 'custom':
      return at(issue.message); // written for users by the schema that raised it
    default:
      return at(`${name}: ${lowerFirst(issue.message)}`);
  }
}

/**
 * A value that matched none of a union's shapes. When the value plainly meant one of them (an
 * effect with a `set` key), report what is wrong with that one; otherwise name all the shapes.
 */
function describeUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: YamlPath,
  here: Schema | undefined,
  actual: unknown,
  yaml: YamlFile,
): Problem[] {
  const options = unionOptions(here);
  const name = label(path);
  if (isPlainObject(actual) && options.length === issue.errors.length) {
    const keys = Object.keys(actual);
    const chosen = pickOption(options, actual);
    if (chosen >= 0) return issue.errors[chosen]!.flatMap((inner) => describeIssue(inner, path, options[chosen], yaml));
    const shapes = options.map(shapeText).join(' / ');
    const noun = nounOf(path);
    return [yaml.problemAt(path, `${noun} is one of ${shapes}; this one has {${keys.join(', ')}}`)];
  }
  // A primitive: if its type matched a branch that then rejected it (a string that is not a
  // duration), that branch's complaint is the useful one.
  const typed = issue.errors.findIndex((errs) => !errs.every((e) => e.code === 'invalid_type' && e.path.length === 0));
  if (typed >= 0 && actual !== undefined) {
    return issue.errors[typed]!.flatMap((inner) => describeIssue(inner, path, options[typed], yaml));
  }
  return [yaml.problemAt(path, `${name} must be ${expectedText(here, 'union')}, not ${describeValue(actual)}`)];
}

/** A required key that is absent: reported on the mapping that lacks it, naming the key. */
function missingKey(path: YamlPath, here: Schema | undefined, yaml: YamlFile): Problem {
  const key = String(path[path.length - 1]);
  const hint = hintOf(here);
  const owner = ownerOf(yaml.value, path.slice(0, -1));
  const message = `${owner ? `${owner} is missing` : 'missing'} \`${key}:\`${hint ? ` (${hint})` : ''}`;
  const problem = yaml.problemAt(path.slice(0, -1), message);
  missing.set(problem, { owner, key });
  return problem;
}

const hints = new WeakMap<Schema, string | undefined>();

/** The first sentence of a field's description, worked out once per field: a generated file may miss it 100,000 times. */
function hintOf(schema: Schema | undefined): string | undefined {
  if (schema === undefined) return undefined;
  if (!hints.has(schema)) hints.set(schema, firstSentence(describe(schema)));
  return hints.get(schema);
}

/**
 * Which of a union's object shapes a mapping was meant to be: the one whose first key (its
 * discriminator: `set`, `add`, `ramp`) it has, else the one sharing most keys; -1 if unclear.
 */
function pickOption(options: readonly Schema[], value: Record<string, unknown>): number {
  const keys = Object.keys(value);
  const byFirstKey = options.findIndex((o) => {
    const first = knownKeys(o)[0];
    return first !== undefined && keys.includes(first);
  });
  if (byFirstKey >= 0) return byFirstKey;
  const overlaps = options.map((o) => keys.filter((k) => knownKeys(o).includes(k)).length);
  const best = Math.max(0, ...overlaps);
  return best > 0 && overlaps.filter((n) => n === best).length === 1 ? overlaps.indexOf(best) : -1;
}

// --- reading the data ---

function valueAt(root: unknown, path: YamlPath): unknown {
  let v: unknown = root;
  for (const segment of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, segment)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[segment];
  }
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'string') return `\`${v.length > 40 ? `${v.slice(0, 40)}…` : v}\``;
  if (typeof v === 'number' || typeof v === 'boolean') return `\`${String(v)}\``;
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Uint8Array) return 'binary data';
  return 'a mapping';
}

/** `channel`, or `item 3 of injects` for a list element. */
function label(path: YamlPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') return `item ${last + 1} of \`${String(path[path.length - 2] ?? '')}\``;
  return `\`${String(last)}\``;
}

/** "an effect", "a role", from the list a value sits in. */
function nounOf(path: YamlPath): string {
  const last = path[path.length - 1];
  const word = typeof last === 'number' ? String(path[path.length - 2] ?? 'value').replace(/s$/, '') : String(last ?? 'value');
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** "inject `db-alert`" for a list item with an id, so a missing key says whose it is. */
function ownerOf(root: unknown, path: YamlPath): string | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'number') return undefined;
  const item = valueAt(root, path);
  const kind = String(path[path.length - 2] ?? 'item').replace(/s$/, '');
  const id = isPlainObject(item) && typeof item['id'] === 'string' ? ` \`${item['id']}\`` : ` #${last + 1}`;
  return `${kind}${id}`;
}
