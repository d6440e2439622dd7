/**
 * The scalar side of the plain-YAML reader (`plain-yaml.ts`): resolving plain words as the YAML
 * 1.2 core schema does, quoted one-line scalars, and one shared copy of each short string.
 */
/** Deeper than this goes to the full parser, which checks nesting against `MAX_NESTING_DEPTH` exactly. */
export const MAX_DEPTH = 24;

/** Thrown (and caught below) to give up on the fast path. */
export class NotPlain extends Error {}
export const give = (): never => {
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
export const KEY = /^[A-Za-z_$][\w$.\/-]*$/;
/** `key:` at the start of a block entry, followed by a space or the end of the line. */
export const KEY_COLON = /^([A-Za-z_$][\w$.\/-]*):(?= |$)/;
/** `KEY_COLON` matched in place at `lastIndex` of a whole line (no slice of the line per entry). */
export const KEY_COLON_AT = /([A-Za-z_$][\w$.\/-]*):(?= |$)/y;
/** Characters a plain scalar may not start with (YAML indicators), and quotes. */
export const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
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

export function checkKey(key: string, into: Record<string, unknown>): string {
  if (!KEY.test(key)) give();
  return checkWordKey(key, into);
}

/** `checkKey` for a key already known to match `KEY`. */
export function checkWordKey(key: string, into: Record<string, unknown>): string {
  if (typeof resolvePlain(key) !== 'string' || key === '__proto__' || Object.hasOwn(into, key)) give();
  return key;
}

/**
 * One copy of each short string value. A generated scenario repeats the same channels, senders,
 * variable names and ids (an `after:` or `fire:` names an id written before) hundreds of
 * thousands of times, and V8 copies every string under 13 characters that is cut from the text.
 */
export class SharedStrings {
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

/** A quoted scalar starting at `s[start]`, on one line; returns its value and the text after it. */
export function quoted(s: string, start: number): [string, string] {
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
