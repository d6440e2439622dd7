/**
 * Where each node of a file read by js-yaml was written, kept compactly: one row per node in the
 * order the nodes ended (children before their parent), with where it starts and ends, its style
 * and the size of its subtree, so a node's children are found by stepping back over subtrees. A
 * generated scenario has millions of nodes; rows in typed arrays cost a few bytes each, where an
 * object per node would cost the heap more than the file's value itself.
 */
import { load } from 'js-yaml';
import { CORE_AS_YAML_READS_IT, resolvePlain } from './core-schema.js';
import type { Locator } from './yaml-file.js';
import type { YamlPath } from './yaml-path.js';

export const EMPTY = 0;
export const PLAIN = 1;
export const QUOTE_SINGLE = 2;
export const QUOTE_DOUBLE = 3;
export const BLOCK_LITERAL = 4;
export const BLOCK_FOLDED = 5;
export const SEQUENCE = 6;
export const MAPPING = 7;
export type Style = typeof EMPTY | typeof PLAIN | typeof QUOTE_SINGLE | typeof QUOTE_DOUBLE | typeof BLOCK_LITERAL | typeof BLOCK_FOLDED | typeof SEQUENCE | typeof MAPPING;

/** The name `yaml` gives each scalar style (what `scalarSourceOffset` expects). */
const SCALAR_TYPE: Readonly<Record<number, string>> = {
  [PLAIN]: 'PLAIN',
  [QUOTE_SINGLE]: 'QUOTE_SINGLE',
  [QUOTE_DOUBLE]: 'QUOTE_DOUBLE',
  [BLOCK_LITERAL]: 'BLOCK_LITERAL',
  [BLOCK_FOLDED]: 'BLOCK_FOLDED',
};

/** The rows, appended as nodes end. */
export class NodeTable {
  count = 0;
  start: Int32Array;
  /** A scalar's end (where its text stops); a collection's subtree size in rows, itself included. */
  extent: Int32Array;
  style: Uint8Array;
  /** The text the offsets are in (to name keys by). */
  text = '';
  /** Children and keys of big collections, made when first asked for (a lookup in a small one just walks it). */
  private readonly childLists = new Map<number, Int32Array>();
  private readonly pairIndexes = new Map<number, Map<string, number>>();

  /** A table for a text of `length` characters, sized for it at once (a node takes about a dozen). */
  constructor(length: number) {
    const rows = Math.max(1024, Math.ceil(length / 10));
    this.start = new Int32Array(rows);
    this.extent = new Int32Array(rows);
    this.style = new Uint8Array(rows);
  }

  /** Adds a row: `extent` is a scalar's end, or a collection's subtree size. */
  add(start: number, extent: number, style: Style): number {
    if (this.count === this.start.length) this.grow();
    const row = this.count++;
    this.start[row] = start;
    this.extent[row] = extent;
    this.style[row] = style;
    return row;
  }

  /** Rows in the subtree of `row`, itself included. */
  size(row: number): number {
    return this.style[row]! >= SEQUENCE ? this.extent[row]! : 1;
  }

  /** Where the text of a scalar row stops. */
  end(row: number): number {
    return this.style[row]! >= SEQUENCE ? this.start[row]! : this.extent[row]!;
  }

  /** Forgets the rows from `row` on (children of a node that turned out to be no node). */
  truncate(row: number): void {
    this.count = row;
  }

  /** The direct children of `row`, in document order. */
  children(row: number): Int32Array {
    const cached = this.childLists.get(row);
    if (cached) return cached;
    const found: number[] = [];
    for (let child = row - 1; child > row - this.size(row); child -= this.size(child)) found.push(child);
    const list = Int32Array.from(found.reverse());
    if (list.length > BIG) this.childLists.set(row, list);
    return list;
  }

  /**
   * The node at `path` (with its key's row if it is a mapping value), or the deepest node on the
   * way; `depth` is how many segments of the path were found.
   */
  nodeAt(path: YamlPath): { row: number; keyRow?: number; depth: number } {
    let row = this.count - 1;
    let keyRow: number | undefined;
    let depth = 0;
    for (const segment of path) {
      const style = this.style[row];
      if (style === MAPPING) {
        const children = this.children(row);
        const pair = this.pairOf(row, children, String(segment));
        if (pair === undefined) return { row, depth };
        keyRow = children[2 * pair]!;
        row = children[2 * pair + 1]!;
      } else if (style === SEQUENCE && typeof segment === 'number' && segment >= 0 && segment < this.children(row).length) {
        keyRow = undefined;
        row = this.children(row)[segment]!;
      } else {
        return { row, depth };
      }
      depth++;
    }
    return { row, keyRow, depth };
  }

  /** The index of the pair whose key is `name` in mapping `row`. */
  private pairOf(row: number, children: Int32Array, name: string): number | undefined {
    // The top mapping is looked into for every problem; other small ones are walked.
    if (children.length <= 2 * BIG && row !== this.count - 1) {
      for (let pair = 0; 2 * pair < children.length; pair++) if (this.keyName(children[2 * pair]!) === name) return pair;
      return undefined;
    }
    let index = this.pairIndexes.get(row);
    if (!index) {
      index = new Map();
      for (let pair = 0; 2 * pair < children.length; pair++) index.set(this.keyName(children[2 * pair]!), pair);
      this.pairIndexes.set(row, index);
    }
    return index.get(name);
  }

  /**
   * The property name js-yaml made of the key at `row`, from its text: a plain key resolved as the
   * core schema does, a quoted one read again (the fast read only trusts one-line scalar keys).
   */
  private keyName(row: number): string {
    const source = this.text.slice(this.start[row], this.end(row));
    return String(this.style[row] === PLAIN ? resolvePlain(source) : load(source, { schema: CORE_AS_YAML_READS_IT }));
  }

  private grow(): void {
    const length = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.start = copy(this.start, new Int32Array(length));
    this.extent = copy(this.extent, new Int32Array(length));
    this.style = copy(this.style, new Uint8Array(length));
  }
}

/** Collections with more children than this keep an index of them once looked into. */
const BIG = 16;

/** Where things are in a file read the fast way (see `Locator`). */
export function tableLocator(nodes: NodeTable, root: unknown): Locator {
  return {
    offsetOf(path, part) {
      const { row, keyRow, depth } = nodes.nodeAt(path);
      if (depth < path.length) return nodes.start[row]!;
      // An empty value (`text:` with nothing after it) has no text of its own; its key does.
      if ((part === 'key' || nodes.style[row] === EMPTY) && keyRow !== undefined) return nodes.start[keyRow]!;
      return nodes.start[row]!;
    },
    scalarAt(path) {
      const { row, depth } = nodes.nodeAt(path);
      const type = SCALAR_TYPE[nodes.style[row]!];
      if (type === undefined) return undefined;
      let value = root;
      for (const segment of path.slice(0, depth)) value = (value as Record<PropertyKey, unknown>)[segment];
      return { start: nodes.start[row]!, end: nodes.end(row), type, value };
    },
  };
}
