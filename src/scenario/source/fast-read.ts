/**
 * The fast way to read a file: js-yaml with the core schema as `yaml` resolves it, noting where
 * each node was written as it goes. `yaml` decides what a file means; js-yaml, several times
 * faster, is only trusted where the two are known to agree. Anything else (an anchor or alias, a
 * tag, an explicit `?` key, a key that is a list or mapping or empty or `__proto__` or over 1024
 * characters, a quoted text or flow collection over several lines or with a `#` glued to its end,
 * a tab in indentation, directives, document markers, bare carriage returns, deep nesting, or
 * anything js-yaml refuses) makes this return `undefined`, and the file is read by `yaml`
 * instead, with its own messages for whatever is wrong. `read-agreement.test.ts` holds the two
 * to each other on generated documents.
 */
import { load, type State } from 'js-yaml';
import { CORE_AS_YAML_READS_IT } from './core-schema.js';
import { BLOCK_FOLDED, BLOCK_LITERAL, EMPTY, MAPPING, NodeTable, PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, SEQUENCE, type Style } from './node-table.js';
import { MAX_NESTING_DEPTH } from './source-text.js';

/** What the fast read gave: the value, and where each of its nodes was written. */
interface FastRead {
  readonly value: unknown;
  readonly nodes: NodeTable;
  /**
   * The text, as js-yaml's own copy of it: the strings in `value` are slices of that copy and
   * keep it alive anyway, so keeping this one instead lets the caller's copy go.
   */
  readonly text: string;
}

/** Thrown from the listener to stop js-yaml at the first thing it cannot be trusted with. */
class Untrusted extends Error {}

/** How far after the start of an implicit key `yaml` accepts its `:`. */
const MAX_KEY_LENGTH = 1024;

/** The plain scalars the core schema reads as null. */
const NULL_KEY = /^(?:~|[Nn]ull|NULL)$/;

// Whole-text shapes that `yaml` reads differently, or that only `yaml` reports on: a carriage
// return that ends no line (js-yaml breaks lines there, `yaml` does not), a byte order mark at
// the start of a line (js-yaml also drops one at the start, which would shift every offset it
// reports), a tab in a line's indentation, a directive, and a document marker other than one
// `---` on the first line.
const BARE_CR = /\r(?!\n)/;
const LINE_STARTING_BOM = /^\uFEFF/m;
// `yaml` refuses most tabs in indentation; js-yaml takes some (a blank line in a block text).
const TAB_IN_INDENT = /^ *\t/m;
const DIRECTIVE_OR_MARKER = /^(?:%|(?:---|\.\.\.)(?=[ \t\r\n]|$))/m;
const LEADING_MARKER = /^---[ \t]*\r?\n/;

/** Reads `text` the fast way, or `undefined` when only `yaml` can be trusted with it. */
export function readFast(text: string): FastRead | undefined {
  if (BARE_CR.test(text) || LINE_STARTING_BOM.test(text) || TAB_IN_INDENT.test(text)) return undefined;
  const leading = LEADING_MARKER.exec(text)?.[0].length ?? 0;
  if (DIRECTIVE_OR_MARKER.test(leading > 0 ? text.slice(leading) : text)) return undefined;
  const recorder = new Recorder(text);
  let value: unknown;
  try {
    value = load(text, { schema: CORE_AS_YAML_READS_IT, listener: recorder.listen, maxDepth: MAX_NESTING_DEPTH * 2 } as Parameters<typeof load>[1]);
  } catch {
    // js-yaml refused the text (or the listener did): `yaml` gives the messages.
    return undefined;
  }
  if (recorder.nodes.count === 0 || recorder.depth !== 0) return undefined;
  const copy = recorder.input;
  const nodes = recorder.nodes;
  nodes.text = copy?.startsWith(text) ? copy.slice(0, text.length) : text;
  return { value, nodes, text: nodes.text };
}

/**
 * Builds the node table from js-yaml's events. js-yaml opens a node, reads it, and closes it; a
 * node is sometimes read inside another attempt at the same place (a block mapping tried first,
 * found to be a lone scalar), and an attempt that finds nothing closes empty: such wrappers and
 * empty attempts are folded away, so that each row is one node of the document.
 */
class Recorder {
  readonly nodes: NodeTable;
  depth = 0;
  /** js-yaml's copy of the text (with a line break and a NUL appended). */
  input: string | undefined;
  /** Per open node: the row count when it opened, and where js-yaml stood. */
  private readonly openRows: number[] = [];
  private readonly openedAt: number[] = [];
  constructor(private readonly text: string) {
    this.nodes = new NodeTable(text.length);
  }

