/**
 * The full read of a file by the `yaml` package, the arbiter of what a file means: the first
 * syntax error, reworded to name the likely mistake (`syntax-mistakes.ts`) and placed where to
 * edit (the parser's later errors are mostly its echoes), plus what `yaml` accepts but a
 * scenario cannot use (duplicate keys, keys that are lists or mappings, `__proto__`, deep
 * nesting, alias bombs). Used whenever the fast read (`fast-read.ts`) cannot be trusted.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import type { Problem } from '../problems.js';
import { findExcessiveNesting, lineColAt, MAX_NESTING_DEPTH } from './source-text.js';
import { formatYamlError, type TreeFacts } from './yaml-errors.js';
import { makeYamlFile, type YamlFile } from './yaml-file.js';
import { documentLocator } from './yaml-positions.js';

/** Aliases may repeat data, but not multiply it: this caps the nodes that aliases expand to. */
export const MAX_ALIAS_COUNT = 100;

export type YamlReadResult = { ok: true; yaml: YamlFile; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** The full parse, with positions, of decoded text: every YAML problem found and placed. */
export function parseFully(text: string, bytes: Uint8Array, file: string, expected: string): YamlReadResult {
  const fail = (message: string, line: number, col: number): YamlReadResult => ({
    ok: false,
    problems: [{ file, line, col, message, severity: 'error' }],
  });
  try {
    const tooDeep = findExcessiveNesting(text);
    if (tooDeep !== undefined) return fail(nestingMessage(), ...lineCol(lineColAt(text, tooDeep)));

    const lineCounter = new LineCounter();
    // logLevel 'error': no console output for warnings (they are returned), but unlike 'silent'
    // it keeps the "several documents in one file" error.
    // uniqueKeys off: the library compares every key with every other (minutes for 100k keys);
    // inspectTree finds duplicates in linear time and they are reported below.
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
    const at = (offset: number): [number, number] => lineCol(lineCounter.linePos(offset));
    const facts = inspectTree(doc.contents);
    if (facts.tooDeepAt !== undefined) return fail(nestingMessage(), ...at(facts.tooDeepAt));

    // Syntax errors from the first on, as long as each mistake stays on its line: past one that
    // does not, the rest are most often its echoes, and listing them points away from the edit.
    const syntax = syntaxErrors(doc.errors, text, facts);
    // The tree past such a mistake is the parser's guess, so what it shows there (a "duplicate"
    // key on a line a tab broke) is not reported; before it, it is the user's file.
    const trusted = (offset: number) => offset < syntax.trustedUntil;
    const keyProblem = (message: string) => (offset: number): Problem => {
      const [line, col] = at(offset);
      return { file, line, col, message, severity: 'error' };
    };
    const errors = [
      ...facts.protoKeys.filter(trusted).map(keyProblem('`__proto__` cannot be used as a key (it is special to JavaScript); rename it')),
      ...facts.complexKeys.filter(trusted).map(keyProblem('a key must be a plain name, not a list or a mapping; write `name: value`')),
      ...[...facts.duplicates]
        .filter(([offset]) => trusted(offset))
        .map(([offset, { key, firstAt }]) => keyProblem(`duplicate key \`${key}\` (already set on line ${at(firstAt)[0]}); keep only one of them`)(offset)),
      ...syntax.errors.map(({ message, offset }) => keyProblem(message)(offset)),
    ];
    if (errors.length > 0) return { ok: false, problems: errors };
    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) return fail(`the file has no content; expected ${expected}`, 1, 1);
    if (!isMap(root)) {
      const what = isSeq(root) ? 'a list' : isScalar(root) ? `a single ${typeof root.value === 'number' ? 'number' : 'value'}` : 'an alias';
      return fail(`the top level is ${what}; expected ${expected} as \`key: value\` lines`, ...at(root.range?.[0] ?? 0));
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      // Thrown for alias bombs ("billion laughs"): a few anchors referring to each other
      // that would expand to millions of nodes.
      return fail(
        'aliases (`*name`) expand to too much data; write the values out instead of nesting anchors',
        ...at(facts.firstAliasAt ?? 0),
      );
    }
    const warnings = yamlWarnings(doc.warnings, file, text, facts, at);
    const yaml = makeYamlFile(file, bytes, text, value as Record<string, unknown>, documentLocator(doc), lineCounter.linePos);
    return { ok: true, yaml, warnings };
  } catch (error) {
    return parserCrashed(error, fail);
  }
}

