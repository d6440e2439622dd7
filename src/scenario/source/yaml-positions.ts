/**
 * Where things are in a parsed YAML document: the node at a zod-style path, and the source
 * offset of a character inside a scalar (so a condition's error points at its exact column).
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { YamlPath } from './yaml-source.js';

/** The node at `path`, or the deepest existing node on the way and the key it lacked. */
export function nodeAt(doc: Document.Parsed, path: YamlPath): { node: unknown; keyNode?: unknown; complete: boolean } {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = keyIndex(node).get(String(segment));
      if (!pair) return { node, complete: false };
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      return { node, complete: false };
    }
  }
  return { node, keyNode, complete: true };
}

const keyIndexes = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();

/**
 * A mapping's pairs by key (the first of duplicates, as a search would find), built once per
 * mapping: a file with 100,000 problems in one mapping asks for as many positions, and searching
 * the pairs for each made that quadratic.
 */
function keyIndex(map: { items: readonly { key: unknown; value: unknown }[] }): Map<string, { key: unknown; value: unknown }> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!index.has(name)) index.set(name, pair);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

export function offsetOfPath(doc: Document.Parsed, path: YamlPath, part: 'key' | 'value'): number {
  const { node, keyNode, complete } = nodeAt(doc, path);
  const start = (n: unknown): number | undefined => (n as Node | null)?.range?.[0];
  if (!complete) return start(node) ?? 0;
  // An empty value (`text:` with nothing after it) has no text of its own; its key does.
  const empty = isScalar(node) && node.value === null && node.source === '';
  if ((part === 'key' || empty) && keyNode) return start(keyNode) ?? 0;
  return start(node) ?? start(keyNode) ?? 0;
}

/**
 * Maps an offset in a scalar's value to an offset in the source. Plain and quoted scalars differ
 * from their value only by quotes, escapes and folded line breaks, so walking both and skipping
 * those finds the exact column; when an escape makes them disagree, the scalar's start is used.
 */
export function scalarSourceOffset(text: string, range: readonly [number, number, number], type: string | undefined, value: string, offset: number): number {
  const [start, end] = range;
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
