/**
 * The tokenizer for drill's condition language. It reads one token at a time, so the first
 * problem in reading order is the one reported, and it names likely typos (`=`, `&`, `=<`).
 */
import { parseDuration } from './duration.js';

export type TokenKind = 'num' | 'dur' | 'str' | 'ident' | 'op' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The source text; for strings, the unescaped value. Keywords `and`/`or`/`not` are ops. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A syntax error at an offset. Thrown only inside the tokenizer and parser; `parseExpr` catches it. */
export class SyntaxProblem {
  readonly message: string;
  readonly offset: number;
  constructor(message: string, offset: number) {
    this.message = message;
    this.offset = offset;
  }
}

// A Set, not an object: `word in {}` would also match `constructor` and `toString`.
const KEYWORD_OPS: ReadonlySet<string> = new Set(['and', 'or', 'not']);
// Two-character operators first, so `<=` is not read as `<` then `=`.
const SYMBOL_OPS = ['<=', '>=', '==', '!=', '&&', '||', '<', '>', '+', '-', '*', '/', '!', '(', ')', ','];
// Checked before the real operators unless the two characters are one (`==`, `&&`); `<>` would
// otherwise read as `<` then `>`, and `=<` before `=` so the hint names the operator meant.
const MISTYPED: readonly (readonly [string, string])[] = [
  ['=<', 'unexpected `=<`; write `<=`'],
  ['=>', 'unexpected `=>`; write `>=`'],
  ['<>', 'unexpected `<>`; write `!=`'],
  ['=', 'unexpected `=`; write `==` to compare'],
  ['&', 'unexpected `&`; write `&&` or `and`'],
  ['|', 'unexpected `|`; write `||` or `or`'],
];
const WORD = /[A-Za-z0-9_]*/y;
// The whole word after a digit (`10`, `0.5`, `1h30m`, `10x`), so a typo is reported as one piece.
const NUMBER_WORD = /[0-9.]*[A-Za-z0-9_.]*/y;

/** Reads tokens from a condition, left to right. */
export class Lexer {
  private readonly source: string;
  private pos = 0;

  constructor(source: string) {
    this.source = source;
  }

  /** The next token; `eof` (at `source.length`) once the input is used up. */
  next(): Token {
    const src = this.source;
    while (this.pos < src.length && /\s/.test(src[this.pos]!)) this.pos++;
    const start = this.pos;
    if (start >= src.length) return { kind: 'eof', text: '', start, end: start };
    const ch = src[start]!;
    if (/[0-9]/.test(ch)) return this.number(start);
    if (/[A-Za-z_]/.test(ch)) {
      const word = matchAt(WORD, src, start);
      this.pos = start + word.length;
      return { kind: KEYWORD_OPS.has(word) ? 'op' : 'ident', text: word, start, end: this.pos };
    }
    if (ch === "'" || ch === '"') return this.string(start, ch);
    const pair = src.slice(start, start + 2);
    if (!SYMBOL_OPS.includes(pair)) {
      const typo = MISTYPED.find(([text]) => pair.startsWith(text));
      if (typo) throw new SyntaxProblem(typo[1], start);
    }
    const op = SYMBOL_OPS.find((candidate) => pair.startsWith(candidate));
    if (op !== undefined) {
      this.pos = start + op.length;
      return { kind: 'op', text: op, start, end: this.pos };
    }
    const hint = ch === '.' ? '; write numbers with a leading digit, like 0.5' : '';
    throw new SyntaxProblem(`unexpected character \`${String.fromCodePoint(src.codePointAt(start)!)}\`${hint}`, start);
  }

  private number(start: number): Token {
    const word = matchAt(NUMBER_WORD, this.source, start);
    this.pos = start + word.length;
    if (/^\d+(\.\d+)?$/.test(word)) return { kind: 'num', text: word, start, end: this.pos };
    if (/[A-Za-z]/.test(word) && parseDuration(word) !== undefined) {
      return { kind: 'dur', text: word, start, end: this.pos };
    }
    const fix = 'write numbers like 12 or 0.5 and durations like 90s, 4m or 1h30m';
    throw new SyntaxProblem(`malformed number or duration \`${clip(word)}\`; ${fix}`, start);
  }

  private string(start: number, quote: string): Token {
    // Copied in runs between backslashes, not a character at a time, which left each id the
    // engine keeps in a parsed condition as a tree of one-character cons strings.
    const src = this.source;
    let value = '';
    let run = start + 1;
    let i = start + 1;
    while (i < src.length && src[i] !== quote) {
      // A backslash keeps the next character as it is, so `'it\'s'` can hold its own quote.
      if (src[i] === '\\' && i + 1 < src.length) {
        value += src.slice(run, i);
        run = ++i;
      }
      i++;
    }
    if (i >= src.length) throw new SyntaxProblem(`unterminated string; close it with \`${quote}\``, start);
    value += src.slice(run, i);
    this.pos = i + 1;
    return { kind: 'str', text: value, start, end: this.pos };
  }
}

/** How a token reads in a message: `)`, a string, the end of the condition. */
export function describeToken(token: Token): string {
  if (token.kind === 'eof') return 'the end of the condition';
  if (token.kind === 'str') return 'a string';
  return `\`${clip(token.text)}\``;
}

/** Keeps hostile 2,000-character words from flooding a one-line message. */
export function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 21)}...` : text;
}

/** The match of a sticky regex that can match empty, at `offset`. */
function matchAt(sticky: RegExp, text: string, offset: number): string {
  sticky.lastIndex = offset;
  return sticky.exec(text)?.[0] ?? '';
}
