/**
 * Markdown escaping of everything the team typed and every scenario string: nothing may become
 * markup, a table cell boundary, a terminal escape, or a different-reading bidi sentence.
 */
import { describe, expect, it } from 'vitest';
import { cell, code, inline, NOT_PLAIN_CHAR, plainLine, shellWord } from '../../src/report/escape.js';
import { table, withUnit, minutes } from '../../src/report/md-format.js';
import { stamp, taskName } from '../../src/report/mermaid.js';

describe('inline text', () => {
  it('escapes every character with inline meaning', () => {
    expect(inline('a | b')).toBe('a \\| b');
    expect(inline('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(inline('`rm -rf /`')).toBe('\\`rm -rf /\\`');
    expect(inline('**bold** _it_ ~~s~~')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~');
    expect(inline('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(inline('$x^2$ &amp; C# \\')).toBe('\\$x^2\\$ \\&amp; C\\# \\\\');
  });

  it('escapes what would open a block at the start of a line', () => {
    expect(inline('# heading')).toBe('\\# heading');
    expect(inline('- item')).toBe('\\- item');
    expect(inline('+ item')).toBe('\\+ item');
    expect(inline('> quote')).toBe('\\> quote');
    expect(inline('12. ordered')).toBe('12\\. ordered');
    expect(inline('3) ordered')).toBe('3\\) ordered');
    expect(inline('===')).toBe('\\===');
    expect(inline('a - b. 1. c')).toBe('a - b. 1. c');
  });

  it('keeps one line: newlines, tabs and runs of spaces become single spaces, ends trimmed', () => {
    expect(inline('  one\n# two\r\n\tthree  ')).toBe('one \\# two three');
  });

  it('makes terminal escapes and bidi overrides visible, and leaves emoji alone', () => {
    expect(plainLine('\u001b[31mred\u001b[0m \u0007')).toBe('␛[31mred␛[0m ␇');
    expect(plainLine('abc\u202edcba')).toBe('abc[U+202E]dcba');
    expect(inline('🔥 on fire 🚒')).toBe('🔥 on fire 🚒');
  });
});

describe('the plain-line fast path', () => {
  it('knows every character plainLine changes: each whitespace but space, each control, each bidi override', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      const changes = code !== 32 && (/\s/.test(ch) || /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(ch));
      // Extra characters in the class only cost speed; a missing one would skip a change.
      if (changes) expect(NOT_PLAIN_CHAR.test(`a${ch}b`), `U+${code.toString(16)}`).toBe(true);
    }
    expect(NOT_PLAIN_CHAR.test('a  b')).toBe(true);
    expect(plainLine(' a')).toBe('a');
    expect(plainLine('a ')).toBe('a');
    expect(plainLine('a\u00a0b\u3000c\ufeffd')).toBe('a b c d');
    expect(plainLine('plain text, “quoted” — fine')).toBe('plain text, “quoted” — fine');
  });
});

describe('table cells and code', () => {
  it('cuts long cells on a character boundary with an ellipsis', () => {
    const long = '🙂'.repeat(400);
    const out = cell(long, 10);
    expect([...out]).toHaveLength(10);
    expect(out.endsWith('…')).toBe(true);
    expect(cell('short', 10)).toBe('short');
    expect(cell('', 10)).toBe('');
  });

  it('picks a code fence longer than any backtick run inside, and escapes pipes only in tables', () => {
    expect(code('k8s-shrink')).toBe('`k8s-shrink`');
    expect(code('a `b` c')).toBe('`` a `b` c ``');
    expect(code('``x``')).toBe('``` ``x`` ```');
    expect(code('a|b')).toBe('`a|b`');
    expect(code('a|b', { inTable: true })).toBe('`a\\|b`');
  });

  it('lays out a compact table, an empty cell as a single space', () => {
    expect(table(['A', 'B'], [['1', ''], ['x', 'y']])).toBe('| A | B |\n| --- | --- |\n| 1 | |\n| x | y |');
  });

  it('quotes shell words only when needed', () => {
    expect(shellWord('scenarios/k8s-shrink.yaml')).toBe('scenarios/k8s-shrink.yaml');
    expect(shellWord("my drills/it's.yaml")).toBe(`'my drills/it'\\''s.yaml'`);
  });
});

describe('numbers', () => {
  it('writes minutes the way a post-mortem does', () => {
    expect([minutes(45_000), minutes(17 * 60_000), minutes(8 * 60_000 + 22_000)]).toEqual(['45 s', '17 min', '8.4 min']);
  });

  it('puts units after values, singular for one, % attached', () => {
    expect([withUnit(20, 'nodes'), withUnit(1, 'nodes'), withUnit(64.04, '%'), withUnit(1, 'ms'), withUnit(true, undefined)]).toEqual([
      '20 nodes',
      '1 node',
      '64%',
      '1 ms',
      'true',
    ]);
  });
});

describe('Mermaid task names', () => {
  it('never contain : # ; or a line break, and never start with a gantt keyword', () => {
    expect(taskName('a: b # c ; d\ne')).toBe('a b c d e');
    expect(taskName('section 2 down')).toBe('Event section 2 down');
    expect(taskName('::')).toBe('Event');
  });

  it('stamps scenario time without a colon', () => {
    expect([stamp(0), stamp(5 * 60_000 + 59_000), stamp(65 * 60_000)]).toEqual(['T+00m', 'T+05m', 'T+1h05m']);
  });
});