  readonly listen = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      this.input ??= state.input;
      if (++this.depth > MAX_NESTING_DEPTH || this.afterExplicitKey(state.position)) throw new Untrusted();
      this.openRows.push(this.nodes.count);
      this.openedAt.push(state.position);
    } else {
      this.depth--;
      this.close(state, this.openRows.pop()!, this.openedAt.pop()!);
    }
  };

  private close(state: State, firstRow: number, openedAt: number): void {
    const nodes = this.nodes;
    const kind = state.kind as 'scalar' | 'sequence' | 'mapping' | null;
    const descendants = nodes.count - firstRow;
    if (kind === null) {
      // Nothing here. An attempt where a parent's own content starts is no node; otherwise this is
      // an empty value (`key:` with nothing after it).
      if (descendants > 0) nodes.truncate(firstRow);
      const parentOpenedAt = this.openedAt[this.openedAt.length - 1];
      if (parentOpenedAt === undefined || openedAt !== this.contentStart(parentOpenedAt)) {
        // `yaml` places an empty value after the spaces that follow its `:`, before any comment.
        let at = openedAt;
        while (this.text.charCodeAt(at) === 0x20 || this.text.charCodeAt(at) === 0x09) at++;
        nodes.add(at, at, EMPTY);
      }
      return;
    }
    const start = this.contentStart(openedAt);
    const first = this.text.charCodeAt(start);
    // `!` a tag, `&` an anchor, `*` an alias: `yaml` resolves these its own way.
    if (first === 0x21 || first === 0x26 || first === 0x2a) throw new Untrusted();
    if (descendants > 0) {
      const lastChild = nodes.count - 1;
      // A wrapper around the one node read at the same place: that row is this node.
      if (nodes.size(lastChild) === descendants && nodes.start[lastChild] === start && (kind === 'scalar') === (nodes.style[lastChild]! < SEQUENCE)) return;
    }
    if (kind === 'scalar') {
      const style = scalarStyle(first);
      const end = style === PLAIN ? this.plainEnd(start, state.position) : state.position;
      if ((style === QUOTE_DOUBLE || style === QUOTE_SINGLE) && (this.spansLines(start, end) || this.commentGlued(end))) throw new Untrusted();
      if (descendants > 0) nodes.truncate(firstRow);
      nodes.add(start, end, style);
      return;
    }
    // A flow collection over several lines: `yaml` checks its indentation, js-yaml does not.
    const flow = first === 0x5b || first === 0x7b;
    if (flow && (this.spansLines(start, state.position) || this.commentGlued(state.position))) throw new Untrusted();
    if (kind === 'sequence') this.checkItems(firstRow, (state.result as unknown[]).length);
    else this.checkPairs(firstRow, state.result as object, flow);
    nodes.add(start, descendants + 1, kind === 'mapping' ? MAPPING : SEQUENCE);
  }

  /** A list's children must be its items: js-yaml adds items with no node (`-` alone, `[a: 1]`), left to `yaml`. */
  private checkItems(firstRow: number, length: number): void {
    const nodes = this.nodes;
    let children = 0;
    for (let child = nodes.count - 1; child >= firstRow; child -= nodes.size(child)) children++;
    if (children !== length) throw new Untrusted();
  }

  /**
   * A mapping's children must be its keys and values in turn, and each key must be what `yaml`
   * makes the same property name of: a one-line scalar that is not null or empty (`yaml` makes
   * those "", js-yaml "null"), not `__proto__`, with its `:` at most 1024 characters after its
   * start (`yaml` refuses longer implicit keys). A flow mapping may
   * also have a key with no value node (`{a, b: 1}`): its pairs are counted.
   */
  private checkPairs(firstRow: number, value: object, flow: boolean): void {
    const nodes = this.nodes;
    let children = 0;
    for (let child = nodes.count - 1; child >= firstRow; child -= nodes.size(child)) {
      if (children++ % 2 === 0) continue;
      const keyStyle = nodes.style[child]!;
      if (keyStyle === EMPTY || keyStyle >= BLOCK_LITERAL) throw new Untrusted();
      const start = nodes.start[child]!;
      const end = nodes.extent[child]!;
      if (this.colonAfter(end) - start > MAX_KEY_LENGTH) throw new Untrusted();
      if (keyStyle === PLAIN && NULL_KEY.test(this.text.slice(start, end))) throw new Untrusted();
    }
    if (children % 2 === 1 || Object.hasOwn(value, '__proto__')) throw new Untrusted();
    if (flow) {
      let pairs = 0;
      for (const _ in value) pairs++;
      if (2 * pairs !== children) throw new Untrusted();
    }
  }

  /**
   * True when js-yaml opens a node right after a `?` that marks an explicit key: js-yaml pairs
   * those keys and their values without a node for each empty part, which only `yaml` places.
   */
  private afterExplicitKey(at: number): boolean {
    const text = this.text;
    let i = at - 1;
    while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i--;
    return i >= 0 && text.charCodeAt(i) === 0x3f && (i === 0 || /[\s,[{]/.test(text[i - 1]!));
  }

  /** Where the content of a node opened at `at` starts: past spaces, line breaks and comments. */
  private contentStart(at: number): number {
    const text = this.text;
    let i = at;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else if (c === 0x23) {
        const eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length : eol;
      } else return i;
    }
  }

  /** Where the `:` after a key ends at `keyEnd` is (past the spaces before it). */
  private colonAfter(keyEnd: number): number {
    let i = keyEnd;
    while (this.text.charCodeAt(i) === 0x20 || this.text.charCodeAt(i) === 0x09) i++;
    return i;
  }

  /** A plain scalar ends at its last non-space character; js-yaml stops past the spaces after it. */
  private plainEnd(start: number, at: number): number {
    let end = at;
    while (end > start && isSpace(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  /** A `#` right after a closing quote or bracket: a comment to js-yaml, an error to `yaml` (a comment needs a space before it). */
  private commentGlued(end: number): boolean {
    return this.text.charCodeAt(end) === 0x23;
  }

  private spansLines(start: number, end: number): boolean {
    const newline = this.text.indexOf('\n', start);
    return newline >= 0 && newline < end;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function scalarStyle(first: number): Style {
  if (first === 0x22) return QUOTE_DOUBLE;
  if (first === 0x27) return QUOTE_SINGLE;
  if (first === 0x7c) return BLOCK_LITERAL;
  if (first === 0x3e) return BLOCK_FOLDED;
  return PLAIN;
}
