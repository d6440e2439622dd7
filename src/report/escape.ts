/**
 * Markdown-safe text. Everything the team typed and every string from a scenario file reaches the
 * report through these functions, so no entry can open a heading, a list, a link, an HTML tag, a
 * table cell or GitHub math, and no terminal escape or bidi override travels into the document.
 * The text still reads as typed once GitHub renders it: backslash escapes are invisible there.
 */
import { visibleLine } from '../text/sanitize.js';

// Characters with inline meaning in GitHub-flavoured Markdown anywhere in a line. `$` opens math
// on GitHub, `|` ends a table cell, `&` starts an entity, `#` closes an ATX heading at its end.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&$#]/g;
// What opens a block when it starts a line (or a list item): headings and lists are covered by
// the inline set (#, *) and these: -, +, =, and "1." / "1)".
const LEADING_BLOCK = /^([-+=]|\d+(?=[.)]))/;
// Either of the two above could match: an inline special anywhere, or a block opener first.
const NEEDS_ESCAPE = /[\\`*_[\]<>|~&$#]|^[-+=\d]/;
// Bidirectional overrides and isolates can make a sentence read differently from what it says
// ("Trojan Source"); show them by name instead of obeying them.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Every character plainLine changes wherever it is: C0 and C1 controls, bidi controls, and every
 * whitespace character (`\s`) but the space itself — written out as one class (test/report/escape
 * checks it against `\s`), because one class is faster than alternatives with `\s`.
 */
export const NOT_PLAIN_CHAR = /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202a-\u202f\u205f\u2066-\u2069\u3000\ufeff]| {2}/;

/** One line of text, made visible (controls, bidi) and trimmed; newlines become spaces. */
export function plainLine(text: string): string {
  // Most texts are plain already; one test is much cheaper than the four replaces below.
  if (!NOT_PLAIN_CHAR.test(text) && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32) return text;
  return visibleLine(text)
    .replace(BIDI, (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase()}]`)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text for a paragraph, list item, heading or table cell: one line, nothing in it is markup. */
export function inline(text: string): string {
  return escapeMarkup(plainLine(text));
}

/** Markup escapes for text that is already a plain line (plainLine of it changes nothing). */
function escapeMarkup(line: string): string {
  // One test instead of two replaces for the many cells that need no escape at all.
  if (!NEEDS_ESCAPE.test(line)) return line;
  const escaped = line.replace(INLINE_SPECIAL, '\\$&');
  return escaped.replace(LEADING_BLOCK, (m) => (/^\d/.test(m) ? m.replace(/(\d)$/, '$1\\') : `\\${m}`));
}

/**
 * A table cell: inline text, cut to `max` characters so that one pasted log line cannot make the
 * timeline unreadable (the full text stays in report.json).
 */
export function cell(text: string, max = 300): string {
  const line = plainLine(text);
  // No more UTF-16 units than `max` means no more characters either: most cells skip the split.
  if (line.length <= max) return escapeMarkup(line);
  const chars = [...line];
  // A cut plain line is still a plain line (plainLine is idempotent), so only markup is left to escape.
  return escapeMarkup(chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : line);
}

/**
 * A code span holding `text` exactly: the fence is one backtick longer than the longest run of
 * backticks inside (CommonMark's rule). In a table cell pipes must still be escaped, even in code.
 */
export function code(text: string, options: { inTable?: boolean } = {}): string {
  let body = plainLine(text);
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${body === '' ? ' ' : body}${pad}${fence}`;
}

/** Quotes a path for a POSIX shell when it needs it, for copy-pasteable commands. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
