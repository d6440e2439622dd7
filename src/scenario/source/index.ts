/**
 * The source stage: a file's bytes to a plain value that knows where each part of it was written.
 * Hostile input is refused first (`source-text.ts`: size, encoding, control characters). Then the
 * text is read fast by js-yaml (`fast-read.ts`) wherever js-yaml is known to agree with the
 * `yaml` package, and by `yaml` itself (`full-read.ts`) everywhere else, which also gives every
 * syntax error its message and place. Either way a file means what `yaml` says it means. Used for
 * scenario and answers files alike; nothing here throws.
 */
import { readFast } from './fast-read.js';
import { parseFully, parserCrashed, type YamlReadResult } from './full-read.js';
import { tableLocator } from './node-table.js';
import { decodeSourceText } from './source-text.js';
import { linePosIn, makeYamlFile } from './yaml-file.js';

export type { YamlReadResult } from './full-read.js';
export { MAX_SCENARIO_BYTES, readSourceFile } from './source-text.js';
export type { YamlFile, YamlPath } from './yaml-file.js';

/**
 * Reads YAML text (or bytes) into a `YamlFile` whose root is a mapping. `expected` describes the
 * file for messages, e.g. "a scenario (id:, title:, injects: …)".
 */
export function parseYamlFile(input: Uint8Array | string, file: string, expected = 'a YAML mapping'): YamlReadResult {
  const fail = (message: string, line: number, col: number): YamlReadResult => ({
    ok: false,
    problems: [{ file, line, col, message, severity: 'error' }],
  });
  try {
    const decoded = decodeSourceText(input);
    if (!decoded.ok) {
      const { message, line, col, empty } = decoded.problem;
      return fail(empty ? `${message}; expected ${expected}` : message, line, col);
    }
    const { bytes } = decoded;
    const fast = readFast(decoded.text);
    if (fast !== undefined && isMapping(fast.value)) {
      const text = fast.text;
      // Lines are counted only when a position is asked for, that is, when there is a problem.
      let linePos: ((offset: number) => { line: number; col: number }) | undefined;
      const lineOf = (offset: number) => (linePos ??= linePosIn(lineStarts(text)))(offset);
      const yaml = makeYamlFile(file, bytes, text, fast.value, tableLocator(fast.nodes, fast.value), lineOf);
      return { ok: true, yaml, warnings: [] };
    }
    return parseFully(decoded.text, bytes, file, expected);
  } catch (error) {
    return parserCrashed(error, fail);
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Where each line starts, as `yaml`'s `LineCounter` records them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
