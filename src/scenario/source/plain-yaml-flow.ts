/** One-line flow collections for the plain-YAML reader (`plain-yaml.ts`). */
import { checkKey, give, INDICATOR, MAX_DEPTH, quoted, resolvePlain, type SharedStrings } from './plain-yaml-scalars.js';

/** A one-line flow collection: `{a: 1, b: [x, "y"]}`. */
export class Flow {
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
