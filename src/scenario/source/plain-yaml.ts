/**
 * A fast reader for the plain subset of YAML that scenario and answers files are written in:
 * block mappings and lists, one-line flow `{…}`/`[…]`, plain and quoted one-line scalars, and
 * `|`/`>` block texts, with comments and blank lines. It gives exactly the value the `yaml`
 * library's `toJS()` gives for such text (YAML 1.2 core schema), or `undefined` the moment it
 * meets anything else (anchors, tags, tabs, multi-line plain scalars, odd indentation, duplicate
 * keys, any error at all), and then the full parser reads the file and reports what is wrong.
 *
 * Why: the `yaml` library builds a full document with positions, several times slower and many
 * times larger than the data. A generated scenario of 100,000 injects (25 MB) took seconds and
 * hundreds of megabytes just to parse (issue 7). Positions are only needed to report a problem,
 * so `yaml-source.ts` parses fully only when one is asked for.
 */
import { Flow } from './plain-yaml-flow.js';
import { checkWordKey, give, INDICATOR, KEY_COLON, KEY_COLON_AT, MAX_DEPTH, NotPlain, quoted, resolvePlain, SharedStrings } from './plain-yaml-scalars.js';

export { resolvePlain } from './plain-yaml-scalars.js';

/**
 * Where the items of a top-level block list go instead of into the value: for `key`, a function
 * given each item as it is read (the list's value is then left empty), or undefined to keep it.
 */
export type ListSinks = (key: string) => ((item: unknown, index: number) => void) | undefined;

/**
 * The root mapping of `text` as plain data, or undefined if the text is not in the plain subset.
 * With `sinks`, the items of the top-level lists they take are handed over one at a time, so that
 * a 100,000-item list is never all alive at once as plain data (the sinks may already have been
 * given items when the text turns out not to be plain).
 */
export function readPlainYaml(text: string, sinks?: ListSinks): Record<string, unknown> | undefined {
  if (text.includes('\t') || text.includes('\r') || !text.endsWith('\n')) return undefined;
  try {
    return new Reader(text, sinks).root();
  } catch (error) {
    if (error instanceof NotPlain || error instanceof RangeError) return undefined;
    throw error;
  }
}

class Reader {
  private readonly lines: Lines;
  private readonly strings = new SharedStrings();
  private i = 0;
  /** The sink for the value of the top-level key being read, if it is a list that one takes. */
  private sink: ((item: unknown, index: number) => void) | undefined;

  constructor(
    text: string,
    private readonly sinks?: ListSinks,
  ) {
    this.lines = new Lines(text);
  }

  root(): Record<string, unknown> {
    this.skipEmpty();
    const first = this.lines.at(this.i);
    if (first === undefined || indentOf(first) !== 0) give();
    const value = this.map(0, 0, 1);
    this.skipEmpty();
    if (this.i < this.lines.length) give();
    return value;
  }

  /** Skips blank lines and comment lines (a comment may sit at any indentation). */
  private skipEmpty(): void {
    const lines = this.lines;
    while (this.i < lines.length) {
      const line = lines.at(this.i)!;
      const at = indentOf(line);
      if (at < line.length && line[at] !== '#') return;
      if (at === 0 && (line.startsWith('---') || line.startsWith('...') || line.startsWith('%'))) give();
      this.i++;
    }
  }

  /** The next content line's indentation, or -1 at the end. */
  private peekIndent(): number {
    this.skipEmpty();
    const line = this.lines.at(this.i);
    return line === undefined ? -1 : indentOf(line);
  }

