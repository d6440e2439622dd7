/**
 * A YAML file as the later stages see it: its value, and where each part of it was written, so
 * that any problem found later (a schema issue, an unknown id, a bad condition) is reported at its
 * line and column. The places come from whichever parser read the file (`Locator`), and mean the
 * same either way: a value's first character, its key's for an empty value.
 */
import type { Problem } from '../problems.js';
import type { Pos } from '../types.js';
import type { YamlPath } from './yaml-path.js';

export type { YamlPath } from './yaml-path.js';

/** A parsed YAML file: its value, and where each part of it was written. */
export interface YamlFile {
  readonly file: string;
  /** The exact bytes read (for hashing). */
  readonly bytes: Uint8Array;
  readonly text: string;
  /** The root mapping as plain data. */
  readonly value: Record<string, unknown>;
  /** Where the node at `path` starts (`part: 'key'`: its key). A missing path gives its nearest existing parent. */
  positionOf(path: YamlPath, part?: 'key' | 'value'): Pos;
  /** Where character `offset` of the string at `path` was written (for errors inside conditions). */
  positionInScalar(path: YamlPath, offset: number): Pos;
  /** A problem at `path` (or at `offset` inside the string there). */
  problemAt(path: YamlPath, message: string, options?: { severity?: 'error' | 'warning'; part?: 'key' | 'value'; offset?: number }): Problem;
}

/** What a parser knows of where things are, as 0-based offsets into the text. */
export interface Locator {
  /** The node at `path` (its key with `part: 'key'`, or when it is empty), else its nearest existing parent. */
  offsetOf(path: YamlPath, part: 'key' | 'value'): number;
  /** The scalar at `path`: its source range and style (as `yaml` names them), if it is one. */
  scalarAt(path: YamlPath): { start: number; end: number; type: string; value: unknown } | undefined;
}

/** A `YamlFile` over a parser's `Locator`; `linePos` turns an offset into a 1-based line and column. */
export function makeYamlFile(
  file: string,
  bytes: Uint8Array,
  text: string,
  value: Record<string, unknown>,
  locator: Locator,
  linePos: (offset: number) => { line: number; col: number },
): YamlFile {
  const pos = (offset: number): Pos => {
    const { line, col } = linePos(offset);
    return { line: Math.max(1, line), col: Math.max(1, col) };
  };
  const positionOf = (path: YamlPath, part: 'key' | 'value' = 'value'): Pos => pos(locator.offsetOf(path, part));
  const positionInScalar = (path: YamlPath, offset: number): Pos => {
    const scalar = locator.scalarAt(path);
    if (!scalar) return positionOf(path);
    return pos(scalarSourceOffset(text, scalar.start, scalar.end, scalar.type, String(scalar.value), offset));
  };
  return {
    file,
    bytes,
    text,
    value,
    positionOf,
    positionInScalar,
    problemAt(path, message, options = {}) {
      const p = options.offset === undefined ? positionOf(path, options.part) : positionInScalar(path, options.offset);
      return { file, line: p.line, col: p.col, message, severity: options.severity ?? 'error' };
    },
  };
}

/** 1-based line and column of an offset, from the offsets where lines start (as `yaml`'s `LineCounter`). */
export function linePosIn(lineStarts: readonly number[]): (offset: number) => { line: number; col: number } {
  return (offset) => {
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lineStarts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - lineStarts[low - 1]! + 1 };
  };
}

/**
 * Maps an offset in a scalar's value to an offset in the source. Plain and quoted scalars differ
 * from their value only by quotes, escapes and folded line breaks, so walking both and skipping
 * those finds the exact column; when an escape makes them disagree, the scalar's start is used.
 */
function scalarSourceOffset(text: string, start: number, end: number, type: string | undefined, value: string, offset: number): number {
  let i = start;
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') i++;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const headerEnd = text.indexOf('\n', start);
    if (headerEnd < 0 || headerEnd >= end) return start;
    i = headerEnd + 1;
  }
  const skippable = (c: string | undefined): boolean => c !== undefined && /[\s\\'"]/.test(c);
  const target = Math.min(offset, value.length);
  for (let v = 0; v <= target; v++) {
    const ch = value[v];
    if (ch === undefined || /\s/.test(ch)) {
      if (v === target) return i;
      continue;
    }
    while (i < end && text[i] !== ch) {
      if (!skippable(text[i])) return start;
      i++;
    }
    if (i >= end) return start;
    if (v === target) return i;
    i++;
  }
  return i;
}
