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
/** Deeper than this goes to the full parser, which checks nesting against `MAX_NESTING_DEPTH` exactly. */
const MAX_DEPTH = 24;

/** Thrown (and caught below) to give up on the fast path. */
class NotPlain extends Error {}
const give = (): never => {
  throw new NotPlain();
};

// The YAML 1.2 core schema, as the `yaml` library resolves plain scalars, in its order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The first characters of the core schema's null, bool, int and float forms (see `resolvePlain`). */
const MAY_NOT_BE_STRING = new Set(['~', 'n', 'N', 't', 'T', 'f', 'F', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '.']);

/** A key this reader accepts: a plain word that resolves to a string. */
const KEY = /^[A-Za-z_$][\w$.\/-]*$/;
/** `key:` at the start of a block entry, followed by a space or the end of the line. */
const KEY_COLON = /^([A-Za-z_$][\w$.\/-]*):(?= |$)/;
/** `KEY_COLON` matched in place at `lastIndex` of a whole line (no slice of the line per entry). */
const KEY_COLON_AT = /([A-Za-z_$][\w$.\/-]*):(?= |$)/y;
/** Characters a plain scalar may not start with (YAML indicators), and quotes. */
const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', '"': '"', '/': '/', '\\': '\\' };

export function resolvePlain(s: string): unknown {
  // Most scalars are words: only these first characters can start anything but a string.
  if (s !== '' && !MAY_NOT_BE_STRING.has(s[0]!)) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

function checkKey(key: string, into: Record<string, unknown>): string {
  if (!KEY.test(key)) give();
  return checkWordKey(key, into);
}

/** `checkKey` for a key already known to match `KEY`. */
function checkWordKey(key: string, into: Record<string, unknown>): string {
  if (typeof resolvePlain(key) !== 'string' || key === '__proto__' || Object.hasOwn(into, key)) give();
  return key;
}

/** The root mapping of `text` as plain data, or undefined if the text is not in the plain subset. */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  if (text.includes('\t') || text.includes('\r') || !text.endsWith('\n')) return undefined;
  try {
    return new Reader(text).root();
  } catch (error) {
    if (error instanceof NotPlain || error instanceof RangeError) return undefined;
    throw error;
  }
}

class Reader {
  private readonly lines: Lines;
  private readonly strings = new SharedStrings();
  private i = 0;

