/**
 * Helpers for loader tests: edit a known-good scenario text in place, find the line and column
 * of a piece of it (independently of the YAML library), and get the formatted problem lines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenarioText, type LoadResult, formatProblem, type Problem } from '../../src/scenario/index.js';

/** Reads a file under test/fixtures as text. */
export function fixtureText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
}

/** Applies exact text replacements; each `from` must occur exactly once, so edits cannot silently miss. */
export function edit(text: string, ...edits: readonly (readonly [from: string, to: string])[]): string {
  let out = text;
  for (const [from, to] of edits) {
    const first = out.indexOf(from);
    if (first < 0 || out.indexOf(from, first + 1) >= 0) throw new Error(`edit: expected exactly one ${JSON.stringify(from)}`);
    out = out.slice(0, first) + to + out.slice(first + from.length);
  }
  return out;
}

/** `line:col` (1-based) of the first `needle` in `text`, moved right by `shift` characters. */
export function at(text: string, needle: string, shift = 0): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`at: ${JSON.stringify(needle)} not found`);
  const before = text.slice(0, index + shift);
  const line = before.split('\n').length;
  const col = index + shift - before.lastIndexOf('\n');
  return `${line}:${col}`;
}

/** Every problem of a load (errors and warnings), formatted. */
export function problemLines(result: LoadResult): string[] {
  return (result.ok ? result.warnings : result.problems).map(formatProblem);
}

function load(text: string | Uint8Array, file: string): Problem[] {
  const result = loadScenarioText(text, file);
  return result.ok ? result.warnings : result.problems;
}

/** The formatted errors of loading `text` as `file`. */
export function errorLines(text: string | Uint8Array, file = 't.yaml'): string[] {
  return load(text, file).filter((p) => p.severity === 'error').map(formatProblem);
}

/** The formatted warnings of loading `text` as `file`. */
export function warningLines(text: string | Uint8Array, file = 't.yaml'): string[] {
  return load(text, file).filter((p) => p.severity === 'warning').map(formatProblem);
}