  /** A block mapping whose keys sit at column `indent`; its first key may start at `firstCol` of the current line. */
  private map(indent: number, firstCol: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) give();
    const out: Record<string, unknown> = {};
    let col = firstCol;
    for (;;) {
      const line = this.lines.at(this.i)!;
      KEY_COLON_AT.lastIndex = col;
      // `test` then a cut, not `exec`: a match array per key was a tenth of what reading allocated.
      if (!KEY_COLON_AT.test(line)) give();
      const key = checkWordKey(line.slice(col, KEY_COLON_AT.lastIndex - 1), out);
      this.sink = depth === 1 ? this.sinks?.(key) : undefined;
      out[key] = this.entryValue(line.slice(KEY_COLON_AT.lastIndex), indent, depth);
      this.sink = undefined;
      const next = this.peekIndent();
      if (next < indent) return out;
      if (next > indent) give();
      const nextLine = this.lines.at(this.i)!;
      if (nextLine[indent] === '-' && (nextLine[indent + 1] === ' ' || nextLine.length === indent + 1)) return out;
      col = indent;
    }
  }

  /** A block list whose dashes sit at column `indent`. */
  private list(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) give();
    const out: unknown[] = [];
    // Only a list that is the value of a top-level key (depth 2) goes to that key's sink.
    const sink = depth === 2 ? this.sink : undefined;
    this.sink = undefined;
    const push = sink === undefined ? (item: unknown) => void out.push(item) : (item: unknown) => sink(item, index++);
    let index = 0;
    for (;;) {
      const line = this.lines.at(this.i)!;
      if (line[indent] !== '-' || (line.length > indent + 1 && line[indent + 1] !== ' ')) give();
      let col = indent + 1;
      while (line[col] === ' ') col++;
      const rest = line.slice(col);
      if (rest === '' || rest[0] === '#') {
        this.i++;
        push(this.nestedValue(indent, depth, false));
      } else if (rest[0] === '-' && (rest[1] === ' ' || rest.length === 1)) {
        give(); // a list in a list on one line
      } else if (KEY_COLON.test(rest)) {
        push(this.map(col, col, depth + 1));
      } else {
        push(this.inlineValue(rest, indent, depth));
      }
      const next = this.peekIndent();
      if (next < indent) return out;
      if (next > indent) give();
      const nextLine = this.lines.at(this.i)!;
      if (nextLine[indent] !== '-' || (nextLine.length > indent + 1 && nextLine[indent + 1] !== ' ')) return out;
    }
  }

  /** What follows `key:` on its line (`rest`), the key being at column `indent`. */
  private entryValue(rest: string, indent: number, depth: number): unknown {
    const value = rest.trimStart();
    if (value === '' || value[0] === '#') {
      this.i++;
      return this.nestedValue(indent, depth, true);
    }
    return this.inlineValue(value, indent, depth);
  }

  /** The value on the lines after `key:` or `-` (at column `indent`): a deeper block, a list, or null. */
  private nestedValue(indent: number, depth: number, listMayAlign: boolean): unknown {
    const next = this.peekIndent();
    if (next > indent) {
      const line = this.lines.at(this.i)!;
      if (line[next] === '-' && (line[next + 1] === ' ' || line.length === next + 1)) return this.list(next, depth + 1);
      return this.map(next, next, depth + 1);
    }
    // `key:` followed by a list at the key's own indentation is a list value in YAML.
    const line = this.lines.at(this.i);
    if (listMayAlign && next === indent && line![indent] === '-' && (line![indent + 1] === ' ' || line!.length === indent + 1)) {
      return this.list(indent, depth + 1);
    }
    return null;
  }

  /** A value written on the current line (`text`, trimmed at the start); the line's item is at `indent`. */
  private inlineValue(text: string, indent: number, depth: number): unknown {
    const c = text[0]!;
    let value: unknown;
    let rest: string;
    if (c === '|' || c === '>') {
      return this.blockScalar(text, indent);
    } else if (c === '"' || c === "'") {
      [value, rest] = quoted(text, 0);
      value = this.strings.share(value as string);
    } else if (c === '[' || c === '{') {
      const flow = new Flow(text, depth, this.strings);
      value = flow.value();
      rest = text.slice(flow.pos);
    } else {
      if (INDICATOR.has(c) && !(c === '-' && text.length > 1 && text[1] !== ' ' && text[1] !== '-')) give();
      const hash = text.indexOf(' #');
      const plain = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
      if (plain.includes(': ') || plain.endsWith(':') || plain.includes(' #')) give();
      value = this.strings.share(resolvePlain(plain));
      rest = '';
    }
    const tail = rest.trimStart();
    if (tail !== '' && (tail[0] !== '#' || tail.length === rest.length)) give();
    this.i++;
    // A more indented line after a one-line value would continue it (a multi-line scalar).
    if (this.peekIndent() > indent) give();
    return value;
  }

  /** A `|` or `>` block text whose header is `header`; its owner sits at column `indent`. */
  private blockScalar(header: string, indent: number): string {
    const h = /^([|>])([-+]?)(?: +#.*)? *$/.exec(header);
    if (!h) give();
    const folded = h![1] === '>';
    const chomp = h![2];
    const lines = this.lines;
    this.i++;
    let blockIndent = -1;
    const content: string[] = [];
    let trailingEmpty = 0;
    for (; this.i < lines.length; this.i++) {
      const line = lines.at(this.i)!;
      const at = indentOf(line);
      if (at === line.length) {
        // A blank line: part of the text, unless it has spaces past the text's indentation.
        if (blockIndent >= 0 && at > blockIndent) give();
        if (blockIndent < 0 && at > indent) give();
        content.push('');
        trailingEmpty++;
        continue;
      }
      if (blockIndent < 0) {
        if (at <= indent) break;
        blockIndent = at;
      }
      if (at < blockIndent) break;
      if (folded && at > blockIndent) give(); // more-indented lines fold differently
      content.push(line.slice(blockIndent));
      trailingEmpty = 0;
    }
    const body = content.slice(0, content.length - trailingEmpty);
    if (body.length === 0 || body[0] === '') give();
    // The text is joined once, line breaks and all: `+=` (or a template adding the final line
    // break) would leave it a tree of cons strings, kept alive with the scenario.
    const parts: string[] = [body[0]!];
    if (folded) {
      let empty = 0;
      for (let k = 1; k < body.length; k++) {
        const line = body[k]!;
        if (line === '') {
          empty++;
          continue;
        }
        parts.push(empty > 0 ? '\n'.repeat(empty) : ' ', line);
        empty = 0;
      }
    } else {
      for (let k = 1; k < body.length; k++) parts.push('\n', body[k]!);
    }
    if (chomp === '+') parts.push('\n', '\n'.repeat(trailingEmpty));
    else if (chomp !== '-') parts.push('\n');
    // Joining two or more parts makes a new string; one part alone would be a cut of the text.
    return parts.length > 1 ? parts.join('') : this.strings.share(parts[0]!);
  }
}

/**
 * The lines of a text (which ends with a line break), each cut out when first asked for, going
 * forward: the reader never goes back a line. Not `split('\n')`, nor even a table of where each
 * line starts: for a 25 MB file of a million lines either was tens of megabytes, grown by copies.
 */
class Lines {
  readonly length: number;
  private cachedIndex = -1;
  private cached = '';
  /** Where the line after the cached one starts. */
  private nextStart = 0;

  constructor(private readonly text: string) {
    let count = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
    this.length = count;
  }

  /** Line `i` without its line break; undefined past the end. */
  at(i: number): string | undefined {
    if (i === this.cachedIndex) return this.cached;
    if (i < 0 || i >= this.length) return undefined;
    if (i < this.cachedIndex) {
      // Not done by the reader; kept correct all the same.
      this.cachedIndex = -1;
      this.nextStart = 0;
    }
    let start = this.nextStart;
    for (let k = this.cachedIndex + 1; k < i; k++) start = this.text.indexOf('\n', start) + 1;
    const end = this.text.indexOf('\n', start);
    this.cachedIndex = i;
    this.nextStart = end + 1;
    return (this.cached = this.text.slice(start, end));
  }
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}