  constructor(text: string) {
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
      const m = KEY_COLON_AT.exec(line);
      if (!m) give();
      const key = checkWordKey(m![1]!, out);
      out[key] = this.entryValue(line.slice(KEY_COLON_AT.lastIndex), indent, depth);
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
    for (;;) {
      const line = this.lines.at(this.i)!;
      if (line[indent] !== '-' || (line.length > indent + 1 && line[indent + 1] !== ' ')) give();
      let col = indent + 1;
      while (line[col] === ' ') col++;
      const rest = line.slice(col);
      if (rest === '' || rest[0] === '#') {
        this.i++;
        out.push(this.nestedValue(indent, depth, false));
      } else if (rest[0] === '-' && (rest[1] === ' ' || rest.length === 1)) {
        give(); // a list in a list on one line
      } else if (KEY_COLON.test(rest)) {
        out.push(this.map(col, col, depth + 1));
      } else {
        out.push(this.inlineValue(rest, indent, depth));
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
 * The lines of a text (which ends with a line break), each cut out when first asked for. Not
 * `split('\n')`: an array of every line of a 25 MB file, all alive at once, was a good part of
 * the memory that reading it took.
 */
class Lines {
  readonly length: number;
  /** Where each line starts, and (last) where the line after the last would. */
  private readonly starts: number[] = [0];
  private cachedIndex = -1;
  private cached = '';

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
    this.length = this.starts.length - 1;
  }

  /** Line `i` without its line break; undefined past the end. */
  at(i: number): string | undefined {
    if (i === this.cachedIndex) return this.cached;
    if (i < 0 || i >= this.length) return undefined;
    this.cachedIndex = i;
    return (this.cached = this.text.slice(this.starts[i], this.starts[i + 1]! - 1));
  }
}

/**
 * One copy of each short string value. A generated scenario repeats the same channels, senders,
 * variable names and ids (an `after:` or `fire:` names an id written before) hundreds of
 * thousands of times, and V8 copies every string under 13 characters that is cut from the text.
 */
class SharedStrings {
  private readonly seen = new Map<string, string>();

  share<T>(value: T): T {
    if (typeof value !== 'string') return value;
    if (value.length > MAX_SHARED_LENGTH) return ownCopy(value) as T;
    const known = this.seen.get(value);
    if (known !== undefined) return known as T;
    const own = ownCopy(value);
    this.seen.set(own, own);
    return own as T;
  }
}

/**
 * A string that owns its characters. V8 cuts strings of 13 characters or more out of the text
 * without copying them, so any one of them kept the whole text (25 MB for 100,000 injects)
 * alive for the whole drill; a copy of each costs less, and the text is garbage once read.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Longer strings are mostly texts written once: looking them up would cost more than it saves. */
const MAX_SHARED_LENGTH = 32;

/** A one-line flow collection: `{a: 1, b: [x, "y"]}`. */
class Flow {
  pos = 0;

  constructor(
    private readonly s: string,
    private readonly depth: number,
    private readonly strings: SharedStrings,
  ) {}

  value(): unknown {
    return this.node(this.depth + 1);
  }

  private node(depth: number): unknown {
    if (depth > MAX_DEPTH) give();
    const c = this.s[this.pos];
    if (c === '[') return this.seq(depth);
    if (c === '{') return this.map(depth);
    if (c === '"' || c === "'") {
      const [value, rest] = quoted(this.s, this.pos);
      this.pos = this.s.length - rest.length;
      return this.strings.share(value);
    }
    return this.strings.share(resolvePlain(this.plain()));
  }

  private plain(): string {
    const start = this.pos;
    const c = this.s[start];
    if (c === undefined || (INDICATOR.has(c) && !(c === '-' && /[0-9.]/.test(this.s[start + 1] ?? '')))) give();
    while (this.pos < this.s.length && !',[]{}#:'.includes(this.s[this.pos]!)) this.pos++;
    return this.s.slice(start, this.pos).trimEnd();
  }

  private spaces(): void {
    while (this.s[this.pos] === ' ') this.pos++;
  }

  private seq(depth: number): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.spaces();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.node(depth + 1));
      this.spaces();
      const c = this.s[this.pos++];
      if (c === ']') return out;
      if (c !== ',') give();
      this.spaces();
      if (this.s[this.pos] === ']') give(); // a trailing comma: leave it to the full parser
    }
  }

  private map(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.spaces();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      const key = checkKey(this.plain(), out);
      if (this.s[this.pos] !== ':' || this.s[this.pos + 1] !== ' ') give();
      this.pos += 2;
      this.spaces();
      out[key] = this.node(depth + 1);
      this.spaces();
      const c = this.s[this.pos++];
      if (c === '}') return out;
      if (c !== ',') give();
      this.spaces();
      if (this.s[this.pos] === '}') give();
    }
  }
}

/** A quoted scalar starting at `s[start]`, on one line; returns its value and the text after it. */
function quoted(s: string, start: number): [string, string] {
  const q = s[start];
  let out = '';
  let i = start + 1;
  if (q === "'") {
    for (;;) {
      const end = s.indexOf("'", i);
      if (end < 0) give();
      out += s.slice(i, end);
      if (s[end + 1] === "'") {
        out += "'";
        i = end + 2;
      } else {
        i = end + 1;
        break;
      }
    }
  } else {
    // Copied in runs between escapes, not a character at a time: `out += c` per character
    // left each text as a tree of thousands of cons-string nodes, kept alive with the scenario.
    let run = i;
    for (;;) {
      const code = s.charCodeAt(i);
      if (code !== 34 && code !== 92) {
        if (Number.isNaN(code)) give(); // no closing quote on this line
        i++;
        continue;
      }
      out += s.slice(run, i);
      if (code === 34) {
        i++;
        break;
      }
      const e = s[i + 1]!;
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
        run = i;
        continue;
      }
      const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = s.slice(i + 2, i + 2 + len);
      if (len === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) give();
      const code2 = parseInt(hex, 16);
      if (code2 > 0x10ffff || (code2 >= 0xd800 && code2 <= 0xdfff)) give();
      out += String.fromCodePoint(code2);
      i += 2 + len;
      run = i;
    }
  }
  return [out, s.slice(i)];
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}
