/**
 * Where things are in a document parsed by `yaml` (see `Locator`): the node at a zod-style path,
 * found through each mapping's keys.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Locator } from './yaml-file.js';
import type { YamlPath } from './yaml-path.js';

/** Where things are in `doc`. */
export function documentLocator(doc: Document.Parsed): Locator {
  return {
    offsetOf: (path, part) => offsetOfPath(doc, path, part),
    scalarAt(path) {
      const node = nodeAt(doc, path).node;
      if (!isScalar(node) || !node.range) return undefined;
      return { start: node.range[0], end: node.range[1], type: String(node.type), value: node.value };
    },
  };
}

/** The node at `path`, or the deepest existing node on the way and the key it lacked. */
function nodeAt(doc: Document.Parsed, path: YamlPath): { node: unknown; keyNode?: unknown; complete: boolean } {
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
 * mapping: a file with a problem in every item asks for as many positions in one mapping, and
 * searching the pairs for each made that quadratic.
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

function offsetOfPath(doc: Document.Parsed, path: YamlPath, part: 'key' | 'value'): number {
  const { node, keyNode, complete } = nodeAt(doc, path);
  const start = (n: unknown): number | undefined => (n as Node | null)?.range?.[0];
  if (!complete) return start(node) ?? 0;
  // An empty value (`text:` with nothing after it) has no text of its own; its key does.
  const empty = isScalar(node) && node.value === null && node.source === '';
  if ((part === 'key' || empty) && keyNode) return start(keyNode) ?? 0;
  return start(node) ?? start(keyNode) ?? 0;
}