export function parserCrashed(error: unknown, fail: (message: string, line: number, col: number) => YamlReadResult): YamlReadResult {
  // A stack overflow in the parser on nesting the pre-scan under-estimated, or a parser bug:
  // still one line, never a stack trace.
  const detail = error instanceof RangeError ? nestingMessage() : `could not parse this file as YAML (${String(error)})`;
  return fail(detail, 1, 1);
}

function nestingMessage(): string {
  return `nesting is deeper than ${MAX_NESTING_DEPTH} levels; a scenario needs only a few — flatten the structure`;
}

function lineCol(p: { line: number; col: number }): [number, number] {
  return [Math.max(1, p.line), Math.max(1, p.col)];
}

function inspectTree(root: unknown): TreeFacts {
  const blockMaps: [number, number][] = [];
  const facts: TreeFacts = {
    duplicates: new Map(),
    quoted: [],
    complexKeys: [],
    protoKeys: [],
    flowOpenedAt: new Map(),
    // Maps are visited outside-in, so the last one around an offset is the innermost.
    blockMapAround: (offset) => blockMaps.findLast(([start, end]) => start < offset && offset < end)?.[0],
  };
  const visit = (node: unknown, depth: number): void => {
    if (facts.tooDeepAt !== undefined) return;
    if (isAlias(node)) {
      // Aliases are not followed: that is what makes alias bombs exponential.
      facts.firstAliasAt ??= node.range?.[0];
    } else if (isScalar(node)) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) facts.quoted.push([node.range[0], node.range[1]]);
    } else if (isMap(node) || isSeq(node)) {
      if (depth > MAX_NESTING_DEPTH) {
        facts.tooDeepAt = node.range?.[0] ?? 0;
        return;
      }
      if (node.range) {
        if (node.flow) facts.flowOpenedAt.set(node.range[1], node.range[0]);
        else if (isMap(node)) blockMaps.push([node.range[0], node.range[1]]);
      }
      if (isSeq(node)) for (const item of node.items) visit(item, depth + 1);
      const seen = new Map<string, number>();
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = pair.key as Node | null;
          if (isScalar(key)) {
            const name = String(key.value);
            const start = key.range?.[0] ?? 0;
            if (name === '__proto__') facts.protoKeys.push(start);
            const first = seen.get(name);
            if (first === undefined) seen.set(name, start);
            else facts.duplicates.set(start, { key: name, firstAt: first });
          } else if (key !== null && !isAlias(key)) {
            facts.complexKeys.push(key.range?.[0] ?? 0);
          }
          visit(pair.value, depth + 1);
        }
      }
    }
  };
  visit(root, 1);
  return facts;
}

/**
 * The syntax errors to report, reworded and placed, and the offset up to which the parsed tree
 * can be trusted: the first error, and after it the next one past its line for as long as each
 * mistake is contained on its line.
 */
function syntaxErrors(list: readonly YAMLError[], text: string, facts: TreeFacts): { errors: { message: string; offset: number }[]; trustedUntil: number } {
  // A tab breaks every line it indents, and the parser's complaint about it is the clearest one.
  const tabs = list.filter((e) => e.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) {
    const { message, offset } = formatYamlError(tabs[0]!, text, facts);
    return { errors: [{ message: tabs.length > 1 ? `${message} (${tabs.length} lines use tabs)` : message, offset }], trustedUntil: offset };
  }
  // The parser does not report in file order (a missing value is reported after its key's line).
  const sorted = [...list].sort((a, b) => a.pos[0] - b.pos[0]);
  const errors: { message: string; offset: number }[] = [];
  let nextLine = 0;
  for (const error of sorted) {
    if (error.pos[0] < nextLine) continue; // an echo on the line of a contained mistake
    const { message, offset, contained } = formatYamlError(error, text, facts);
    errors.push({ message, offset });
    if (!contained) return { errors, trustedUntil: offset };
    const lineEnd = text.indexOf('\n', error.pos[0]);
    nextLine = lineEnd < 0 ? text.length : lineEnd + 1;
  }
  return { errors, trustedUntil: Number.POSITIVE_INFINITY };
}

/** The parser's warnings, one per line: later ones on a line are echoes of the first. */
function yamlWarnings(list: readonly YAMLError[], file: string, text: string, facts: TreeFacts, at: (offset: number) => [number, number]): Problem[] {
  const lines = new Set<number>();
  const problems: Problem[] = [];
  for (const warning of list) {
    const { message, offset } = formatYamlError(warning, text, facts);
    const [line, col] = at(offset);
    if (lines.has(line)) continue;
    lines.add(line);
    problems.push({ file, line, col, message, severity: 'warning' });
  }
  return problems;
}
