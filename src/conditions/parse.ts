/**
 * A small hand-written recursive-descent parser for drill's condition language, one method per
 * precedence level (loosest first), reading tokens from `lex.ts`.
 * Every failure becomes a value with an offset into the source and a hint of what to write
 * instead; nothing here throws out of `parseExpr`, whatever the input.
 */
import { parseDuration } from './duration.js';
import type { BinOp, Expr, ParseResult } from './ast.js';
import { clip, describeToken as describe, Lexer, SyntaxProblem, type Token } from './lex.js';

/** Longer conditions are rejected: scenario files may come from anywhere. */
export const MAX_EXPR_LENGTH = 2000;
/** Deeper nesting of parentheses, `not`, `-` and calls is rejected, keeping recursion bounded. */
export const MAX_EXPR_DEPTH = 64;

const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);

/** Parses a condition. Errors carry a 0-based offset into `source`, at most `source.length`. */
export function parseExpr(source: string): ParseResult {
  if (source.length > MAX_EXPR_LENGTH) {
    return {
      ok: false,
      offset: MAX_EXPR_LENGTH,
      message:
        `condition is ${source.length} characters long, over the limit of ${MAX_EXPR_LENGTH}; ` +
        'split it into simpler conditions',
    };
  }
  try {
    return { ok: true, expr: new Parser(source).parseWhole() };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

class Parser {
  private readonly source: string;
  private readonly lexer: Lexer;
  /** The current (not yet consumed) token. */
  private token: Token;
  /** End of the last consumed token, for the spans of calls and parentheses. */
  private lastEnd = 0;
  private depth = 0;

  constructor(source: string) {
    this.source = source;
    this.lexer = new Lexer(source);
    this.token = this.lexer.next();
  }

  parseWhole(): Expr {
    if (this.atEnd()) {
      throw new SyntaxProblem('empty condition; write one such as `time >= 5m` or `fired(\'pager\')`', 0);
    }
    const expr = this.parseOr();
    if (this.isOp(')')) {
      throw new SyntaxProblem('unmatched `)`; remove it or add a `(` before it', this.token.start);
    }
    if (!this.atEnd()) {
      throw new SyntaxProblem(
        `unexpected ${describe(this.token)} after a complete condition; join conditions with \`and\` or \`or\``,
        this.token.start,
      );
    }
    return expr;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isOp('or') || this.isOp('||')) {
      this.advance();
      left = binary('or', left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isOp('and') || this.isOp('&&')) {
      this.advance();
      left = binary('and', left, this.parseNot());
    }
    return left;
  }

  private parseNot(): Expr {
    if (!this.isOp('not') && !this.isOp('!')) return this.parseComparison();
    const start = this.advance().start;
    const arg = this.nested(start, () => this.parseNot());
    return { type: 'not', arg, start, end: arg.end };
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive();
    if (this.token.kind !== 'op' || !COMPARISONS.has(this.token.text)) return left;
    const op = this.advance().text as BinOp;
    const expr = binary(op, left, this.parseAdditive());
    if (this.token.kind === 'op' && COMPARISONS.has(this.token.text)) {
      throw new SyntaxProblem(
        `comparisons do not chain; join two of them with \`and\`, e.g. \`1 < x and x < 5\``,
        this.token.start,
      );
    }
    return expr;
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.advance().text as BinOp;
      left = binary(op, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.advance().text as BinOp;
      left = binary(op, left, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): Expr {
    if (!this.isOp('-')) return this.parsePrimary();
    const start = this.advance().start;
    const arg = this.nested(start, () => this.parseUnary());
    return { type: 'neg', arg, start, end: arg.end };
  }

  private parsePrimary(): Expr {
    const token = this.token;
    switch (token.kind) {
      case 'num':
      case 'dur': {
        this.advance();
        const value = token.kind === 'num' ? Number(token.text) : (parseDuration(token.text) ?? NaN);
        if (!Number.isFinite(value)) {
          throw new SyntaxProblem(`number \`${clip(token.text)}\` is too large`, token.start);
        }
        const num: Expr = { type: 'num', value, start: token.start, end: token.end };
        return token.kind === 'dur' ? { ...num, duration: true } : num;
      }
      case 'str':
        throw new SyntaxProblem(
          "a quoted string can only be a function argument, as in fired('pager'); write variables without quotes",
          token.start,
        );
      case 'ident':
        this.advance();
        if (token.text === 'true' || token.text === 'false') {
          return { type: 'bool', value: token.text === 'true', start: token.start, end: token.end };
        }
        if (this.isOp('(')) return this.parseCall(token);
        return { type: 'var', name: token.text, start: token.start, end: token.end };
      case 'op':
        if (token.text === '(') return this.parseParenthesized();
        if (token.text === 'not' || token.text === '!') {
          throw new SyntaxProblem(
            `\`${token.text}\` cannot stand inside a comparison or sum; put it in parentheses, e.g. \`(not x)\``,
            token.start,
          );
        }
        throw new SyntaxProblem(`expected a value before ${describe(token)}`, token.start);
      case 'eof':
        throw new SyntaxProblem('the condition ends too early; expected a value', token.start);
    }
  }

  private parseParenthesized(): Expr {
    const open = this.advance();
    const inner = this.nested(open.start, () => this.parseOr());
    this.expectClose(open.start, '(');
    // The node keeps the span of its parentheses, so errors about it point at the `(`.
    return { ...inner, start: open.start, end: this.lastEnd };
  }

  private parseCall(name: Token): Expr {
    this.advance(); // the `(`
    const args: Expr[] = [];
    this.nested(name.start, () => {
      if (this.isOp(')')) return;
      args.push(this.parseArgument());
      while (this.isOp(',')) {
        this.advance();
        args.push(this.parseArgument());
      }
    });
    this.expectClose(name.start, `${name.text}(`);
    return { type: 'call', fn: name.text, args, start: name.start, end: this.lastEnd };
  }

  /** Strings are allowed only as whole arguments, so `fired('a') == 'b'` stays an error. */
  private parseArgument(): Expr {
    const token = this.token;
    if (token.kind === 'str') {
      this.advance();
      // At the end, `expectClose` gives the better message: which `(` is left open.
      if (this.isOp(',') || this.isOp(')') || this.atEnd()) {
        return { type: 'str', value: token.text, start: token.start, end: token.end };
      }
      const found = describe(this.token);
      throw new SyntaxProblem(`expected \`,\` or \`)\` after the string, not ${found}`, this.token.start);
    }
    return this.parseOr();
  }

  private expectClose(openedAt: number, opener: string): void {
    if (this.isOp(')')) {
      this.advance();
      return;
    }
    const found = this.token.kind === 'eof' ? 'but the condition ends' : `but found ${describe(this.token)}`;
    throw new SyntaxProblem(
      `expected \`)\` to close \`${opener}\` opened at ${this.where(openedAt)}, ${found}`,
      this.token.start,
    );
  }

  /** Runs `parse` one level deeper, failing at `start` (the `(`, `not` or `-`) past the limit. */
  private nested<T>(start: number, parse: () => T): T {
    if (++this.depth > MAX_EXPR_DEPTH) {
      throw new SyntaxProblem(`condition is nested more than ${MAX_EXPR_DEPTH} levels deep; simplify it`, start);
    }
    const result = parse();
    this.depth--;
    return result;
  }

  /** 1-based column (and line, if the condition spans lines) for messages. */
  private where(offset: number): string {
    const lineStart = this.source.lastIndexOf('\n', offset - 1) + 1;
    const column = `column ${offset - lineStart + 1}`;
    if (lineStart === 0) return column;
    const line = this.source.slice(0, lineStart).split('\n').length;
    return `line ${line}, ${column}`;
  }

  private atEnd(): boolean {
    return this.token.kind === 'eof';
  }

  private isOp(text: string): boolean {
    return this.token.kind === 'op' && this.token.text === text;
  }

  private advance(): Token {
    const token = this.token;
    this.lastEnd = token.end;
    this.token = this.lexer.next();
    return token;
  }
}

function binary(op: BinOp, left: Expr, right: Expr): Expr {
  return { type: 'bin', op, left, right, start: left.start, end: right.end };
}
